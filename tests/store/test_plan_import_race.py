"""`okrtui plan import` is one locked read-modify-write: concurrent writers keep their changes.

Before, the import read and merged the plan before taking the lock, and two imports at once
kept about 8 of 20 members.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from okrtui.store import Repository
from tests.store import together
from tests.store.import_writer import TEAM, meeting

WRITER = Path(__file__).with_name("import_writer.py")
ROUNDS = 20


def run_together(folder: Path, *writers: tuple[str, str]) -> None:
    """Start each (name, kind) writer, wait until all are ready, then let them go at once."""
    together.run_together(
        [
            [sys.executable, str(WRITER), str(folder), name, str(ROUNDS), kind]
            for name, kind in writers
        ]
    )


@pytest.mark.slow
def test_two_plan_imports_at_once_keep_every_member(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    run_together(folder, ("alpha", "import"), ("bravo", "import"))
    members = {m.id for m in Repository.open(folder).team(TEAM).members}
    expected = {f"{name}-{n}" for name in ("alpha", "bravo") for n in range(ROUNDS)}
    assert sorted(expected - members) == []


@pytest.mark.slow
def test_a_plan_import_racing_a_meetings_autosave_keeps_both(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    run_together(folder, ("alpha", "import"), ("live", "autosave"))
    repository = Repository.open(folder)
    members = {m.id for m in repository.team(TEAM).members}
    assert members == {f"alpha-{n}" for n in range(ROUNDS)}
    assert repository.session("2026-Q4-live") == meeting("live", ROUNDS - 1)
