"""`okrtui plan import` is one locked read-modify-write: concurrent writers keep their changes.

Before, the import read and merged the plan before taking the lock, and two imports at once
kept about 8 of 20 members.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from okrtui.store import Repository
from tests.store.import_writer import TEAM, meeting

WRITER = Path(__file__).with_name("import_writer.py")
ROUNDS = 20
TIMEOUT_SECONDS = 120


def run_together(folder: Path, *writers: tuple[str, str]) -> None:
    """Start each (name, kind) writer, wait until all are ready, then let them go at once."""
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), name, str(ROUNDS), kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, kind in writers
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            out, err = process.communicate(timeout=TIMEOUT_SECONDS)
            assert process.returncode == 0, err
            assert out.endswith("done\n"), out
    finally:
        for process in processes:
            process.kill()
            process.wait()


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
