"""SVG snapshots of the first screens people see, with the demo data and a fixed today.

`snap_compare` (pytest-textual-snapshot) runs the app itself and is synchronous, so these
tests are plain functions.
Regenerate after a deliberate change: `.venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_on_the_demo(snap_compare: SnapCompare, demo_folder: Path, size: Any) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_onboarding_on_an_empty_folder(
    snap_compare: SnapCompare, tmp_path: Path, size: Any
) -> None:
    app = OkrApp(Repository.open(tmp_path / "empty"), today=TODAY)
    assert snap_compare(app, terminal_size=size)
