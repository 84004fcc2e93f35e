"""SVG snapshots of the first screens people see, with the demo data and a fixed today.

They are built by `make_app`, as `okrtui` builds them. `snap_compare` runs the app itself
and cannot be awaited, so these tests are plain functions.
Regenerate after a deliberate change: `.venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from okrtui.cli import make_app
from okrtui.store import Repository
from tests.conftest import TODAY
from tests.tui.meeting_helpers import steady_cursors
from tests.tui.settle import settle

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (160, 48)]


async def opened(pilot: Pilot[None]) -> None:
    """Wait for the first screen to be read and shown, its cursors steady."""
    await settle(pilot)
    steady_cursors(pilot.app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_on_the_demo(snap_compare: SnapCompare, demo_folder: Path, size: Any) -> None:
    app = make_app(Repository.open(demo_folder), today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_onboarding_on_an_empty_folder(
    snap_compare: SnapCompare, tmp_path: Path, size: Any
) -> None:
    app = make_app(Repository.open(tmp_path / "empty"), today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=opened)
