"""Commitments still open past their due date are marked overdue on home and in the step
that reviews them, in the words the minutes use."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, OptionList

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY
from tests.tui.hostile_screens import screen_text
from tests.tui.meeting_helpers import FakeClock, go_to_step
from tests.tui.settle import settle

LATER = TODAY + timedelta(days=3)


def _rows(table: DataTable[Any]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_home_marks_an_open_commitment_past_its_due_date(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=LATER)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#commitments-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "Who",
            "Due",
            "Overdue by",
            "What",
        ]
        assert ["Chen Wei", "12 Nov", "3 days", "Run the third webinar with marketing"] in _rows(
            table
        )


async def test_at_80x24_home_shows_every_open_commitments_due_date_and_lateness_whole(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY + timedelta(days=19))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#commitments-table", DataTable)
        table.scroll_visible(animate=False)
        await settle(pilot)
        drawn = screen_text(app)
        for who, due, late, what in _rows(table):
            line = next(line for line in drawn.splitlines() if who in line and due in line)
            assert late == "19 days" and late in line, line
            assert what in line, line  # the demo's texts fit beside them


async def test_home_does_not_mark_a_commitment_due_today(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#commitments-table", DataTable)
        rows = _rows(table)
        assert ["Chen Wei", "12 Nov", "Run the third webinar with marketing"] in rows
        assert "Overdue by" not in [str(c.label) for c in table.columns.values()]


async def test_the_review_step_marks_late_commitments_until_they_are_settled(
    demo_folder: Path,
) -> None:
    clock = FakeClock()
    clock.advance(3 * 24 * 3600)
    app = OkrApp(Repository.open(demo_folder), today=LATER, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_start_weekly_meeting()
        await pilot.pause()
        screen = await go_to_step(pilot, "commitments_review")
        assert screen.context.session.date == LATER
        listing = screen.query_one("#commitments-list", OptionList)

        def shown() -> list[str]:
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        assert len(shown()) == 2
        assert all("due 2026-11-12, overdue by 3 days)" in line for line in shown())
        await pilot.press("d")  # Chen's webinar is done: settled, no longer late
        first, second = shown()
        assert "Run the third webinar" in first and "overdue" not in first
        assert "overdue by 3 days" in second
