"""Shaping a team's agenda in the plan editor by keys: each change is in the team on disk."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from okrtui.domain.agenda import QUARTERLY_AGENDA, resolved, team_agenda
from okrtui.domain.models import SessionKind
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.agenda_step_form import AgendaStepForm
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.screens.agenda_editor import ON, AgendaEditorScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen, PlanItem
from tests.conftest import TODAY
from tests.tui.meeting_helpers import notifications
from tests.tui.test_plan_edit import move_to

SIZE = (100, 36)


def on_disk(folder: Path, kind: SessionKind = "weekly") -> list[tuple[str, str, int]]:
    """The team's agenda as a fresh repository reads it: key, title and timebox per step."""
    team = Repository.open(folder).team("sales")
    return [
        (s.key, s.title, s.minutes)
        for s in (resolved(step, kind) for step in team_agenda(team, kind).steps)
    ]


async def cursor_to(pilot: Pilot[None], app: OkrApp, option_id: str) -> None:
    """Move the agenda list's cursor to the option `option_id`."""
    listing = app.screen.query_one(OptionList)
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    assert option_id in ids, ids
    target = ids.index(option_id)
    current = listing.highlighted or 0
    await pilot.press(*(["down"] * (target - current) or ["up"] * (current - target)))


async def test_facilitator_shapes_the_weekly_agenda_by_keys(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)
        await move_to(pilot, app, PlanItem("agenda", "sales", agenda_kind="weekly"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

        # No mini-training this team: off the agenda, saved at once.
        await cursor_to(pilot, app, ON + "training")
        await pilot.press("d")
        await pilot.pause()
        assert "training" not in [key for key, _, _ in on_disk(demo_folder)]

        # A discussion step after the check-ins; a timebox of 0 is refused at its field.
        await cursor_to(pilot, app, ON + "checkins")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaStepForm)
        await pilot.press(*"Headlines", "tab", "0", "tab", *"Good news and bad, one line each")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#minutes-error", Static).render())
        assert "at least 1" in error
        await pilot.press("shift+tab", "ctrl+u", "4", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

        # Headlines first thing after attendance; the check-ins get 20 minutes.
        await cursor_to(pilot, app, ON + "discussion-headlines")
        await pilot.press("shift+up", "shift+up")
        await pilot.pause()
        await cursor_to(pilot, app, ON + "checkins")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "ctrl+u", *"20", "enter")
        await pilot.pause()
        assert on_disk(demo_folder) == [
            ("attendance", "Attendance", 2),
            ("discussion-headlines", "Headlines", 4),
            ("commitments_review", "Last week's commitments", 5),
            ("checkins", "Key-result check-ins", 20),
            ("contributions", "Contributions & celebrations", 10),
            ("experiences", "Experiences: wins, lessons, blockers", 10),
            ("open_issues", "Open issues", 5),
            ("next_week", "Next week's targets & actions", 5),
            ("wrap_up", "Wrap-up: summary and rating", 3),
        ]
        team = Repository.open(demo_folder).team("sales")
        assert team.weekly_agenda is not None
        assert team.weekly_agenda.steps[1].prompt == "Good news and bad, one line each"
        assert team.quarterly_agenda is None  # the other agenda is untouched

        # The mini-training comes back where the built-in agenda has it.
        await cursor_to(pilot, app, "off:training")
        await pilot.press("d")
        await pilot.pause()
        keys = [key for key, _, _ in on_disk(demo_folder)]
        assert keys.index("training") == keys.index("open_issues") + 1

        # The discussion step is removed after asking; then back to the built-in agenda.
        await cursor_to(pilot, app, ON + "discussion-headlines")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "discussion-headlines" not in [key for key, _, _ in on_disk(demo_folder)]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert Repository.open(demo_folder).team("sales").weekly_agenda is None

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)


async def test_the_last_step_cannot_be_taken_off(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AgendaEditorScreen("sales", "quarterly"))
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        for _ in QUARTERLY_AGENDA:
            await cursor_to(pilot, app, listing.get_option_at_index(0).id or "")
            await pilot.press("d")  # the first step of the agenda off, one after another
        await pilot.pause()
        assert len(on_disk(demo_folder, "quarterly")) == 1
        assert any("at least one step" in message for message in notifications(app))
