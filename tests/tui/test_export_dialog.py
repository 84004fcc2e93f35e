"""Exporting minutes from the app: format, default path, inline errors, the clipboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.domain.sample import sample_sessions
from okrtui.minutes import render_markdown
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.export import ExportDialog
from okrtui.tui.screens.history import HistoryScreen
from tests.conftest import TODAY

SIZE = (100, 32)


async def open_dialog(pilot: Pilot[None]) -> ExportDialog:
    app = pilot.app
    assert isinstance(app, OkrApp)
    app.action_browse_history()
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    await pilot.press("e")  # the newest meeting is under the cursor
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


@pytest.mark.parametrize(("button", "ext"), [("md", "md"), ("html", "html"), ("json", "json")])
async def test_export_writes_the_chosen_format_to_the_default_path(
    demo_repository: Repository,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
    ext: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value == "exports/sales-2026-11-05-weekly-w6.md"
        await pilot.click(f"#format-{button}")
        await pilot.pause()
        assert path_input.value == f"exports/sales-2026-11-05-weekly-w6.{ext}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    written = (tmp_path / "exports" / f"sales-2026-11-05-weekly-w6.{ext}").read_text("utf-8")
    assert "Best Tier 1 week so far" in written
    if ext == "json":
        assert json.loads(written)["session"]["id"] == "2026-Q4-demo06"
    if ext == "html":
        assert written.startswith("<!DOCTYPE html>")


async def test_an_unwritable_path_is_explained_at_the_field(
    demo_repository: Repository, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = str(blocker / "minutes.md")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # still open, so the path can be fixed
        error = str(dialog.query_one("#path-error", Static).render())
        assert f"{blocker} is a file, not a folder" in error
        assert dialog.query_one("#export-path", Input).has_class("-invalid")

        await pilot.press("backspace")  # typing clears the message
        assert str(dialog.query_one("#path-error", Static).render()) == ""
        dialog.query_one("#export-path", Input).value = str(tmp_path / "ok" / "minutes.md")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "ok" / "minutes.md").is_file()


async def test_copy_puts_the_markdown_minutes_on_the_clipboard(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+y")
        await pilot.pause()
        sessions = sample_sessions()
        assert app.clipboard == render_markdown(sessions[5], sessions)
        assert isinstance(app.screen, HistoryScreen)


async def test_export_from_home_offers_the_teams_latest_meeting(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.action_export_minutes()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value.endswith("weekly-w6.md")
