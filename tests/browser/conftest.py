"""Browser tests: one chromium per worker, and at most two workers running them at once."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock, Timeout
from playwright.sync_api import Browser, sync_playwright

from tests.browser.served import TIMEOUT, launch

# Each browser test runs a server, a chromium and an app per tab: more than two at once
# would starve a two-core machine and time the others out.
SLOTS = 2


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives okrtui serve from chromium")


@pytest.fixture
def browser(browser_slot: None) -> Iterator[Browser]:
    """A chromium of the test's own, started once the test has its slot (so no more than
    `SLOTS` run at once, whatever the number of workers)."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_slot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One of the `SLOTS` places for a browser test, shared by every xdist worker."""
    base = Path(tmp_path_factory.getbasetemp())
    # Under xdist each worker has a folder of its own inside the run's: the run's is shared.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    locks = [FileLock(shared / f"okrtui-browser-slot-{n}.lock") for n in range(SLOTS)]
    deadline = time.monotonic() + 10 * TIMEOUT
    while True:
        for lock in locks:
            try:
                lock.acquire(timeout=0.05)
            except Timeout:
                continue
            try:
                yield
            finally:
                lock.release()
            return
        if time.monotonic() > deadline:
            raise AssertionError("no browser slot came free")
