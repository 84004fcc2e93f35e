"""Two okrtui apps on one folder: one runs a meeting; the other edits the plan, browses
history, is told the meeting is open elsewhere, follows it read-only, then takes it over."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Markdown

from okrtui.domain.models import Member
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.held_elsewhere import HeldElsewhereDialog
from okrtui.tui.screens.follow import FollowScreen
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.meeting import MeetingScreen
from tests.conftest import TODAY
from tests.tui.history_data import settle

CHILD = Path(__file__).with_name("facilitator_child.py")


@pytest.fixture
def facilitator(demo_folder: Path) -> Iterator[subprocess.Popen[str]]:
    """The first app: a facilitator running this week's meeting in another process."""
    process = subprocess.Popen(
        [sys.executable, str(CHILD), str(demo_folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent.parent,
    )
    yield process
    process.kill()
    process.wait()


def tell(process: subprocess.Popen[str], command: str) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(command + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


def held_session_id(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line.startswith("held "), line
    return line.split()[1]


async def test_second_app_views_then_takes_over_and_nothing_is_lost(
    demo_folder: Path, facilitator: subprocess.Popen[str]
) -> None:
    session_id = held_session_id(facilitator)
    assert tell(facilitator, "value 260").startswith("Saved")

    repository = Repository.open(demo_folder)
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # The second person edits the plan and browses history while the meeting runs.
        sales = repository.team("sales")
        repository.save_team(
            sales.model_copy(update={"members": [*sales.members, Member(id="fay", name="Fay")]})
        )
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert session_id in app.screen.sessions  # the meeting in progress is listed
        await pilot.press("escape")
        await settle(pilot)
        assert tell(facilitator, "value 270").startswith("Saved")

        # Opening the same meeting (this week's, so `w` goes straight to it): told who has
        # it, and offered a read-only view.
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, HeldElsewhereDialog)
        assert app.screen.holder.pid == facilitator.pid
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, FollowScreen)
        minutes = app.screen.query_one("#follow-minutes", Markdown).source
        assert "270 members" in minutes
        await pilot.press("escape")
        await settle(pilot)

        # Taking it over on purpose: the meeting moves here; the first screen can't save.
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.context.session.id == session_id
        status = tell(facilitator, "value 999")
        assert status.startswith("NOT SAVED") and "took this meeting over" in status
        assert app.screen.context.session.checkin("kr-tier1") is not None

    tell(facilitator, "quit")
    facilitator.wait(timeout=60)
    saved = Repository.open(demo_folder)
    meeting = saved.session(session_id)
    checkin = meeting.checkin("kr-tier1")
    assert checkin is not None and checkin.value == 270  # every acknowledged answer kept
    assert saved.team("sales").member("fay") is not None  # the plan edit kept too
    assert len(saved.sessions("2026-Q4", "sales")) == 7  # six past meetings and this one
