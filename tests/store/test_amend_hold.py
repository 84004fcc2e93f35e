"""A finished meeting being amended is held like a running one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from okrtui.domain.models import Session
from okrtui.store import Repository, SessionHeldElsewhere
from tests.store.holding_process import held_elsewhere


def finished() -> Session:
    started = datetime(2026, 11, 12, 10)
    return Session(
        id="2026-Q4-done01",
        team_id="sales",
        kind="weekly",
        quarter="2026-Q4",
        week=7,
        date=started.date(),
        started_at=started,
        status="completed",
        ended_at=datetime(2026, 11, 12, 11),
    )


def test_saving_a_correction_keeps_the_hold_until_it_is_released(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    repository.save_session(finished())
    repository.hold(finished().id)
    repository.save_session(finished().model_copy(update={"summary": "corrected"}))
    holders = (Repository.open(tmp_path).backend.load("in-progress") or {}).get("holders")
    assert len(holders or {}) == 1, "the amending process still holds the meeting"
    repository.release(finished().id)
    assert (Repository.open(tmp_path).backend.load("in-progress") or {}).get("holders") == {}
    assert repository.session(finished().id).summary == "corrected"


def test_a_finished_meeting_held_elsewhere_is_not_written(tmp_path: Path) -> None:
    Repository.open(tmp_path).save_session(finished())
    quarter_file = tmp_path / "2026-Q4.json"
    before = quarter_file.read_bytes()
    with held_elsewhere(tmp_path, finished().id) as other:
        repository = Repository.open(tmp_path)
        with pytest.raises(SessionHeldElsewhere) as raised:
            repository.save_session(finished().model_copy(update={"summary": "mine"}))
        assert raised.value.holder.pid == other.pid
    assert quarter_file.read_bytes() == before
