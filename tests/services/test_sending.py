"""Sending minutes: a real SMTP server on 127.0.0.1 receives them; failures change nothing."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from aiosmtpd.smtp import Session as SMTPSession
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.models import SentMinutes, Team
from okrtui.services.sending import SendError, send_minutes
from okrtui.services.settings import MailSettings
from okrtui.store import Repository
from tests.minutes.pdf_text import no_pango, pages, squeezed

__all__ = ["no_pango"]  # a fixture, used by name

WEEK1, WEEK3 = "2026-Q4-demo01", "2026-Q4-demo03"
SENT_AT = datetime(2026, 10, 1, 11, 5)
SECRET = "s3cret"


class Inbox:
    """What the test server received: one envelope per message."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: SMTPSession, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _login(
    server: SMTP, session: SMTPSession, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data == LoginPassword(b"ana", SECRET.encode())
    # handled=False: the server answers a refusal itself (535) rather than leave it to us.
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 that takes the login ana / s3cret."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_login,
        auth_require_tls=False,
        # Offered LOGIN after a refused PLAIN, smtplib and aiosmtpd stall until the timeout.
        auth_exclude_mechanism=["LOGIN"],
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def team_with_emails(demo_repository: Repository) -> Team:
    def with_emails(team: Team) -> Team:
        members = [m.model_copy(update={"email": f"{m.id}@example.org"}) for m in team.members]
        return team.model_copy(update={"members": members})

    return demo_repository.update_team("sales", with_emails)


def _mail(port: int, user: str = "ana") -> MailSettings:
    return MailSettings(
        host="127.0.0.1", port=port, security="none", user=user, sender="ana@example.org"
    )


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
        Repository.open(demo_folder), WEEK3, ["present"], _mail(port), now=lambda: SENT_AT
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
    mail = _mail(port).model_dump()
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
    port = _free_port()  # nothing listens there
    with pytest.raises(SendError) as refused:
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], _mail(port, user=""))
    assert str(refused.value) == (
        f"could not reach the mail server 127.0.0.1:{port}: the connection was refused. "
        "Check mail.host and mail.port in your settings."
    )
    assert Repository.open(demo_folder).session(WEEK1).sent == []


def test_a_refused_login_says_so_sends_nothing_and_changes_nothing(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", "wrong")
    with pytest.raises(SendError) as refused:
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], _mail(port))
    assert f"the mail server 127.0.0.1:{port} refused the login of ana" in str(refused.value)
    assert "OKRTUI_SMTP_PASSWORD" in str(refused.value)
    assert inbox.envelopes == []
    assert Repository.open(demo_folder).session(WEEK1).sent == []


@pytest.mark.usefixtures("no_pango")
def test_nothing_is_sent_when_the_minutes_cannot_be_made(
    demo_folder: Path, server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    with pytest.raises(SendError) as refused:
        send_minutes(Repository.open(demo_folder), WEEK1, ["a@example.org"], _mail(port))
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
    ],
)
def test_nobody_to_send_to_is_explained_before_anything_is_made(
    demo_folder: Path, to: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["--data", str(demo_folder), "send", WEEK1, "--to", *to])
    assert result.exit_code == 1
    assert f"Not sent: {message}" in result.stderr
    assert "Traceback" not in result.stderr
