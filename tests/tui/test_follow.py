"""Following a meeting another okrtui runs: every save redraws the view within a second."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Markdown, Static

from okrtui.domain.agenda import session_steps
from okrtui.domain.meeting import new_session
from okrtui.domain.models import Session
from okrtui.store import Repository
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.held_elsewhere import HeldElsewhereDialog
from okrtui.tui.screens.follow import FollowScreen
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.widgets.kr_row import KrRow
from tests.conftest import TODAY
from tests.store.holding_process import held_elsewhere
from tests.tui.meeting_helpers import FakeClock, demo_app
from tests.tui.settle import settle
from tests.tui.test_home import shown

SAVE_SHOWS_WITHIN_SECONDS = 1.0


def live_meeting(folder: Path) -> Session:
    """This week's meeting, saved in progress (on its first step)."""
    repository = Repository.open(folder)
    session = new_session(
        "2026-Q4-live01",
        repository.team("sales"),
        repository.objectives("sales", "2026-Q4"),
        "weekly",
        TODAY,
        FakeClock()(),
        facilitator="Ana",
    )
    repository.save_session(session)
    return session


@pytest.fixture
def facilitator(demo_folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding this week's meeting and saving what it is told."""
    session = live_meeting(demo_folder)
    with held_elsewhere(demo_folder, session.id) as process:
        yield process


def tell(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()
    assert process.stdout.readline() == "saved\n"


def step_line(screen: FollowScreen) -> str:
    return str(screen.query_one("#follow-step", Static).render())


def minutes(screen: FollowScreen) -> str:
    return screen.query_one("#follow-minutes", Markdown).source


async def test_a_member_follows_the_step_and_the_checkins_as_they_are_saved(
    demo_folder: Path, facilitator: subprocess.Popen[str]
) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # This week's meeting: `w` goes straight to it, and is told who has it.
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, HeldElsewhereDialog)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FollowScreen)
        steps = session_steps(Repository.open(demo_folder).session("2026-Q4-live01"))
        assert f"step 1 of {len(steps)}: Attendance" in step_line(screen)
        holder = str(screen.query_one("#follow-holder", Static).render())
        assert f"process {facilitator.pid}" in holder and "read-only" in holder

        # The view looks at the files at least once a second, and the first look after a
        # save redraws it (counted in looks, not in seconds: this machine's load varies).
        watch = screen._watch
        assert watch.every <= SAVE_SHOWS_WITHIN_SECONDS
        tell(facilitator, "step checkins")
        looked = watch.looks
        await screen.redrawn(lambda: "Key-result check-ins" in step_line(screen))
        assert watch.looks - looked <= 1

        tell(facilitator, "checkin kr-tier1 321")
        looked = watch.looks
        await screen.redrawn(lambda: "321" in minutes(screen))
        assert watch.looks - looked <= 1
        await pilot.pause()
        card = next(c for c in screen.query(KrRow) if c.status.kr.id == "kr-tier1")
        assert any("321" in line for line in shown(card)), shown(card)

        # Read-only: keys type nothing, and the meeting is not taken over unless asked.
        await pilot.press("x", "enter")
        assert Repository.open(demo_folder).holder("2026-Q4-live01") is not None
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_taking_over_from_the_follow_view_opens_the_meeting_as_saved(
    demo_folder: Path, facilitator: subprocess.Popen[str]
) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(FollowScreen("2026-Q4-live01"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowScreen)
        tell(facilitator, "checkin kr-tier2 640")
        await screen.redrawn(lambda: "640" in minutes(screen))
        await pilot.press("t")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        checkin = app.screen.context.session.checkin("kr-tier2")
        assert checkin is not None and checkin.value == 640
