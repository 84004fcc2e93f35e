"""Exporting minutes from the app: format, default path, inline errors, overwrites, the clipboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.domain.sample import sample_sessions
from okrtui.minutes import EXTENSIONS, FORMATS, render_markdown
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.export import ExportDialog
from okrtui.tui.screens.history import HistoryScreen
from tests.conftest import TODAY
from tests.minutes.pdf_text import LETTER, no_pango, size
from tests.quick_keys import key_event
from tests.tui.history_data import settle

SIZE = (100, 32)
__all__ = ["no_pango"]  # a fixture, used by name


async def open_dialog(pilot: Pilot[None]) -> ExportDialog:
    app = pilot.app
    assert isinstance(app, OkrApp)
    app.action_browse_history()
    await settle(pilot)
    assert isinstance(app.screen, HistoryScreen)
    await pilot.press("e")  # the newest meeting is under the cursor
    await settle(pilot)
    assert isinstance(app.screen, ExportDialog)
    return app.screen


# The text formats; a PDF has its own test below.
@pytest.mark.parametrize(("button", "ext"), [(f, EXTENSIONS[f]) for f in FORMATS])
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
        await settle(pilot)
        assert path_input.value == f"exports/sales-2026-11-05-weekly-w6.{ext}"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
    written = (tmp_path / "exports" / f"sales-2026-11-05-weekly-w6.{ext}").read_text("utf-8")
    assert "Best Tier 1 week so far" in written
    if ext == "json":
        assert json.loads(written)["session"]["id"] == "2026-Q4-demo06"
    if ext == "html":
        assert written.startswith("<!DOCTYPE html>")
    if ext == "txt":
        assert written.startswith("Sales — weekly meeting, week 6\n")
        assert "ACTION ITEMS" in written and "**" not in written


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
        await settle(pilot)
        assert app.screen is dialog  # still open, so the path can be fixed
        error = str(dialog.query_one("#path-error", Static).render())
        assert f"{blocker} is a file, not a folder" in error
        assert dialog.query_one("#export-path", Input).has_class("-invalid")

        await pilot.press("backspace")  # typing clears the message
        assert str(dialog.query_one("#path-error", Static).render()) == ""
        dialog.query_one("#export-path", Input).value = str(tmp_path / "ok" / "minutes.md")
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "ok" / "minutes.md").is_file()


async def test_copy_puts_the_markdown_minutes_on_the_clipboard(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
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
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value.endswith("weekly-w6.md")


async def test_an_existing_file_is_replaced_only_when_the_facilitator_says_yes(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "exports" / "sales-2026-11-05-weekly-w6.md"
    target.parent.mkdir()
    target.write_text("my own notes\n")
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            "Replace the file that is already there?\nexports/sales-2026-11-05-weekly-w6.md"
        )
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog  # still open, so another path can be chosen
        assert target.read_text() == "my own notes\n"
        assert "was kept" in str(dialog.query_one("#path-error", Static).render())

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    assert "Best Tier 1 week so far" in target.read_text()


async def test_the_dialog_never_writes_inside_the_data_folder(
    demo_repository: Repository, demo_folder: Path
) -> None:
    before = {p: p.read_bytes() for p in demo_folder.rglob("*") if p.is_file()}
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = str(demo_folder / "okrtui.json")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # no question: this is never allowed
        assert "inside the data folder" in str(dialog.query_one("#path-error", Static).render())
    assert {p: p.read_bytes() for p in demo_folder.rglob("*") if p.is_file()} == before


async def test_a_path_ending_in_a_slash_is_a_folder_for_the_minutes(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = "minutes/2026/"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    written = tmp_path / "minutes" / "2026" / "sales-2026-11-05-weekly-w6.md"
    assert "Best Tier 1 week so far" in written.read_text()


async def test_the_dialog_never_writes_through_a_link(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours\n")
    link = tmp_path / "exports" / "sales-2026-11-05-weekly-w6.md"
    link.parent.mkdir()
    link.symlink_to(victim)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert victim.read_text() == "not yours\n"
    assert not link.is_symlink()
    assert "Best Tier 1 week so far" in link.read_text()


async def test_a_300_character_file_name_is_explained_at_the_field(
    demo_repository: Repository, tmp_path: Path
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = str(tmp_path / ("x" * 300 + ".md"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "longer than 255 bytes" in str(dialog.query_one("#path-error", Static).render())
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]


async def _export_pdf(pilot: Pilot[None], paper: str) -> ExportDialog:
    dialog = await open_dialog(pilot)
    await pilot.click("#format-pdf")
    await settle(pilot)
    assert dialog.query_one("#export-paper").display
    await pilot.click(f"#paper-{paper}")
    await settle(pilot)
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)
    return dialog


async def test_export_as_pdf_on_letter_paper_writes_a_pdf_and_remembers_the_paper(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _export_pdf(pilot, "letter")
        assert isinstance(app.screen, HistoryScreen)
    written = (tmp_path / "exports" / "sales-2026-11-05-weekly-w6.pdf").read_bytes()
    assert size(written) == LETTER
    assert (app.personal.load().export_format, app.personal.load().paper) == ("pdf", "letter")


async def test_export_pressed_again_while_the_pdf_is_made_writes_it_once(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the monkey: each press made a PDF, and the second one to finish closed the
    # dialog a second time, which stopped the app.
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.click("#format-pdf")
        await settle(pilot)
        for _ in range(2):  # the second press before the first PDF is made
            app.post_message(key_event("ctrl+s"))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, HistoryScreen)
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["sales-2026-11-05-weekly-w6.pdf"]


@pytest.mark.usefixtures("no_pango")
async def test_without_pango_the_dialog_says_what_to_install_at_the_field(
    demo_repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _export_pdf(pilot, "a4")
        assert app.screen is dialog
        shown = str(dialog.query_one("#path-error", Static).render())
        assert "Pango" in shown and "apt-get install libpango-1.0-0" in shown
    assert not (tmp_path / "exports").exists()
