"""Drive `okrtui serve` from a real browser (Debian's chromium through Playwright) and read
the screen the page draws.

The page draws the terminal on a canvas, so the screen is read from the bytes the app sends
down the page's websocket, fed into `pyte`, a terminal emulator. Waiting is a bounded poll
on a condition: Playwright's sync API delivers websocket events only while it runs, so each
poll is a short `page.wait_for_timeout`, never a sleep.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyte
from playwright.sync_api import Browser, Page, Playwright, Route, WebSocket

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT = 45.0  # a loaded two-core machine starts a server, a chromium and apps slowly
POLL_MS = 50
USER_HEADER = "X-Okrtui-User"


class ChromiumMissing(RuntimeError):
    """Debian's chromium is not installed; the browser tests need it (CI installs it)."""


def launch(playwright: Playwright) -> Browser:
    """The system's chromium, never a browser Playwright downloads."""
    if not os.access(CHROMIUM, os.X_OK):
        raise ChromiumMissing(
            f"{CHROMIUM} is missing, and the browser tests need it: "
            "apt-get install chromium (.ci/run does this in CI)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running `okrtui serve` on 127.0.0.1."""

    process: subprocess.Popen[bytes]
    port: int
    folder: Path

    @property
    def url(self) -> str:
        """The page's address, which is also the only Origin its websocket accepts."""
        return f"http://127.0.0.1:{self.port}"

    def apps(self) -> list[int]:
        """The pids of the app processes this server started (its children)."""
        pid = self.process.pid
        try:
            text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        except OSError:
            return []
        return [int(child) for child in text.split()]

    def kill(self) -> None:
        """SIGKILL the server: it says goodbye to nobody."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@contextmanager
def serving(folder: Path, *options: str, host: str = "127.0.0.1") -> Iterator[Server]:
    """`okrtui serve --data FOLDER` on a free port, until the block ends (`host`: the address
    it is told to listen on, if not the default)."""
    port = free_port()
    log = (folder.parent / f"serve-{port}.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "okrtui",
            "serve",
            "--data",
            str(folder),
            "--port",
            str(port),
            *(["--host", host] if host != "127.0.0.1" else []),
            *options,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(process, port, folder)
    try:
        _until(lambda: _listening(host, port) or process.poll() is not None, "the server to listen")
        assert process.poll() is None, (folder.parent / f"serve-{port}.log").read_text()
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def _listening(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def _until(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    """Poll `condition` (for things outside a page: processes, ports)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)  # a poll's pause, not a wait for something to happen


def process_ended(pid: int) -> bool:
    """Whether a process has exited (gone, or a zombie nobody has reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in {"Z", "X"}


@dataclass
class Tab:
    """One browser tab on the server: its screen as the app drew it, and its keyboard."""

    page: Page
    screen: pyte.Screen = field(default_factory=lambda: pyte.Screen(80, 24))
    foreign: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stream = pyte.ByteStream(self.screen)
        self.page.on("websocket", self._watch)

    def _watch(self, websocket: WebSocket) -> None:
        size = parse_qs(urlsplit(websocket.url).query)
        self.screen.resize(int(size["height"][0]), int(size["width"][0]))
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    def _sent(self, payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.screen.resize(size["height"], size["width"])

    @property
    def text(self) -> str:
        """The screen, line by line."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """The screen once it shows every one of `texts`."""
        deadline = time.monotonic() + timeout
        while not all(text in self.text for text in texts):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {texts!r}; the screen:\n{self.text}")
            self.page.wait_for_timeout(POLL_MS)
        return self.text

    def wait_for_cursor_at(self, label: str, timeout: float = TIMEOUT) -> None:
        """Until the cursor is in the field labelled `label` (on its line or the next), as a
        person looks for it before typing."""
        deadline = time.monotonic() + timeout
        while True:
            rows = [i for i, line in enumerate(self.screen.display) if label in line]
            if any(self.screen.cursor.y in (row, row + 1) for row in rows):
                return
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the cursor never reached {label!r}; the screen:\n{self.text}"
                )
            self.page.wait_for_timeout(POLL_MS)

    def press(self, *keys: str) -> None:
        """Press keys as a person would, in the terminal."""
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        """Type text into the terminal."""
        self.page.keyboard.type(text)


def open_tab(browser: Browser, server: Server, person: str | None = None) -> Tab:
    """A new browser (its own context) on the server's page, signed in as `person` when the
    server takes the name from the proxy's header."""
    headers = {USER_HEADER: person} if person else {}
    context = browser.new_context(
        viewport={"width": 1100, "height": 700}, extra_http_headers=headers
    )
    page = context.new_page()
    tab = Tab(page)

    def local_only(route: Route) -> None:
        # Nothing the page asks for may leave the machine: record it and refuse it.
        if not route.request.url.startswith(server.url + "/"):
            tab.foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", local_only)
    page.goto(server.url + "/")
    page.locator(".xterm-helper-textarea").focus()
    return tab


def in_progress_holders(folder: Path) -> list[dict[str, object]]:
    """Who the data folder says holds a meeting now, live or not (the in-progress file)."""
    live = folder / "in-progress.json"
    if not live.exists():
        return []
    return list(json.loads(live.read_text()).get("holders", {}).values())
