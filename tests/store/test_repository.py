"""The file repository's own behaviour: per-quarter files, lazy quarters, privacy, migration.

What every store does, on every backend, is in `test_store_contract.py`.
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

from okrtui.domain.sample import TEAM, sample_plan, sample_sessions
from okrtui.store import SCHEMA_VERSION, FileBackend, Repository
from okrtui.store.storage import AtomicJSONStorage
from tests.store.meetings import finished, weekly


def test_each_quarter_has_its_own_file_and_is_read_only_when_asked(tmp_path: Path) -> None:
    writer = Repository.open(tmp_path)
    for quarter in ("2026-Q2", "2026-Q3", "2026-Q4"):
        for n in range(3):
            writer.save_session(finished(weekly(quarter, n)))
    assert sorted(p.name for p in tmp_path.glob("2026-*.json")) == [
        "2026-Q2.json",
        "2026-Q3.json",
        "2026-Q4.json",
    ]
    fresh = Repository.open(tmp_path)
    reads = fresh.backend.reads  # type: ignore[attr-defined]
    assert fresh.quarters() == ["2026-Q4", "2026-Q3", "2026-Q2"]
    assert set(reads) - {"okrtui"} == set()
    assert len(fresh.sessions("2026-Q3")) == 3
    assert set(reads) - {"okrtui"} == {"2026-Q3"}
    batches = fresh.iter_sessions()
    next(batches)
    assert set(reads) - {"okrtui"} == {"2026-Q3", "2026-Q4"}
    fresh.sessions("2026-Q3")
    assert reads["2026-Q3"] == 1  # unchanged files are not parsed again


def test_files_are_private_and_have_a_schema_version(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path / "data")
    repository.save_plan(sample_plan())
    repository.save_session(sample_sessions()[0])
    for name in ("okrtui.json", "2026-Q4.json"):
        path = tmp_path / "data" / name
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert json.loads(path.read_text())["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert not list((tmp_path / "data").glob(".*.tmp"))


def test_a_second_repository_sees_writes_of_the_first(tmp_path: Path) -> None:
    first = Repository.open(tmp_path)
    second = Repository.open(tmp_path)
    first.save_session(weekly("2026-Q4", 1))
    assert len(second.sessions("2026-Q4")) == 1
    second.save_session(weekly("2026-Q4", 2))
    assert len(first.sessions("2026-Q4")) == 2


def test_old_schema_is_migrated_after_a_backup(tmp_path: Path) -> None:
    plan_file = tmp_path / "okrtui.json"
    old = {"teams": {"1": TEAM.model_dump(mode="json")}}
    plan_file.write_text(json.dumps(old))
    repository = Repository.open(tmp_path)
    assert repository.teams() == [TEAM]
    backups = list((tmp_path / "backups").glob("okrtui.schema-0.*.json"))
    assert len(backups) == 1
    assert json.loads(backups[0].read_text()) == old
    assert json.loads(plan_file.read_text())["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}


def test_atomic_storage_is_a_tinydb_storage(tmp_path: Path) -> None:
    from tinydb import TinyDB

    path = tmp_path / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.insert({"a": 1})
        db.insert({"b": 2})
        assert len(db) == 2
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert isinstance(FileBackend(tmp_path).load("db"), dict)


def test_settings_are_remembered_beside_the_plan(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path / "data")
    assert repository.settings() == {}
    repository.save_settings({"theme": "textual-light"})
    repository.save_settings({"other": 1})
    reopened = Repository.open(tmp_path / "data")
    assert reopened.settings() == {"theme": "textual-light", "other": 1}
    assert reopened.teams() == []  # settings are not part of the plan


def test_saving_settings_keeps_the_plan_intact(demo_repository: Repository) -> None:
    before = demo_repository.plan()
    demo_repository.save_settings({"theme": "textual-dark"})
    assert demo_repository.settings()["theme"] == "textual-dark"
    assert demo_repository.plan() == before


def test_meetings_in_progress_have_their_own_small_file(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    for session in sample_sessions():
        repository.save_session(session)
    quarter_file = tmp_path / "2026-Q4.json"
    before = quarter_file.read_bytes()
    live = weekly("2026-Q4", 20)
    for n in range(5):  # every answer of a meeting is a save
        live = live.model_copy(update={"summary": f"answer {n}"})
        repository.save_session(live)
    assert quarter_file.read_bytes() == before  # the big file is not rewritten
    assert repository.session(live.id).summary == "answer 4"
    assert repository.in_progress("sales") == live
    assert live in repository.sessions("2026-Q4")

    repository.save_session(finished(live))
    fresh = Repository.open(tmp_path)
    assert fresh.in_progress("sales") is None
    assert fresh.session(live.id).status == "completed"
    assert json.loads((tmp_path / "in-progress.json").read_text())["sessions"] == {}


def test_a_crash_while_finishing_keeps_the_finished_copy(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    live = weekly("2026-Q4", 1)
    repository.save_session(live)
    # As if killed between writing the quarter file and clearing the live file:
    Repository.open(tmp_path)._upsert("2026-Q4", "sessions", finished(live))
    fresh = Repository.open(tmp_path)
    assert fresh.in_progress("sales") is None
    assert [s.status for s in fresh.sessions("2026-Q4")] == ["completed"]
    assert fresh.session(live.id).status == "completed"


def test_search_parses_only_files_that_hold_the_words(tmp_path: Path) -> None:
    writer = Repository.open(tmp_path)
    for quarter in ("2026-Q2", "2026-Q3"):
        for n in range(3):
            summary = "Lighthouse deal closed" if (quarter, n) == ("2026-Q3", 1) else "Quiet"
            writer.save_session(
                finished(weekly(quarter, n)).model_copy(update={"summary": summary})
            )
    fresh = Repository.open(tmp_path)
    reads = fresh.backend.reads  # type: ignore[attr-defined]
    assert fresh.search_sessions("2026-Q2", ["lighthouse"]) == []
    assert reads["2026-Q2"] == 0  # the words are not in the file: it was not parsed
    found = fresh.search_sessions("2026-Q3", ["LIGHTHOUSE", "deal"])
    assert [s.id for s in found] == ["2026-Q3-t0001"]
    assert fresh.search_sessions("2026-Q3", ['"lighthouse"']) == found  # quotes are no obstacle
    assert fresh.search_sessions("2026-Q3", ["lighthouse", "nowhere"]) == []


def test_opening_a_folder_sweeps_old_temp_files_left_by_a_crash(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    repository.save_session(finished(weekly("2026-Q4", 1)))
    old = tmp_path / ".2026-Q4.json.abc123.tmp"
    young = tmp_path / ".okrtui.json.def456.tmp"
    for path in (old, young):
        path.write_text('{"half": ')
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    Repository.open(tmp_path)
    assert not old.exists()
    assert young.exists()  # may be another process's write in flight
    assert (tmp_path / "2026-Q4.json").exists()
