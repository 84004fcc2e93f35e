"""Sending a meeting's minutes by mail: one message, HTML with a plain-text part, the PDF attached.

Shared by `okrtui send` and the app's "Send minutes". The message is built with the standard
library's `email` package and sent through the SMTP server in the person's settings
(`Settings.mail`); the password comes from `OKRTUI_SMTP_PASSWORD` or, when the `keyring`
package is installed, the system keyring, never from a file. Without a server the message is
written as an `.eml` file by the export rules of `okrtui.minutes.files`, to send by hand.

A send that fails says why in plain words and changes nothing; a sent message is recorded
on the session (when, to whom).
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from okrtui.domain.history import earlier_sessions
from okrtui.domain.limits import text_limits
from okrtui.domain.models import Member, SentMinutes, Session, Team, check_email
from okrtui.domain.text import one_line
from okrtui.minutes import render_html, render_pdf, render_text
from okrtui.minutes.files import ExportError, data_folder_of, default_path, export_file, file_name
from okrtui.minutes.pdf import PdfUnavailable
from okrtui.services.settings import MailSettings
from okrtui.store import Store, StoreError

PASSWORD_ENV = "OKRTUI_SMTP_PASSWORD"
KEYRING_SERVICE = "okrtui"
# OpenSSL's own setting, read by `ssl.create_default_context`: the certificate authorities
# to trust instead of the system's, for a server whose certificate an organisation signs.
CA_FILE_ENV = "SSL_CERT_FILE"
TIMEOUT_SECONDS = 20.0
# Who gets the minutes unless told: every active member with an email in the plan.
ALL, PRESENT = "all", "present"
# None of these can be inside an address (`check_email`), so a typed list splits at them.
_BETWEEN_ADDRESSES = re.compile(r"[\s,;]+")
# The longest address an `Email` keeps (mail's own limit), as a sent message's record keeps
# its addresses: read from a member's email, a plain `Email` field.
_LONGEST_ADDRESS = text_limits(Member, "email").max_length


class SendError(Exception):
    """The minutes were not sent (nor written); the message says why, in plain words."""


@dataclass(frozen=True)
class Outcome:
    """What happened: sent to `to`, or written to `eml` because no server is configured."""

    to: tuple[str, ...]
    eml: Path | None = None


def plain_text(session: Session, earlier: Sequence[Session]) -> str:
    """The message's plain-text part: the minutes for a mail client that shows no HTML."""
    return render_text(session, earlier)


def recipients(team: Team, session: Session, to: Sequence[str]) -> list[str]:
    """The addresses `to` names: `all` members, those `present`, or addresses as given
    (an item may list several, between commas, semicolons or spaces)."""
    chosen = [part for item in to for part in _BETWEEN_ADDRESSES.split(item) if part]
    if not chosen:
        if to:  # named, but empty: never "everyone" by accident
            raise SendError("no address given: name one, or all, or present.")
        chosen = [ALL]
    addresses: list[str] = []
    for item in chosen:
        if item in (ALL, PRESENT):
            people = [m for m in team.members if m.active]
            if item == PRESENT:
                people = [m for m in team.members if m.id in session.present_ids]
            found = [m.email for m in people if m.email]
            if not found:
                who = "member" if item == ALL else "member who was present"
                raise SendError(
                    f"no {who} of {one_line(team.name)} has an email in the plan. Add one in "
                    "the plan editor (or the plan file), or name addresses with --to."
                )
            addresses += found
        else:
            if _LONGEST_ADDRESS is not None and len(item) > _LONGEST_ADDRESS:
                raise SendError(
                    f"'{one_line(item[:40])}…' is too long for an email address "
                    f"(at most {_LONGEST_ADDRESS} characters)."
                )
            try:
                addresses.append(check_email(item))
            except ValueError as exc:
                raise SendError(f"'{one_line(item)}' is not an email address: {exc}") from None
    return list(dict.fromkeys(addresses))


def compose(
    session: Session, earlier: Sequence[Session], to: Sequence[str], sender: str | None
) -> EmailMessage:
    """The message: the HTML minutes with the plain-text part, and the PDF attached.

    SendError when the minutes cannot be made (a PDF needs Pango): then nothing is sent.
    """
    try:
        pdf = render_pdf(session, earlier)
    except PdfUnavailable as exc:
        raise SendError(f"the minutes' PDF cannot be made: {exc}") from None
    message = EmailMessage()
    message["Subject"] = one_line(_subject(session))
    if sender:  # an .eml written without a server gets its sender from the mail client
        message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    domain = sender.rpartition("@")[2] if sender else "okrtui.invalid"
    message["Message-ID"] = make_msgid("okrtui", domain=domain)
    message.set_content(plain_text(session, earlier))
    message.add_alternative(render_html(session, earlier), subtype="html")
    name = file_name(session, "pdf")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    return message


def _subject(session: Session) -> str:
    team = session.team_name or session.team_id
    if session.kind == "weekly":
        return f"Minutes: {team}, weekly meeting week {session.week}, {session.date.isoformat()}"
    return f"Minutes: {team}, quarterly review {session.quarter}, {session.date.isoformat()}"


def password(mail: MailSettings) -> str | None:
    """The server's password: `OKRTUI_SMTP_PASSWORD`, else the keyring's, else none."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    try:
        import keyring  # type: ignore[import-not-found]  # optional, when the person has it
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, f"{mail.user}@{mail.host}")
    except Exception:  # a keyring without a usable backend says so in many ways
        return None
    return str(found) if found is not None else None


def deliver(message: EmailMessage, mail: MailSettings, secret: str | None) -> None:
    """Hand the message to the server; SendError says in plain words why it was not."""
    where = f"{mail.host}:{mail.port}"
    try:
        server: smtplib.SMTP
        if mail.security == "tls":
            context = ssl.create_default_context()
            server = smtplib.SMTP_SSL(
                mail.host, mail.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            server = smtplib.SMTP(mail.host, mail.port, timeout=TIMEOUT_SECONDS)
        with server:
            if mail.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if mail.user:
                if secret is None:
                    raise SendError(
                        f"no password for {mail.user} at {mail.host}: set {PASSWORD_ENV}, or "
                        f"store it with `keyring set {KEYRING_SERVICE} {mail.user}@{mail.host}`."
                    )
                server.login(mail.user, secret)
            server.send_message(message)
    except SendError:
        raise
    except smtplib.SMTPAuthenticationError:
        raise SendError(
            f"the mail server {where} refused the login of {mail.user}: check the user in your "
            f"settings and the password ({PASSWORD_ENV} or the keyring)."
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(exc.recipients)
        raise SendError(f"the mail server {where} refused the addresses {refused}.") from None
    except smtplib.SMTPNotSupportedError:
        raise SendError(
            f"the mail server {where} does not offer STARTTLS: set mail.security to 'tls' "
            "(usually port 465) or ask its administrator."
        ) from None
    except smtplib.SMTPException as exc:
        raise SendError(f"the mail server {where} did not take the message: {exc}.") from None
    except ConnectionRefusedError:
        raise SendError(
            f"could not reach the mail server {where}: the connection was refused. "
            "Check mail.host and mail.port in your settings."
        ) from None
    except socket.gaierror:
        raise SendError(f"there is no mail server called {mail.host}: check mail.host.") from None
    except ssl.SSLCertVerificationError as exc:
        raise SendError(
            f"the mail server {where} showed a certificate this computer does not trust "
            f"({exc.verify_message}). If your organisation signs its own certificates, point "
            f"{CA_FILE_ENV} at its certificate authority's file."
        ) from None
    except ssl.SSLError as exc:
        raise SendError(f"the secure connection to {where} failed: {exc.reason}.") from None
    except TimeoutError:
        raise SendError(f"the mail server {where} did not answer in time.") from None
    except OSError as exc:
        raise SendError(
            f"could not reach the mail server {where}: {exc.strerror or exc}."
        ) from None


def send_minutes(
    repository: Store,
    session_id: str,
    to: Sequence[str],
    mail: MailSettings | None,
    now: Callable[[], datetime] = datetime.now,
    eml_path: Path | None = None,
    force: bool = False,
) -> Outcome:
    """Send a finished meeting's minutes and record it; without a server, write an `.eml`.

    The `.eml` goes to `eml_path`, or `exports/<minutes name>.eml` in the current folder.
    SendError (or a StoreError reading the session) says why nothing was sent.
    """
    session = repository.session(session_id)
    if session.status != "completed":
        raise SendError("the meeting is not finished yet: finish it, then send its minutes.")
    team = repository.team(session.team_id)
    addresses = recipients(team, session, to)
    sender = mail.sender if mail is not None else None
    message = compose(session, earlier_sessions(repository, session), addresses, sender)
    if mail is None:
        target = eml_path or default_path(session, "pdf").with_suffix(".eml")
        try:
            written = export_file(target, message.as_bytes(), data_folder_of(repository), force)
        except ExportError as exc:
            raise SendError(str(exc)) from None
        return Outcome(tuple(addresses), written)
    deliver(message, mail, password(mail))
    record = SentMinutes(at=now().replace(microsecond=0), to=addresses)
    try:
        # Read again: the session may have been amended while the message was on its way.
        current = repository.session(session_id)
        repository.save_session(current.model_copy(update={"sent": [*current.sent, record]}))
    except StoreError as exc:
        raise SendError(f"the minutes were sent, but recording it failed: {exc}") from None
    return Outcome(tuple(addresses))
