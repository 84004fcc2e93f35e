"""`okrtui serve`: textual-serve's server, made fit for a team's host.

What it changes from textual-serve's own `Server` (1.1.3, pinned):
- each browser's app is started with `exec` of a fixed argv (no shell, nothing from the
  request in it); the person's name travels in the environment (`OKRTUI_USER`);
- a websocket whose Origin is not the page's own is refused (a page on another site could
  otherwise drive the app), and so is one past `max_sessions`;
- with `user_header`, a request without a usable name in that header is refused (it did not
  come through the authenticating proxy);
- the page is okrtui's own (`templates/app_index.html`), with the font served from here.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server
from yarl import URL

from okrtui.services.identity import PERSON, USER_VARIABLE

log = logging.getLogger("okrtui.serve")

TEMPLATES = Path(__file__).with_name("templates")
# A terminal's size comes from the page: bounded, so a forged request cannot make the app
# lay out a screen of a million cells.
COLUMNS = range(20, 501)
ROWS = range(5, 201)


def app_argv(data: Path, config: str | None = None) -> list[str]:
    """The command that starts one browser's app: this Python running okrtui on `data`."""
    argv = [sys.executable, "-m", "okrtui", "--data", str(data.resolve())]
    if config is not None:
        argv += ["--config", str(Path(config).resolve())]
    return argv


class ExecAppService(AppService):
    """One browser's app, started by `exec` of `argv` with `environment` added."""

    def __init__(self, argv: Sequence[str], environment: dict[str, str], **options: Any) -> None:
        super().__init__(argv[0], **options)
        self.argv = list(argv)
        self.extra_environment = environment

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        # Who the person is comes from this request only, never from the server's shell.
        environment.pop(USER_VARIABLE, None)
        return {**environment, **self.extra_environment}

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
        )
        self._process = process
        assert process.stdin is not None
        self._stdin = process.stdin
        return process


class Refused(Exception):
    """A request the server will not serve: an HTTP status and the reason in plain words."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason

    def response(self) -> web.HTTPException:
        """The refusal as the HTTP answer (raised, or returned by a handler)."""
        kind = web.HTTPServiceUnavailable if self.status == 503 else web.HTTPForbidden
        return kind(text=self.reason + "\n")


class OkrServer(Server):
    """The okrtui page and one app process per connected browser."""

    def __init__(
        self,
        argv: Sequence[str],
        host: str = "127.0.0.1",
        port: int = 8000,
        max_sessions: int = 50,
        user_header: str | None = None,
        public_url: str | None = None,
    ) -> None:
        super().__init__(
            argv[0],
            host=host,
            port=port,
            title="okrtui",
            public_url=public_url,
            templates_path=TEMPLATES,
        )
        self.argv = list(argv)
        self.max_sessions = max_sessions
        self.user_header = user_header
        self.origin = URL(self.public_url).origin()
        self.connected = 0
        self.websockets: set[web.WebSocketResponse] = set()

    def person(self, request: web.Request) -> str | None:
        """The signed-in person named by the proxy's header (None without `user_header`)."""
        if self.user_header is None:
            return None
        try:
            return PERSON.check(request.headers.get(self.user_header, ""))
        except ValueError:
            raise Refused(403, f"no usable name in the {self.user_header} header") from None

    def check_origin(self, request: web.Request) -> None:
        """Refuse a websocket opened by a page that is not this server's own."""
        sent = request.headers.get("Origin", "")
        try:
            same = bool(sent) and URL(sent).origin() == self.origin
        except ValueError:
            same = False
        if not same:
            raise Refused(403, "this page may be driven only from its own address")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        try:
            self.person(request)
        except Refused as refused:
            return refused.response()
        page: web.StreamResponse = await super().handle_index(request)
        # Framed inside another site's page, its keys would reach the app from our own
        # origin: the page may not be framed.
        page.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        page.headers["X-Frame-Options"] = "DENY"
        return page

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        try:
            self.person(request)  # minutes go only to a signed-in person
        except Refused as refused:
            return refused.response()
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        try:
            self.check_origin(request)
            person = self.person(request)
            if self.connected >= self.max_sessions:
                raise Refused(503, f"okrtui is open in {self.max_sessions} browsers already")
        except Refused as refused:
            log.warning("refused a connection from %s: %s", request.remote, refused.reason)
            raise refused.response() from None
        # Counted before the first await, so browsers connecting at once cannot pass the cap.
        self.connected += 1
        try:
            return await self._serve(request, person)
        finally:
            self.connected -= 1

    async def _serve(self, request: web.Request, person: str | None) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _bounded(request.query.get("width", ""), COLUMNS, 80)
        height = _bounded(request.query.get("height", ""), ROWS, 24)
        service: ExecAppService | None = None
        self.websockets.add(websocket)
        try:
            await websocket.prepare(request)
            service = ExecAppService(
                self.argv,
                {USER_VARIABLE: person} if person else {},
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # one browser's failure must not stop the others'
            log.exception("a browser's app failed")
        finally:
            self.websockets.discard(websocket)
            if service is not None:
                await service.stop()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        # Stopped (Ctrl+C, SIGTERM): each browser's app is told to quit, as when its tab
        # closes, so every meeting is saved and let go before the server exits.
        await asyncio.gather(*(ws.close() for ws in list(self.websockets)))

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"okrtui is served on {self.public_url} (Ctrl+C stops it)")


def _bounded(text: str, allowed: range, default: int) -> int:
    try:
        value = int(text)
    except ValueError:
        return default
    return min(max(value, allowed.start), allowed.stop - 1)
