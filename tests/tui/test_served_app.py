"""In a browser (`okrtui serve`) no field names a path on the server: minutes download."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from okrtui.domain.sample import sample_sessions
from okrtui.minutes import render_markdown
from okrtui.services.identity import USER_VARIABLE
from okrtui.store import Repository
from okrtui.tui import served
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.export import ExportDialog
from okrtui.tui.screens.onboarding import OnboardingScreen
from tests.conftest import TODAY
from tests.tui.settle import settle

SIZE = (100, 36)


@pytest.fixture
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app as `okrtui serve` runs it: signed in by the proxy, and a server that stays
    (the watchdog sees its parent)."""
    monkeypatch.setattr(OkrApp, "is_web", property(lambda _app: True))
    monkeypatch.setenv(USER_VARIABLE, "Ana Costa")
    monkeypatch.setattr(served, "server_gone", lambda parent: False)


@pytest.mark.usefixtures("in_a_browser")
async def test_minutes_exported_in_a_browser_download_there_and_nothing_is_written(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    delivered: list[tuple[str, dict[str, Any]]] = []

    def deliver_text(path_or_file: Any, **options: Any) -> str:
        delivered.append((path_or_file.read(), options))
        return "key"

    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_export_minutes()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert not dialog.query("#export-path"), "no field names a path on the server"
        await pilot.press("ctrl+s")
        await settle(pilot)
    sessions = sample_sessions()
    ((text, options),) = delivered
    assert text == render_markdown(sessions[5], sessions)
    assert options["save_filename"] == "sales-2026-11-05-weekly-w6.md"
    assert not (tmp_path / "exports").exists(), "nothing was written on the server"


@pytest.mark.usefixtures("in_a_browser")
async def test_a_new_folder_in_a_browser_offers_no_plan_import_from_a_server_path(
    tmp_path: Path,
) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        assert not app.screen.query("#plan-path")
        await pilot.press("i")
        assert not app.screen.query("Input"), "the key for import does nothing here"


WATCHED = """
import os, sys, time
from okrtui.tui.served import server_gone
parent = os.getppid()
print(server_gone(parent), flush=True)
deadline = time.monotonic() + 30
while not server_gone(parent) and time.monotonic() < deadline:
    time.sleep(0.01)
print(server_gone(parent), flush=True)
"""


def test_a_served_app_sees_its_server_go_when_its_input_closes() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WATCHED], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "False\n", "the server is there while the pipe is open"
    child.stdin.close()  # as when the server dies: nobody writes to the app any more
    assert child.stdout.read() == "True\n"  # the child gives up after 30 s, saying False
    child.wait()
