"""The demo's second team on screen: home counts its open issues, and its next weekly
meeting runs the team's own agenda (the Customer story step, no mini-training)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, OptionList

from okrtui.domain import sample_support
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.home import HomeScreen
from tests.conftest import TODAY
from tests.tui.meeting_helpers import app_on_day, go_to_step, start_meeting


async def test_the_support_team_shows_its_issues_and_meets_on_its_own_agenda(
    demo_folder: Path,
) -> None:
    async with app_on_day(demo_folder, TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        await home.settled()
        assert str(home.query_one("#open-issues", Label).render()) == "No open issues"
        await pilot.press("t")  # the next team
        await home.settled()
        assert isinstance(pilot.app, OkrApp) and pilot.app.team_id == sample_support.TEAM_ID
        assert str(home.query_one("#open-issues", Label).render()).startswith("Open issues: 2")

        screen = await start_meeting(pilot)
        keys = [step.key for step in screen.steps]
        assert "training" not in keys
        screen = await go_to_step(pilot, sample_support.STORY_KEY)
        assert screen.step.title == "Customer story"
        assert screen.step.discussion
        screen = await go_to_step(pilot, "open_issues")
        listing = screen.query_one("#issues-list", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(shown) == 2
        assert "No one covers the phone queue over lunch" in shown[0]  # the oldest first
        assert "8 weeks" in shown[0]
        assert "Help-centre search shows retired articles first" in shown[1]
        assert "13 days" in shown[1]
