"""okrtui served to browsers: page open to home against a terminal, and memory per browser.

Drives `okrtui serve` from Debian's chromium with the browser tests' harness
(`tests/browser/served.py`: the server, the tab whose screen is read through pyte), and the
same app in a terminal with the end-to-end tests' tmux driver (`tests/e2e/tmux.py`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from okrtui.domain.sample import sample_plan
from okrtui.services.identity import USER_VARIABLE
from tests.browser.served import USER_HEADER, Server, Tab, launch, process_ended, serving
from tests.e2e.tmux import Terminal

PERSON = "Ana Costa"  # a demo member: home comes at once, nobody is asked who they are
# The demo team's first objective: home shows it once its plan is drawn.
HOME = next(o.title for o in sample_plan().objectives if o.team_id == sample_plan().teams[0].id)
TIMEOUT = 60.0
# Both screens are read this often: each tmux read is a process of its own, and reading
# faster would take from the two cores the app being timed needs.
POLL_SECONDS = 0.025


def _poll(shows: Callable[[], bool], pause: Callable[[], None], what: str) -> float:
    """Seconds on the monotonic clock when `shows()` first holds, polling with `pause`."""
    deadline = time.monotonic() + TIMEOUT
    while not shows():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        pause()
    return time.monotonic()


def _open(browser: Browser, server: Server) -> tuple[Tab, float]:
    """A new browser (its own context) on the server; seconds from `page.goto` to home."""
    context = browser.new_context(
        viewport={"width": 1100, "height": 700}, extra_http_headers={USER_HEADER: PERSON}
    )
    tab = Tab(context.new_page())
    started = time.monotonic()
    tab.page.goto(server.url + "/")
    shown = _poll(
        lambda: HOME in tab.text,
        lambda: tab.page.wait_for_timeout(POLL_SECONDS * 1000),
        "home in the browser",
    )
    return tab, shown - started


def _close(tabs: list[Tab], server: Server) -> None:
    """Close every tab and wait for their apps to end, so they cost the next run nothing."""
    apps = server.apps()
    for tab in tabs:
        tab.page.context.close()
    _poll(lambda: all(process_ended(pid) for pid in apps), lambda: time.sleep(0.02), "apps")


def _in_tmux(folder: Path, width: int, height: int) -> float:
    """Seconds from `tmux new-session` running okrtui on `folder` to its home screen."""
    command = [sys.executable, "-m", "okrtui", "--data", str(folder)]
    started = time.monotonic()
    terminal = Terminal(
        command,
        width=width,
        height=height,
        cwd=Path(__file__).parent.parent,
        env={USER_VARIABLE: PERSON},
    )
    try:
        shown = _poll(lambda: HOME in terminal.screen(), lambda: time.sleep(POLL_SECONDS), "tmux")
    finally:
        terminal.close()
    return shown - started


def _memory_kb(pid: int) -> tuple[int, int]:
    """A process's resident and proportional memory (kB): PSS counts shared pages once."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1])
        elif line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


@dataclass
class Measured:
    """What the browser stage measured: seconds to home per run, and memory (kB)."""

    size: tuple[int, int]  # the terminal both were timed at: the size the page asks for
    browser: list[float] = field(default_factory=list)
    tmux: list[float] = field(default_factory=list)
    apps: list[tuple[int, int]] = field(default_factory=list)  # (RSS, PSS) per app
    server_before: int = 0  # the server's RSS with no tab open
    server_after: int = 0  # and with every tab on home


def served(folder: Callable[[str], Path], runs: int, tabs: int) -> Measured:
    """Time `runs` browsers and terminals to home, interleaved, then hold `tabs` browsers on
    home and read each one's app's memory; `folder(name)` makes a fresh demo folder."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            with serving(folder("served"), "--user-header", USER_HEADER) as server:
                return _measure(browser, server, folder, runs, tabs)
        finally:
            browser.close()


def _measure(
    browser: Browser, server: Server, folder: Callable[[str], Path], runs: int, tabs: int
) -> Measured:
    # Once each first, unmeasured: the file cache, and the size the page asks for.
    tab, _ = _open(browser, server)
    measured = Measured(size=(tab.screen.columns, tab.screen.lines))
    _close([tab], server)
    _in_tmux(folder("tmux-warm"), *measured.size)
    for n in range(runs):  # interleaved, so drift in the machine's load hits both
        tab, seconds = _open(browser, server)
        measured.browser.append(seconds)
        _close([tab], server)
        measured.tmux.append(_in_tmux(folder(f"tmux-{n}"), *measured.size))

    measured.server_before = _memory_kb(server.process.pid)[0]
    opened = [_open(browser, server)[0] for _ in range(tabs)]
    apps = server.apps()
    if len(apps) != tabs:
        raise RuntimeError(f"{tabs} tabs on home, but the server runs {len(apps)} apps")
    measured.apps = [_memory_kb(pid) for pid in apps]
    measured.server_after = _memory_kb(server.process.pid)[0]
    _close(opened, server)
    return measured
