"""Numbers typed in the meeting and the plan editor: the team's locale, a preview that follows."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.kr_form import KeyResultForm
from okrtui.tui.dialogs.team_form import TeamForm
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen, PlanItem
from okrtui.tui.widgets.quarterly.scores import ScoresStep
from tests.conftest import TODAY
from tests.tui.meeting_helpers import FakeClock, demo_app, go_to_step
from tests.tui.test_plan_edit import SIZE, move_to
from tests.tui.test_quarterly_steps import clock, open_step

F = TypeVar("F", TeamForm, KeyResultForm)


async def open_checkins(app: OkrApp, pilot: Pilot[None]) -> MeetingScreen:
    """Start a weekly meeting and go to its check-ins."""
    await pilot.pause()
    app.action_start_weekly_meeting()
    await pilot.pause()
    return await go_to_step(pilot, "checkins")


def facts(screen: MeetingScreen) -> str:
    return str(screen.query_one("#card-1 .card-facts", Static).render())


async def test_the_preview_clears_when_the_value_is_cleared(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        before = facts(screen)
        assert "Δ" not in before
        await pilot.press(*"300")
        await pilot.pause()
        assert "Δ +" in facts(screen)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert screen.query_one("#value-1", Input).value == ""
        assert facts(screen) == before
        await pilot.press(*"12,5")  # refused in an en team: no preview of 125
        await pilot.pause()
        assert facts(screen) == before


async def test_a_refused_value_is_quoted_as_typed(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        error = screen.query_one("#value-1-error", Static)
        await pilot.press(*"12,5", "enter")
        assert "'12,5': did you mean 12.5?" in str(error.render())
        await pilot.press("ctrl+u", *"[/]", "enter")  # markup in the field stays text
        assert "'[/]' is not a number" in str(error.render())
        await pilot.press("ctrl+u", *("9" * 400), "enter")
        assert str(error.render()).startswith(f"'{'9' * 20}…' is too large")
        assert screen.context.session.checkin("kr-tier1") is None


async def test_a_german_team_types_its_decimals_with_a_comma(demo_folder: Path) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(repository.team("sales").model_copy(update={"locale": "de"}))
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        await pilot.press(*"1.200,5", "enter")
        await pilot.pause()
        assert screen.context.session.checkin("kr-tier1").value == 1200.5  # type: ignore[union-attr]
        assert "target 500" in facts(screen)


async def edit(pilot: Pilot[None], app: OkrApp, item: PlanItem, form: type[F]) -> F:
    """Open the plan editor's form for `item` (the cursor moves down to it)."""
    await move_to(pilot, app, item)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, form)
    return app.screen


async def retype(pilot: Pilot[None], field: Input, text: str) -> None:
    """Replace what a form field holds, by keys."""
    field.focus()
    await pilot.press("home", "ctrl+k", *text, "enter")
    await pilot.pause()


def error_under(screen: object, field_id: str) -> str:
    assert isinstance(screen, TeamForm | KeyResultForm)
    return str(screen.query_one(f"#{field_id}-error", Static).render())


async def test_a_team_sets_its_number_format_and_its_forms_follow_it(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        team_form = await edit(pilot, app, PlanItem("team", "sales"), TeamForm)
        await retype(pilot, team_form.query_one("#locale", Input), "xx")
        assert "'xx' is not a locale okrtui knows" in error_under(team_form, "locale")
        await retype(pilot, team_form.query_one("#locale", Input), "de")
        assert isinstance(app.screen, PlanEditorScreen)
        assert Repository.open(demo_folder).team("sales").locale == "de"

        tier1 = PlanItem("kr", "sales", objective_id="obj-upgrade", kr_id="kr-tier1")
        tier1_form = await edit(pilot, app, tier1, KeyResultForm)
        await retype(pilot, tier1_form.query_one("#target", Input), "$600")
        assert app.screen is tier1_form
        assert "This key result counts members, not dollars" in error_under(tier1_form, "target")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # discard the refused edit
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)

        price = PlanItem("kr", "sales", objective_id="obj-upgrade", kr_id="kr-t1-price")
        price_form = await edit(pilot, app, price, KeyResultForm)
        threshold = price_form.query_one("#threshold", Input)
        assert threshold.value == "4.800"  # shown as the team writes it
        await retype(pilot, threshold, "4.800,50")
        assert isinstance(app.screen, PlanEditorScreen)
        objective = Repository.open(demo_folder).objectives("sales", "2026-Q4")[0]
        assert objective.key_results[2].target == 4800.5


def german(folder: Path) -> None:
    """Make the demo team write its numbers the German way."""
    repository = Repository.open(folder)
    repository.save_team(repository.team("sales").model_copy(update={"locale": "de"}))


async def test_a_german_team_overrides_a_score_and_drafts_numbers_its_way(
    demo_folder: Path,
) -> None:
    german(demo_folder)
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "scores")
        await pilot.press("o", *"0.4", "enter")
        error = app.screen.query_one(ScoresStep).query_one("#override-score-error", Static)
        assert "did you mean 0,4?" in str(error.render())
        await pilot.press("ctrl+u", *"0,4", "enter", *"Leads paused for a month", "enter")
        await pilot.pause()
        await go_to_step(pilot, "next_quarter")
        await pilot.press("down", "e", "enter")  # Tier 1, its title kept
        baseline = app.screen.query_one("#nq-baseline", Input)
        assert baseline.value == "226"
        await pilot.press("enter", "ctrl+u", *"1.200", "enter", "s", "s")
        await pilot.pause()

    (review,) = Repository.open(demo_folder).sessions("2026-Q4", "sales", "quarterly")
    assert {s.kr_id: s.used for s in review.scores}["kr-tier1"] == 0.4
    (planned,) = Repository.open(demo_folder).objectives("sales", "2027-Q1")
    assert planned.key_results[0].target == 1200
