"""Commitments made in one meeting are reviewed in the next one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY
from tests.tui.meeting_helpers import FakeClock, go_to_step, holding_meeting


async def test_next_meeting_reviews_the_commitments_made_in_this_one(demo_folder: Path) -> None:
    clock = FakeClock()
    async with holding_meeting(demo_folder, step="commitments_review", clock=clock) as held:
        pilot = held.pilot
        await pilot.press("d", "d")  # both of week 6's commitments are done
        await go_to_step(pilot, "next_week")
        # Who, what, then Enter past the kind, the key result and the due date.
        await pilot.press(*"eli", "enter", *"Pitch Tier 1 to 15 members", *["enter"] * 4)
        await pilot.press(*"chen", "enter", *"Book webinar four", *["enter"] * 4)
        await go_to_step(pilot, "wrap_up")
        await pilot.press(*"Short meeting", "enter", "f")
        await pilot.pause()
        await pilot.press("y")  # finish anyway: most steps were skipped
        await pilot.pause()
        assert Repository.open(demo_folder).in_progress("sales") is None

    clock.advance(7 * 24 * 3600)
    app = OkrApp(Repository.open(demo_folder), today=TODAY + timedelta(days=7), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_start_weekly_meeting()
        await pilot.pause()
        screen = await go_to_step(pilot, "commitments_review")
        assert screen.context.session.week == 8
        listing = screen.query_one("#commitments-list", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(shown) == 2
        assert "Eli Haddad: Pitch Tier 1 to 15 members" in shown[0]
        assert "due 2026-11-19" in shown[0]
        assert "Chen Wei: Book webinar four" in shown[1]
        await pilot.press("x")
        saved = Repository.open(demo_folder).session(screen.context.session.id)
        assert [(r.status) for r in saved.commitment_reviews] == ["dropped"]
