"""Help lists the current screen's keys; the palette offers every home action; themes persist."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from okrtui.services.settings import PersonalSettings
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs import export
from okrtui.tui.screens import history, meeting
from okrtui.tui.screens.help import HelpScreen
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen
from tests.conftest import TODAY
from tests.tui.meeting_helpers import go_to_step

SIZE = (100, 36)


def help_rows(app: OkrApp) -> dict[str, str]:
    table = app.screen.query_one("#help-table", DataTable)
    return {
        str(table.get_row_at(i)[1]): str(table.get_row_at(i)[0]) for i in range(table.row_count)
    }


async def test_help_lists_the_keys_of_the_screen_it_was_opened_from(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        assert rows["Weekly"] == "w"
        assert rows["Plan"] == "p"
        assert rows["Quit"] == "^q"
        assert "Add a member to the team" not in rows
        await pilot.press("escape")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)
        await pilot.press("f1")
        await pilot.pause()
        rows = help_rows(app)
        assert rows["Add a member to the team"] == "m"
        assert (
            rows["Deactivate or bring back a member; archive or restore an objective or KR"] == "d"
        )
        assert rows["Next quarter"] == "]"  # kept out of the footer, still listed here
        # The screen's own keys lead; focus and scrolling keys follow.
        first = app.screen.query_one("#help-table", DataTable).get_row_at(0)
        assert [str(cell) for cell in first] == ["esc", "Back to the home screen"]
        assert "Weekly" not in rows
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def run_from_palette(app: OkrApp, title: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*title)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Start weekly meeting", ("meeting", "weekly")),
        ("Start quarterly review", ("meeting", "quarterly")),
        ("Browse past sessions", ("history", "sales")),
        ("Export minutes", ("export", None)),
    ],
)
async def test_every_home_action_is_in_the_palette(
    demo_repository: Repository,
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    expected: tuple[object, ...],
) -> None:
    seen: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        meeting,
        "open_meeting",
        lambda app, team, kind, quarter=None: seen.append(("meeting", kind)),
    )
    monkeypatch.setattr(history, "open_history", lambda app, team: seen.append(("history", team)))
    monkeypatch.setattr(export, "open_export", lambda app, sid: seen.append(("export", sid)))
    await run_from_palette(OkrApp(demo_repository, today=TODAY), title)
    assert seen == [expected]


async def test_edit_plan_from_the_palette(demo_repository: Repository) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Edit plan")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)


async def test_light_theme_is_chosen_from_the_palette_and_remembered(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pilot.press(*"Switch to light theme")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert PersonalSettings.at().load().theme == "textual-light"
    assert "theme" not in Repository.open(demo_folder).settings()  # nobody else's changes

    again = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_keys_in_a_meeting_lead_with_its_own_and_fit_the_screen(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await go_to_step(pilot, "checkins")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        descriptions = list(rows)
        # The meeting's own keys lead (ctrl+k, which a text field binds too, sits among
        # them where Textual's map of the keys has it).
        own = {"Previous step", "Next step", "Go to step", "Leave (saved)", "Park a topic"}
        assert set(descriptions[: len(own)]) == own
        assert rows["Leave (saved)"] == "^l"
        # Textual's editing keys for the field are not listed one by one.
        assert "Move cursor left" not in rows and "Delete character left" not in rows
        table = app.screen.query_one("#help-table", DataTable)
        assert table.virtual_size.height <= table.size.height  # every key shows, no scrolling
        box = app.screen.query_one("#help-box").region
        assert box.bottom <= size[1] and box.right <= size[0]
        hint = app.screen.query_one("#help-box .hint").region
        assert box.contains_region(hint)
