"""A real SMTP server on 127.0.0.1 for the sending tests (aiosmtpd): without encryption,
with STARTTLS or with TLS from the first byte, on a self-signed certificate made here."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from aiosmtpd.smtp import Session as SMTPSession

from okrtui.services.sending import CA_FILE_ENV
from okrtui.services.settings import MailSettings

SECRET = "s3cret"
Security = Literal["starttls", "tls", "none"]


class Inbox:
    """What the test server received: one envelope per message, and for each whether it
    came over an encrypted connection from a client that logged in."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.encrypted: list[bool] = []
        self.logged_in: list[bool] = []

    async def handle_DATA(self, server: SMTP, session: SMTPSession, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        transport = server.transport
        self.encrypted.append(transport is not None and bool(transport.get_extra_info("cipher")))
        self.logged_in.append(bool(session.authenticated))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _login(
    server: SMTP, session: SMTPSession, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data == LoginPassword(b"ana", SECRET.encode())
    # handled=False: the server answers a refusal itself (535) rather than leave it to us.
    return AuthResult(success=ok, handled=False)


@contextmanager
def _serving(**options: Any) -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 that takes the login ana / s3cret."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_login,
        # Offered LOGIN after a refused PLAIN, smtplib and aiosmtpd stall until the timeout.
        auth_exclude_mechanism=["LOGIN"],
        **options,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def server() -> Iterator[tuple[Inbox, int]]:
    """A server without encryption (`security = "none"`)."""
    with _serving(auth_require_tls=False) as served:
        yield served


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made with the openssl command."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("the openssl command is not installed (apt-get install openssl)")
    folder = tmp_path_factory.mktemp("certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    subject = ["-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
    subject += ["-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        [openssl, *request, *subject, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


@contextmanager
def _encrypted(
    security: Security, certificate: tuple[Path, Path]
) -> Iterator[tuple[Inbox, int, Security]]:
    """A server that takes mail only encrypted: STARTTLS required before anything (and
    before a login), or TLS from the first byte."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    if security == "starttls":
        options: dict[str, Any] = {
            "tls_context": context,
            "require_starttls": True,
            "auth_require_tls": True,
        }
    else:
        # aiosmtpd counts only STARTTLS as encryption for a login; this connection is
        # encrypted from its first byte (the tests check it was).
        options = {"ssl_context": context, "auth_require_tls": False}
    with _serving(**options) as (inbox, port):
        yield inbox, port, security


@pytest.fixture(params=["starttls", "tls"])
def secure_server(
    request: pytest.FixtureRequest, certificate: tuple[Path, Path]
) -> Iterator[tuple[Inbox, int, Security]]:
    """An encrypted server, once for each kind of encryption the settings offer."""
    with _encrypted(request.param, certificate) as served:
        yield served


@pytest.fixture(params=["none", "starttls"])
def login_server(
    request: pytest.FixtureRequest, certificate: tuple[Path, Path]
) -> Iterator[tuple[Inbox, int, Security]]:
    """A server that asks for a login: without encryption, or after STARTTLS."""
    if request.param == "none":
        with _serving(auth_require_tls=False) as (inbox, port):
            yield inbox, port, "none"
    else:
        with _encrypted("starttls", certificate) as served:
            yield served


@pytest.fixture
def trusted(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer trusts the test certificate, as a person trusts their organisation's."""
    monkeypatch.setenv(CA_FILE_ENV, str(certificate[0]))


def mail_settings(port: int, user: str = "ana", security: Security = "none") -> MailSettings:
    """The settings of a person who sends through the test server as ana."""
    return MailSettings(
        host="127.0.0.1", port=port, security=security, user=user, sender="ana@example.org"
    )
