"""A quarter file holds every team's meetings; reading one team validates only that team's.

A malformed record of another team does not stop this team's meetings from being read; it is
reported, naming the file, as soon as its own team (or the whole quarter) is read, and no
write into the file happens while it is there. The validated models are kept per version of
the file, so a write by another process is always seen.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from okrtui.domain.models import Session
from okrtui.store import DataFileError, Repository, SaveError
from tests.store.validation_spy import count_validations

QUARTER = "2026-Q4"


def meeting(team_id: str, n: int, status: str = "completed") -> Session:
    """Meeting `n` of a team in QUARTER, finished unless told otherwise."""
    started = datetime(2026, 10, 1 + n, 9)
    return Session(
        id=f"{QUARTER}-{team_id}{n:02d}",
        team_id=team_id,
        kind="weekly",
        quarter=QUARTER,
        week=1 + n,
        date=started.date(),
        status=status,  # type: ignore[arg-type]
        started_at=started,
        ended_at=started.replace(hour=10) if status == "completed" else None,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three meetings each of the teams sales and ops, in one quarter file."""
    repository = Repository.open(tmp_path)
    for n in range(3):
        for team_id in ("sales", "ops"):
            repository.save_session(meeting(team_id, n))
    return tmp_path


def damage(folder: Path, session_id: str, change: Any) -> bytes:
    """Change one stored meeting's document in place; returns the file's new bytes."""
    path = folder / f"{QUARTER}.json"
    data = json.loads(path.read_text())
    for document in data["sessions"].values():
        if document["id"] == session_id:
            change(document)
    path.write_text(json.dumps(data))
    return path.read_bytes()


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every document validated as a Session from now on."""
    return count_validations(monkeypatch, Session)


def test_a_cold_read_of_one_team_validates_only_that_team(
    folder: Path, validations: list[object]
) -> None:
    repository = Repository.open(folder)
    assert [s.id for s in repository.sessions(QUARTER, "ops")] == [
        f"{QUARTER}-ops0{n}" for n in range(3)
    ]
    assert len(validations) == 3
    repository.sessions(QUARTER, "ops", "weekly")
    repository.session(f"{QUARTER}-ops01")
    assert len(validations) == 3  # validated once per version of the file
    assert len(repository.sessions(QUARTER)) == 6
    assert len(validations) == 6


def test_another_teams_broken_meeting_does_not_stop_this_team(folder: Path) -> None:
    bad = f"{QUARTER}-ops01"
    damage(folder, bad, lambda d: d.pop("week"))  # a weekly meeting without its week
    repository = Repository.open(folder)
    assert len(repository.sessions(QUARTER, "sales")) == 3
    assert repository.session(f"{QUARTER}-ops02").team_id == "ops"
    assert repository.in_progress("sales") is None
    message = rf"{QUARTER}\.json: sessions record '{bad}' is not valid: .*week"
    with pytest.raises(DataFileError, match=message):
        repository.sessions(QUARTER, "ops")
    with pytest.raises(DataFileError, match=message):
        repository.session(bad)
    with pytest.raises(DataFileError, match=message):
        repository.sessions(QUARTER)


def test_a_meeting_without_a_team_stops_every_read_of_its_quarter(folder: Path) -> None:
    damage(folder, f"{QUARTER}-ops01", lambda d: d.update(team_id=7))
    repository = Repository.open(folder)
    with pytest.raises(DataFileError, match=rf"record '{QUARTER}-ops01' is not valid: team_id"):
        repository.sessions(QUARTER, "sales")


def test_no_save_rewrites_a_file_that_holds_a_broken_meeting(folder: Path) -> None:
    bad = f"{QUARTER}-ops01"
    broken = damage(folder, bad, lambda d: d.pop("week"))
    repository = Repository.open(folder)
    sales = repository.sessions(QUARTER, "sales")[0]
    with pytest.raises(DataFileError, match=f"sessions record '{bad}' is not valid"):
        repository.save_session(sales.model_copy(update={"summary": "changed"}))
    with pytest.raises(DataFileError, match=f"sessions record '{bad}' is not valid"):
        repository.delete_session(sales.id)
    assert (folder / f"{QUARTER}.json").read_bytes() == broken


def test_saving_keeps_the_cache_current_without_validating_again(
    folder: Path, validations: list[object]
) -> None:
    repository = Repository.open(folder)
    repository.sessions(QUARTER, "sales")
    first = meeting("sales", 5)
    repository.save_session(first)  # the first write checks every record of the file once
    validations.clear()
    for n in range(3):
        repository.save_session(first.model_copy(update={"summary": f"answer {n}"}))
    assert len(validations) == 3  # the saved copy of each, nothing else
    assert repository.session(first.id).summary == "answer 2"
    assert repository.sessions(QUARTER, "sales")[-1].summary == "answer 2"
    assert len(repository.sessions(QUARTER)) == 7
    assert len(validations) == 3


def test_a_write_by_another_process_is_seen_even_when_the_size_is_the_same(folder: Path) -> None:
    reader, writer = Repository.open(folder), Repository.open(folder)
    target = reader.sessions(QUARTER, "sales")[1]
    assert target.summary == ""
    writer.save_session(target.model_copy(update={"summary": "aaaa"}))
    assert reader.sessions(QUARTER, "sales")[1].summary == "aaaa"
    size = (folder / f"{QUARTER}.json").stat().st_size
    writer.save_session(target.model_copy(update={"summary": "bbbb"}))
    assert (folder / f"{QUARTER}.json").stat().st_size == size
    assert reader.sessions(QUARTER, "sales")[1].summary == "bbbb"
    assert reader.session(target.id).summary == "bbbb"
    # The reader's own save starts from the file as it is now, not from what it cached.
    reader.save_session(meeting("ops", 7))
    assert reader.sessions(QUARTER, "sales")[1].summary == "bbbb"
    assert [s.summary for s in Repository.open(folder).sessions(QUARTER, "sales")][1] == "bbbb"


def test_a_meeting_in_progress_elsewhere_is_found_without_reading_other_teams(
    folder: Path, validations: list[object]
) -> None:
    # Files written before the live file existed keep meetings in progress in the quarter.
    path = folder / f"{QUARTER}.json"
    data = json.loads(path.read_text())
    late = meeting("sales", 9, status="in_progress").model_dump(mode="json")
    data["sessions"]["99"] = late
    path.write_text(json.dumps(data))
    repository = Repository.open(folder)
    found = repository.in_progress("sales")
    assert found is not None and found.id == late["id"]
    assert found.date == date(2026, 10, 10)
    assert {d["team_id"] for d in validations if isinstance(d, dict)} == {"sales"}


def test_a_failed_save_leaves_what_is_read_as_it_is_on_disk(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Repository.open(folder)
    target = repository.sessions(QUARTER, "sales")[1]
    before = (folder / f"{QUARTER}.json").read_bytes()

    def full_disk(path: str, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    # TinyDB has changed its parsed copy by the time this write fails: none of it may show.
    monkeypatch.setattr("okrtui.store.backends.replace_atomically", full_disk)
    with pytest.raises(SaveError, match="No space left"):
        repository.save_session(target.model_copy(update={"summary": "never saved"}))
    monkeypatch.undo()
    assert (folder / f"{QUARTER}.json").read_bytes() == before
    assert repository.sessions(QUARTER, "sales")[1].summary == ""
    assert repository.session(target.id).summary == ""
    assert all(s.summary == "" for s in repository.sessions(QUARTER))
