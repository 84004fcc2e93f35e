"""`okrtui doctor` names every problem of a folder; `--repair` sets unusable records aside.

The repair keeps a full copy of each file it changes, moves each unusable record (not the
file) into `backups/quarantine-<time>.json`, keeps every other record, and deletes nothing.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.sample import sample_sessions
from okrtui.store import Repository

LIVE = "in-progress.json"
QUARTER = "2026-Q4.json"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def state(folder: Path) -> dict[str, Any]:
    """Every path under `folder` with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def live_meeting(session_id: str, **changes: Any) -> dict[str, Any]:
    session = sample_sessions()[0].model_copy(
        update={"id": session_id, "status": "in_progress", "ended_at": None}
    )
    return {**session.model_dump(mode="json"), **changes}


def brick_with_a_long_guest(folder: Path) -> None:
    """The state the guest-name bug left: a live file holding a record its reader refuses."""
    documents = {
        "1": live_meeting("2026-Q4-live01", guests=["G" * 201]),
        "2": live_meeting("2026-Q4-live02"),
    }
    data = {"meta": {"1": {"schema_version": 1}}, "sessions": documents}
    (folder / LIVE).write_text(json.dumps(data))


def test_the_demo_folder_has_nothing_wrong_and_is_left_as_it_was(demo_folder: Path) -> None:
    before = state(demo_folder)
    assert run("doctor", "--data", str(demo_folder)) == (
        0,
        f"Checked {demo_folder}: nothing wrong.\n",
        "",
    )
    assert run("doctor", "--repair", "--data", str(demo_folder))[0] == 0
    assert state(demo_folder) == before


def test_a_folder_bricked_by_a_long_guest_name_opens_again_after_repair(
    demo_folder: Path,
) -> None:
    meetings = {s.id: s for s in Repository.open(demo_folder).sessions("2026-Q4")}
    brick_with_a_long_guest(demo_folder)
    bricked = (demo_folder / LIVE).read_bytes()
    code, _, err = run("sessions", "--data", str(demo_folder))
    assert code == 1 and "okrtui doctor" in err

    before = state(demo_folder)
    code, out, _ = run("doctor", "--data", str(demo_folder))
    assert code == 1
    assert (
        f"{demo_folder / LIVE}: sessions record '2026-Q4-live01' is not valid: "
        "guests[0]: is too long" in out
    )
    assert "okrtui doctor --repair" in out
    assert state(demo_folder) == before  # the check alone changes nothing

    code, out, _ = run("doctor", "--repair", "--data", str(demo_folder))
    assert code == 0, out
    assert "Moved into" in out and "2026-Q4-live01" in out
    repository = Repository.open(demo_folder)
    after = {s.id: s for s in repository.sessions("2026-Q4")}
    assert {k: v for k, v in after.items() if k != "2026-Q4-live02"} == meetings
    assert after["2026-Q4-live02"].model_dump(mode="json") == live_meeting("2026-Q4-live02")

    backups = demo_folder / "backups"
    (copy,) = backups.glob("in-progress.before-repair.*.json")
    assert copy.read_bytes() == bricked
    (quarantine,) = backups.glob("quarantine-*.json")
    moved = orjson.loads(quarantine.read_bytes())
    assert [(m["file"], m["record"]) for m in moved] == [
        (LIVE, live_meeting("2026-Q4-live01", guests=["G" * 201]))
    ]
    for path in (copy, quarantine):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert run("doctor", "--data", str(demo_folder))[0] == 0


def not_json(folder: Path) -> None:
    (folder / QUARTER).write_text('{"sessions": ')


def empty(folder: Path) -> None:
    (folder / QUARTER).write_text("  \n")


def newer(folder: Path) -> None:
    data = json.loads((folder / QUARTER).read_text())
    data["meta"]["1"]["schema_version"] = 99
    (folder / QUARTER).write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (not_json, "it is not valid JSON"),
        (empty, "it holds nothing but white space, not okrtui data"),
        (newer, "it was written by a newer okrtui (schema 99)"),
    ],
    ids=["not-json", "white-space", "newer-schema"],
)
def test_a_file_that_cannot_be_read_at_all_is_named_and_left_alone(
    demo_folder: Path, damage: Callable[[Path], None], said: str
) -> None:
    damage(demo_folder)
    before = state(demo_folder)
    code, out, _ = run("doctor", "--data", str(demo_folder))
    assert code == 1 and f"{demo_folder / QUARTER}: {said}" in out
    code, out, _ = run("doctor", "--repair", "--data", str(demo_folder))
    assert code == 1 and f"Not repaired: {demo_folder / QUARTER}: {said}" in out
    assert state(demo_folder) == before


def bad_records(folder: Path) -> list[str]:
    """Three unusable records in the quarter file: not an object, no week, a bad plan team."""
    data = json.loads((folder / QUARTER).read_text())
    data["sessions"]["2"] = ["not", "a", "record"]
    del data["sessions"]["3"]["week"]
    (folder / QUARTER).write_text(json.dumps(data))
    plan = json.loads((folder / "okrtui.json").read_text())
    plan["teams"][str(len(plan["teams"]) + 1)] = {"id": "ops", "name": ""}  # a third team
    (folder / "okrtui.json").write_text(json.dumps(plan))
    return [data["sessions"]["3"]["id"]]


def test_every_unusable_record_is_named_and_moved_and_every_good_one_kept(
    demo_folder: Path,
) -> None:
    good = {s.id: s for s in Repository.open(demo_folder).sessions("2026-Q4")}
    before_plan = Repository.open(demo_folder).plan()
    (no_week,) = bad_records(demo_folder)
    code, out, _ = run("doctor", "--data", str(demo_folder))
    assert code == 1
    assert f"{demo_folder / QUARTER}: record 2 of its 'sessions' table is not an object" in out
    assert f"{demo_folder / QUARTER}: sessions record '{no_week}' is not valid: " in out
    assert f"{demo_folder / 'okrtui.json'}: teams record 'ops' is not valid: name" in out
    assert "3 problem(s)" in out

    assert run("doctor", "--repair", "--data", str(demo_folder))[0] == 0
    repository = Repository.open(demo_folder)
    kept = {s.id: s for s in repository.sessions("2026-Q4")}
    assert set(good) - set(kept) == {no_week, sample_sessions()[1].id}
    assert all(kept[k] == good[k] for k in kept)
    assert repository.plan() == before_plan
    (quarantine,) = (demo_folder / "backups").glob("quarantine-*.json")
    assert len(orjson.loads(quarantine.read_bytes())) == 3


def test_an_old_schema_file_with_a_bad_record_is_repaired_then_opens(tmp_path: Path) -> None:
    good, bad = (s.model_dump(mode="json") for s in sample_sessions()[:2])
    bad["guests"] = ["G" * 201]
    (tmp_path / QUARTER).write_text(json.dumps({"sessions": {"1": good, "2": bad}}))
    assert run("doctor", "--repair", "--data", str(tmp_path))[0] == 0
    assert [s.id for s in Repository.open(tmp_path).sessions("2026-Q4")] == [good["id"]]


def test_doctor_on_a_folder_that_does_not_exist_says_so(tmp_path: Path) -> None:
    code, out, err = run("doctor", "--data", str(tmp_path / "nope"))
    assert code == 1 and out == ""
    assert f"no okrtui data at {tmp_path / 'nope'}; run `okrtui` there to start one" in err
    assert not (tmp_path / "nope").exists()
