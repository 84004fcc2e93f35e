"""Open issues carried from meeting to meeting: raised as a blocker, kept open, solved.

Each meeting is held by keys on the demo team, a week apart; its minutes and home's count
say where the issue stands.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label, OptionList

from okrtui.store import Repository
from okrtui.tui.screens.home import HomeScreen
from tests.conftest import TODAY
from tests.tui.meeting_helpers import (
    app_on_day,
    finish_from_wrap_up,
    go_to_step,
    meeting,
    start_meeting,
)

BLOCKER = "Leads arrive late from marketing"


async def home_count(pilot: Pilot[None]) -> str:
    """Back to home: what it says of the team's open issues."""
    await pilot.press("escape")
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    await home.settled()
    return str(home.query_one("#open-issues", Label).render())


def section(minutes: str, title: str) -> str:
    """The text of one `## title` section of Markdown minutes."""
    assert f"## {title}\n" in minutes, f"no section {title!r} in:\n{minutes}"
    return minutes.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


async def test_an_issue_raised_kept_open_then_solved_over_three_weeks(demo_folder: Path) -> None:
    # Week 1: Ben's blocker is raised in the experiences step.
    async with app_on_day(demo_folder, TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await home_count(pilot) == "No open issues"
        await start_meeting(pilot)
        await go_to_step(pilot, "experiences")
        await pilot.press("b", "enter", *"ben", "enter", *BLOCKER, "enter")
        screen = await go_to_step(pilot, "open_issues")
        listing = screen.query_one("#issues-list", OptionList)
        assert BLOCKER in str(listing.get_option_at_index(0).prompt)
        issues = section(await finish_from_wrap_up(pilot), "Open issues")
        assert f"{BLOCKER} (Ben Okafor, raised in this meeting)" in issues
        assert "Solved" not in issues
        assert (await home_count(pilot)).startswith("Open issues: 1")

    # Week 2: the issue is listed with its age and kept open.
    async with app_on_day(demo_folder, TODAY + timedelta(days=7)).run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        screen = await go_to_step(pilot, "open_issues")
        listing = screen.query_one("#issues-list", OptionList)
        assert listing.option_count == 1
        assert "7 days" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("k")
        issues = section(await finish_from_wrap_up(pilot), "Open issues")
        assert f"{BLOCKER} (Ben Okafor, open 7 days, kept open)" in issues
        assert (await home_count(pilot)).startswith("Open issues: 1")

    # Week 3: solved, with a resolution line.
    async with app_on_day(demo_folder, TODAY + timedelta(days=14)).run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        await go_to_step(pilot, "open_issues")
        await pilot.press("s", *"Weekly lead sync agreed", "enter")
        assert meeting(pilot.app).context.session.issue_reviews[0].status == "solved"
        issues = section(await finish_from_wrap_up(pilot), "Open issues")
        assert f"Solved — {BLOCKER}: Weekly lead sync agreed" in issues
        assert "### Still open\n\nNone." in issues
        assert await home_count(pilot) == "No open issues"

    [issue] = Repository.open(demo_folder).issues("sales")
    assert (issue.status, issue.resolution, issue.closed_on) == (
        "solved",
        "Weekly lead sync agreed",
        TODAY + timedelta(days=14),
    )
