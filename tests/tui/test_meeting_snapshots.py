"""SVG snapshots of the meeting's busiest step, at the smallest and a large terminal.

Regenerate after a deliberate change:
`.venv/bin/pytest tests/tui/test_meeting_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.meeting_helpers import app_as_opened, go_to_step, start_meeting, steady_cursors

SnapCompare = Callable[..., bool]


async def into_checkins(pilot: Pilot[None]) -> None:
    """Start the meeting, go to the check-ins and answer the first key result."""
    await start_meeting(pilot)
    await go_to_step(pilot, "checkins")
    await pilot.press(*"250", "enter", "2", *"Two renewals slipped", "enter", *"$4,8oo", "enter")
    steady_cursors(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_step(snap_compare: SnapCompare, demo_folder: Path, size: Any) -> None:
    app = app_as_opened(demo_folder)
    assert snap_compare(app, terminal_size=size, run_before=into_checkins)
