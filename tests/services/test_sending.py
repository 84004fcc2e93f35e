"""Sending minutes: a real SMTP server on 127.0.0.1 receives them; failures change nothing."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.models import SentMinutes, Team
from okrtui.services.sending import (
    CA_FILE_ENV,
    KEYRING_SERVICE,
    PASSWORD_ENV,
    SendError,
    recipients,
    send_minutes,
)
from okrtui.store import Repository
from tests.minutes.pdf_text import no_pango, pages, squeezed
from tests.services.smtp_server import (
    SECRET,
    Inbox,
    Security,
    certificate,
    free_port,
    login_server,
    mail_settings,
    secure_server,
    server,
    trusted,
)

# Fixtures, used by name.
__all__ = ["certificate", "login_server", "no_pango", "secure_server", "server", "trusted"]

WEEK1, WEEK3 = "2026-Q4-demo01", "2026-Q4-demo03"
SENT_AT = datetime(2026, 10, 1, 11, 5)


@pytest.fixture
def team_with_emails(demo_repository: Repository) -> Team:
    def with_emails(team: Team) -> Team:
        members = [m.model_copy(update={"email": f"{m.id}@example.org"}) for m in team.members]
        return team.model_copy(update={"members": members})

    return demo_repository.update_team("sales", with_emails)


def _received(inbox: Inbox) -> EmailMessage:
    assert len(inbox.envelopes) == 1
    content = inbox.envelopes[0].content
    assert isinstance(content, bytes)
    message = message_from_bytes(content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.usefixtures("team_with_emails")
def test_the_minutes_arrive_as_html_with_a_text_part_and_the_pdf_and_the_send_is_recorded(
    demo_folder: Path,
    server: tuple[Inbox, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    outcome = send_minutes(
        Repository.open(demo_folder), WEEK3, ["present"], mail_settings(port), now=lambda: SENT_AT
    )
    present = [f"{m}@example.org" for m in ("ana", "ben", "chen", "dana")]  # Eli was away
    assert list(outcome.to) == present
    assert inbox.envelopes[0].rcpt_tos == present
    message = _received(inbox)
    assert message["To"] == ", ".join(present)
    assert message["From"] == "ana@example.org"
    assert message["Subject"] == "Minutes: Sales, weekly meeting week 3, 2026-10-15"
    assert message.get_content_type() == "multipart/mixed"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert "Sales — weekly meeting, week 3\n====" in text.get_content().replace("\r\n", "\n")
    assert html.get_content().startswith("<!DOCTYPE html>")
    assert "<svg" in html.get_content()
    attachments = list(message.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["sales-2026-10-15-weekly-w3.pdf"]
    pdf = attachments[0].get_content()
    assert pdf.startswith(b"%PDF")
    assert "Sales·Thursday15October2026" in squeezed("".join(pages(pdf)))
    saved = Repository.open(demo_folder).session(WEEK3)
    assert saved.sent == [SentMinutes(at=SENT_AT, to=present)]


@pytest.mark.usefixtures("team_with_emails")
def test_okrtui_send_mails_the_addresses_given_using_the_personal_settings(
    demo_folder: Path,
    server: tuple[Inbox, int],
    personal_config: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    mail = mail_settings(port).model_dump()
    (personal_config / "settings.json").write_text(json.dumps({"mail": mail}), encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--data", str(demo_folder), "send", WEEK1, "--to", "boss@example.com", "--to", "all"],
    )
    assert result.exit_code == 0, result.stderr
    everyone = [f"{m}@example.org" for m in ("ana", "ben", "chen", "dana", "eli")]
    assert inbox.envelopes[0].rcpt_tos == ["boss@example.com", *everyone]
    assert "Sent the minutes to boss@example.com, ana@example.org" in result.stderr
    assert Repository.open(demo_folder).session(WEEK1).sent[0].to == [
        "boss@example.com",
        *everyone,
    ]


def test_a_refused_connection_says_so_and_changes_nothing(demo_folder: Path) -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(SendError) as refused:
        send_minutes(
            Repository.open(demo_folder), WEEK1, ["a@example.org"], mail_settings(port, user="")
        )
    assert str(refused.value) == (
        f"could not reach the mail server 127.0.0.1:{port}: the connection was refused. "
        "Check mail.host and mail.port in your settings."
    )
    assert Repository.open(demo_folder).session(WEEK1).sent == []


@pytest.mark.usefixtures("trusted")
def test_a_refused_login_says_so_sends_nothing_and_changes_nothing(
    demo_folder: Path,
    login_server: tuple[Inbox, int, Security],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port, security = login_server
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    with pytest.raises(SendError) as refused:
        mail = mail_settings(port, security=security)
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail)
    assert str(refused.value) == (
        f"the mail server 127.0.0.1:{port} refused the login of ana: check the user in your "
        "settings and the password (OKRTUI_SMTP_PASSWORD or the keyring)."
    )
    assert inbox.envelopes == []
    assert Repository.open(demo_folder).session(WEEK1).sent == []


@pytest.mark.usefixtures("trusted")
def test_the_minutes_arrive_encrypted_after_a_login_over_starttls_and_over_tls(
    demo_folder: Path,
    secure_server: tuple[Inbox, int, Security],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port, security = secure_server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    mail = mail_settings(port, security=security)
    outcome = send_minutes(
        Repository.open(demo_folder), WEEK1, ["boss@example.com"], mail, now=lambda: SENT_AT
    )
    assert outcome.to == ("boss@example.com",)
    assert inbox.envelopes[0].rcpt_tos == ["boss@example.com"]
    assert (inbox.encrypted, inbox.logged_in) == ([True], [True])
    assert _received(inbox)["Subject"] == "Minutes: Sales, weekly meeting week 1, 2026-10-01"
    saved = Repository.open(demo_folder).session(WEEK1)
    assert saved.sent == [SentMinutes(at=SENT_AT, to=["boss@example.com"])]


def test_a_certificate_this_computer_does_not_trust_is_refused_in_plain_words(
    demo_folder: Path,
    secure_server: tuple[Inbox, int, Security],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port, security = secure_server
    monkeypatch.delenv(CA_FILE_ENV, raising=False)  # the system's authorities only
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    with pytest.raises(SendError) as refused:
        mail = mail_settings(port, security=security)
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail)
    message = str(refused.value)
    assert message.startswith(
        f"the mail server 127.0.0.1:{port} showed a certificate this computer does not trust"
    )
    assert f"point {CA_FILE_ENV} at its certificate authority's file" in message
    assert inbox.envelopes == []
    assert Repository.open(demo_folder).session(WEEK1).sent == []


class _Keyring(ModuleType):
    """A system keyring, as the optional `keyring` package offers it: ana's password kept
    (or none)."""

    def __init__(self, kept: str | None) -> None:
        super().__init__("keyring")
        self.kept = kept
        self.asked: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.append((service, username))
        return self.kept if (service, username) == (KEYRING_SERVICE, "ana@127.0.0.1") else None


def _keyring(monkeypatch: pytest.MonkeyPatch, kept: str | None) -> _Keyring:
    fake = _Keyring(kept)
    monkeypatch.setitem(sys.modules, "keyring", fake)
    return fake


def test_the_password_comes_from_the_keyring_when_the_variable_is_not_set(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    keyring = _keyring(monkeypatch, SECRET)
    send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail_settings(port))
    assert keyring.asked == [("okrtui", "ana@127.0.0.1")]
    assert (len(inbox.envelopes), inbox.logged_in) == (1, [True])


def test_the_variable_wins_over_the_keyring(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    keyring = _keyring(monkeypatch, "an old password")
    send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail_settings(port))
    assert keyring.asked == []
    assert (len(inbox.envelopes), inbox.logged_in) == (1, [True])


def test_no_password_anywhere_says_where_to_put_it_and_sends_nothing(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    _keyring(monkeypatch, None)
    with pytest.raises(SendError) as refused:
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail_settings(port))
    assert str(refused.value) == (
        "no password for ana at 127.0.0.1: set OKRTUI_SMTP_PASSWORD, or store it with "
        "`keyring set okrtui ana@127.0.0.1`."
    )
    assert inbox.envelopes == []
    assert Repository.open(demo_folder).session(WEEK1).sent == []


@pytest.mark.usefixtures("no_pango")
def test_nothing_is_sent_when_the_minutes_cannot_be_made(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    with pytest.raises(SendError) as refused:
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], mail_settings(port))
    assert "the minutes' PDF cannot be made" in str(refused.value)
    assert "apt-get install libpango-1.0-0" in str(refused.value)
    assert inbox.envelopes == []
    assert Repository.open(demo_folder).session(WEEK1).sent == []


def test_without_a_mail_server_the_message_is_written_as_an_eml_file(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["--data", str(demo_folder), "send", WEEK1, "--to", "a@example.org"]
    )
    assert result.exit_code == 0, result.stderr
    eml = tmp_path / "exports" / "sales-2026-10-01-weekly-w1.eml"
    assert "No mail server in your settings: wrote" in result.stderr
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "a@example.org"
    assert isinstance(message, EmailMessage)
    assert [a.get_filename() for a in message.iter_attachments()] == [
        "sales-2026-10-01-weekly-w1.pdf"
    ]
    # Written, not sent: nothing is recorded on the session.
    assert Repository.open(demo_folder).session(WEEK1).sent == []


@pytest.mark.parametrize(
    ("to", "message"),
    [
        (["all"], "no member of Sales has an email in the plan"),
        (["not-an-address"], "'not-an-address' is not an email address"),
        (["a@example.org, not-an-address"], "'not-an-address' is not an email address"),
        ([" "], "no address given: name one, or all, or present."),
        # Longer than the record of a sent message keeps: refused before anything is sent.
        ([f"{'a' * 250}@example.org"], f"'{'a' * 40}…' is too long for an email address"),
    ],
)
def test_nobody_to_send_to_is_explained_before_anything_is_made(
    demo_folder: Path, to: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["--data", str(demo_folder), "send", WEEK1, "--to", *to])
    assert result.exit_code == 1
    assert f"Not sent: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_item_may_list_several_addresses(demo_repository: Repository) -> None:
    session = demo_repository.session(WEEK1)
    team = demo_repository.team("sales")
    typed = "boss@example.com, cfo@example.com;ops@example.com  boss@example.com"
    assert recipients(team, session, [typed]) == [
        "boss@example.com",
        "cfo@example.com",
        "ops@example.com",
    ]
