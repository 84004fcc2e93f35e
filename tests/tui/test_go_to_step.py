"""The tests' way to a step by its key holds however long the agenda grows."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrtui.domain.agenda import WEEKLY_AGENDA, Step
from okrtui.domain.models import Session
from okrtui.tui.screens import meeting as meeting_screen
from tests.tui.meeting_helpers import DIALOG_REACH, holding_meeting

# The weekly agenda with steps added after it, until it is longer than the dialog reaches.
EXTRA = tuple(
    Step(f"added_{n}", f"Added step {n}", 1)
    for n in range(max(0, DIALOG_REACH - len(WEEKLY_AGENDA)) + 2)
)
LONG_AGENDA = WEEKLY_AGENDA + EXTRA


async def test_a_step_past_the_dialogs_reach_is_reached_by_its_key(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def long_agenda(session: Session) -> tuple[Step, ...]:
        return LONG_AGENDA

    # The screen runs the steps of the agenda the meeting keeps.
    monkeypatch.setattr(meeting_screen, "session_steps", long_agenda)
    assert len(LONG_AGENDA) > DIALOG_REACH
    async with holding_meeting(demo_folder) as held:
        for step in (LONG_AGENDA[-1], LONG_AGENDA[DIALOG_REACH], WEEKLY_AGENDA[0]):
            screen = await held.go_to(step.key)
            assert screen.step == step
            title = str(screen.query_one("#step-title").render())
            assert title.startswith(f"Step {LONG_AGENDA.index(step) + 1} of {len(LONG_AGENDA)}")
