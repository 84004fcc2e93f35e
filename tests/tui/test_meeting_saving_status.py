"""Autosave while another okrtui holds the data file: the screen says "saving…", keys go on
being handled, and every answer reaches the file in the order it was committed."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.store import LOCK_TIMEOUT_SECONDS, Repository
from okrtui.store.repository import LIVE_FILE
from okrtui.tui.screens.meeting import SAVING, MeetingScreen
from tests.store.lock_holder import LockHolder, locked_elsewhere
from tests.tui.meeting_helpers import HeldMeeting, holding_meeting


def status(screen: MeetingScreen) -> str:
    return str(screen.query_one("#save-status", Static).render())


async def until_status(pilot: Pilot[None], screen: MeetingScreen, start: str) -> str:
    """Let the app run until the status line starts with `start` (at most the lock timeout)."""
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while not status(screen).startswith(start) and time.monotonic() < deadline:
        await pilot.pause()
    return status(screen)


async def contribute(pilot: Pilot[None], who: str, kr: str, text: str) -> None:
    """Commit a contribution in the contributions step: member, key result, what they did."""
    await pilot.press(*who, "enter", kr, "enter", *text, "enter")


def saved_contributions(folder: Path, session_id: str) -> list[str]:
    return [c.text for c in Repository.open(folder).session(session_id).contributions]


@asynccontextmanager
async def answer_waiting(folder: Path) -> AsyncIterator[tuple[HeldMeeting, LockHolder]]:
    """A meeting whose first contribution was committed while another process holds the
    meeting's file: the screen says it is saving."""
    async with holding_meeting(folder, step="contributions") as held:
        with locked_elsewhere(folder, LIVE_FILE) as other:
            await contribute(held.pilot, "ben", "1", "Closed 12 upgrades")
            assert status(held.screen) == SAVING
            yield held, other


async def test_answers_wait_for_another_okrtui_while_typing_goes_on(demo_folder: Path) -> None:
    async with answer_waiting(demo_folder) as (held, other):
        pilot, screen = held.pilot, held.screen
        # The screen is not frozen: the next contribution is typed and committed.
        await pilot.press(*"eli")
        focused = screen.focused
        assert isinstance(focused, Input) and focused.value == "eli"
        await pilot.press("enter", "2", "enter", *"Fixed the Tier 2 sheet", "enter")
        assert status(screen) == SAVING
        assert saved_contributions(demo_folder, held.session.id) == []  # nothing got through
        other.release()
        shown = await until_status(pilot, screen, "Saved")
        assert shown.startswith("Saved"), shown
        assert not screen.query_one("#save-status", Static).has_class("-error")
        assert saved_contributions(demo_folder, held.session.id) == [
            "Closed 12 upgrades",
            "Fixed the Tier 2 sheet",
        ]


async def test_leaving_waits_for_the_queued_answers(demo_folder: Path) -> None:
    async with answer_waiting(demo_folder) as (held, other):
        session_id = held.session.id
        # Let go while the screen is leaving: leaving waits for the queue, then saves.
        letting_go = threading.Thread(target=other.release)
        letting_go.start()
        await held.pilot.press("ctrl+l")
        letting_go.join()
        await held.pilot.pause()
        assert not isinstance(held.app.screen, MeetingScreen)
        assert saved_contributions(demo_folder, session_id) == ["Closed 12 upgrades"]


async def test_the_usual_save_is_on_disk_when_the_key_has_been_handled(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder, step="contributions") as held:
        await contribute(held.pilot, "ben", "1", "Closed 12 upgrades")
        assert saved_contributions(demo_folder, held.session.id) == ["Closed 12 upgrades"]
        assert status(held.screen).startswith("Saved")
