"""Quarterly steps one at a time: the chart, the retrospective and the next-quarter draft."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from okrtui.domain.models import KeyResult
from okrtui.domain.plan import Plan
from okrtui.domain.quarterly import quarter_paths, quarter_sessions
from okrtui.domain.sample import OBJECTIVE, sample_sessions
from okrtui.store import Repository, SaveError
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.widgets.kr_chart import KRChart
from okrtui.tui.widgets.text_box import TextBox
from tests.conftest import TODAY
from tests.tui.meeting_helpers import go_to_step

SIZE = (100, 36)


def clock() -> datetime:
    return datetime(2026, 11, 12, 10, 0)


class ChartHost(App[None]):
    """Just the chart, as the quarter-in-numbers step shows it."""

    def compose(self) -> ComposeResult:
        yield KRChart(id="chart")


async def test_the_chart_shows_each_check_in_and_the_lines_that_apply() -> None:
    sessions = quarter_sessions(sample_sessions(), "sales", "2026-Q4")
    paths = {p.kr.id: p for p in quarter_paths("2026-Q4", [OBJECTIVE], sessions)}
    app = ChartHost()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(KRChart)
        chart.show_path(paths["kr-tier1"])
        await pilot.pause()
        table = app.query_one("#kr-table", DataTable)
        assert table.row_count == 6
        assert [str(c) for c in table.get_row_at(5)[:3]] == ["6", "226", "196"]
        assert "expected pace" in str(app.query_one("#kr-key", Static).render())

        chart.show_path(paths["kr-t1-price"])
        await pilot.pause()
        key = str(app.query_one("#kr-key", Static).render())
        assert "threshold" in key and "pace" not in key
        assert str(table.get_row_at(3)[1]) == "$4,760"


async def open_step(pilot: Pilot[None], app: OkrApp, key: str) -> None:
    """Start the demo team's review of 2026-Q4 and go to the step `key`."""
    await pilot.press("r")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await go_to_step(pilot, key)


async def test_retrospective_notes_are_added_edited_deleted_and_restored(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "retrospective")
        await pilot.press(*"Webinars", "enter")
        await pilot.press("tab", *"Leads late", "enter")
        await pilot.press("tab")  # to the list of notes
        assert app.screen.focused is app.screen.query_one("#retro-list")
        await pilot.press("e")  # edit "Webinars"
        assert app.screen.query_one("#went-well", TextBox).value == "Webinars"
        await pilot.press(*" work", "enter")
        await pilot.press("tab", "tab", "down", "delete")  # to the list; delete "Leads late"
        await pilot.pause()
        (review,) = Repository.open(demo_folder).sessions("2026-Q4", "sales", "quarterly")
        assert [(n.kind, n.text) for n in review.notes] == [("went_well", "Webinars work")]
        await pilot.press("ctrl+z")
        await pilot.pause()

    (review,) = Repository.open(demo_folder).sessions("2026-Q4", "sales", "quarterly")
    assert {(n.kind, n.text) for n in review.notes} == {
        ("went_well", "Webinars work"),
        ("to_change", "Leads late"),
    }


async def test_a_target_behind_the_new_baseline_must_be_fixed_before_saving(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "next_quarter")
        await pilot.press("down", "e", "enter", "enter")  # Tier 1: title and baseline kept
        await pilot.press("ctrl+u", *"200", "enter")  # below the new baseline of 226
        assert "target above its baseline" in str(
            app.screen.query_one("#nq-target-error", Static).render()
        )
        await pilot.press("escape")  # back to the list, the Tier 1 row still highlighted
        assert app.screen.focused is app.screen.query_one("#draft-list")
        await pilot.press("s")
        assert "Fix these first" in str(app.screen.query_one("#nq-status", Static).render())
        await pilot.press("s")
        await pilot.pause()
        assert Repository.open(demo_folder).objectives("sales", "2027-Q1") == []

        await pilot.press("e", "enter", "enter", "ctrl+u", *"600", "enter", "s", "s")
        await pilot.pause()

    (planned,) = Repository.open(demo_folder).objectives("sales", "2027-Q1")
    assert (planned.key_results[0].baseline, planned.key_results[0].target) == (226, 600)


async def test_the_draft_goes_into_the_plan_in_one_write_and_a_failure_says_so(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    real_save_plan = app.repository.save_plan
    written: list[Plan] = []

    def save_plan(plan: Plan) -> None:
        written.append(plan)
        if len(written) == 1:
            raise SaveError("the folder is read-only")
        real_save_plan(plan)

    app.repository.save_plan = save_plan  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "next_quarter")
        await pilot.press("s", "s")
        await pilot.pause()
        status = str(app.screen.query_one("#nq-status", Static).render())
        assert "Not saved into the plan: the folder is read-only" in status
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.context.session.next_quarter_saved is False
        await pilot.press("s", "s")
        await pilot.pause()
        assert "Saved into the plan" in str(app.screen.query_one("#nq-status", Static).render())
        session_id = screen.context.session.id

    assert len(written) == 2  # one write for the whole draft each time
    assert [o.title for o in written[1].objectives] == [OBJECTIVE.title]
    assert len(Repository.open(demo_folder).objectives("sales", "2027-Q1")) == 1
    assert Repository.open(demo_folder).session(session_id).next_quarter_saved is True


async def test_a_kr_never_checked_in_is_scored_from_a_typed_final_value(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    launch = KeyResult(id="kr-referral", title="Launch the referral programme", kind="milestone")
    repository.save_objective(
        OBJECTIVE.model_copy(update={"key_results": [*OBJECTIVE.key_results, launch]})
    )
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "scores")
        await pilot.press("f")  # Tier 1 has check-ins: its last one is final
        assert app.screen.query_one("#final-value", Input).display is False
        await pilot.press("down", "down", "down", "down", "f")
        await pilot.press(*"half", "enter")
        assert "not a number" in str(app.screen.query_one("#final-value-error", Static).render())
        await pilot.press("ctrl+u", *"60%", "enter")
        await pilot.pause()

    (review,) = Repository.open(demo_folder).sessions("2026-Q4", "sales", "quarterly")
    (score,) = review.scores
    assert (score.kr_id, score.final_value, score.computed, score.used) == (
        "kr-referral",
        60,
        0.6,
        0.6,
    )


def test_weekly_meetings_do_not_load_the_plotting_library() -> None:
    """textual-plot brings numpy (~0.3 s); only the quarterly chart should pay for it."""
    code = (
        "import sys, okrtui.tui.screens.meeting, okrtui.tui.widgets.steps; "
        "print('numpy' in sys.modules or 'textual_plot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
