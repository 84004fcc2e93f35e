"""A meeting open in one process is protected from another, until taken over on purpose."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from okrtui.domain.models import Session
from okrtui.store import Repository, SessionHeldElsewhere
from okrtui.store.holders import this_process
from tests.store.holding_process import held_elsewhere

HOLDER = Path(__file__).with_name("holding_process.py")


def meeting() -> Session:
    return Session(
        id="2026-Q4-live01",
        team_id="sales",
        kind="weekly",
        quarter="2026-Q4",
        week=7,
        date=datetime(2026, 11, 12).date(),
        started_at=datetime(2026, 11, 12, 10),
    )


@pytest.fixture
def other_process(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    Repository.open(tmp_path).save_session(meeting())
    with held_elsewhere(tmp_path, meeting().id) as process:
        yield process


def ask(process: subprocess.Popen[str], answer: str) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(answer + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


def test_this_process_can_hold_save_and_release(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    repository.save_session(meeting())
    repository.hold(meeting().id)
    assert repository.holder(meeting().id) is None  # holding it ourselves is no obstacle
    repository.save_session(meeting().model_copy(update={"summary": "ok"}))
    repository.release(meeting().id)
    assert repository.session(meeting().id).summary == "ok"


def test_second_process_is_told_who_has_the_meeting(
    tmp_path: Path, other_process: subprocess.Popen[str]
) -> None:
    repository = Repository.open(tmp_path)
    holder = repository.holder(meeting().id)
    assert holder is not None
    assert holder.pid == other_process.pid
    assert f"(process {other_process.pid})" in holder.describe()
    with pytest.raises(SessionHeldElsewhere):
        repository.hold(meeting().id)
    with pytest.raises(SessionHeldElsewhere, match="open elsewhere"):
        repository.save_session(meeting().model_copy(update={"summary": "from the viewer"}))
    assert ask(other_process, "from the facilitator") == "saved"
    assert repository.session(meeting().id).summary == "from the facilitator"


def test_taking_over_on_purpose_moves_the_meeting(
    tmp_path: Path, other_process: subprocess.Popen[str]
) -> None:
    repository = Repository.open(tmp_path)
    repository.hold(meeting().id, take_over=True)
    repository.save_session(meeting().model_copy(update={"summary": "taken over"}))
    reply = ask(other_process, "late answer")
    assert reply.startswith("taken: ") and f"(process {this_process().pid})" in reply
    assert repository.session(meeting().id).summary == "taken over"


def test_a_dead_holder_does_not_block(tmp_path: Path, other_process: subprocess.Popen[str]) -> None:
    other_process.kill()
    other_process.wait()
    repository = Repository.open(tmp_path)
    assert repository.holder(meeting().id) is None
    repository.hold(meeting().id)
    repository.save_session(meeting().model_copy(update={"summary": "after the crash"}))
    assert repository.session(meeting().id).summary == "after the crash"


def test_finishing_a_meeting_clears_its_holder(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path)
    repository.hold(meeting().id)
    started = meeting().started_at
    repository.save_session(
        meeting().model_copy(update={"status": "completed", "ended_at": started})
    )
    live = Repository.open(tmp_path).backend.load("in-progress") or {}
    assert live.get("holders") == {}


def test_a_process_taken_over_cannot_save_even_after_the_new_holder_left(
    tmp_path: Path, other_process: subprocess.Popen[str]
) -> None:
    repository = Repository.open(tmp_path)
    repository.hold(meeting().id, take_over=True)
    repository.save_session(meeting().model_copy(update={"summary": "taken over"}))
    repository.release(meeting().id)  # the new holder leaves
    reply = ask(other_process, "stale screen")
    assert reply.startswith("taken: ")
    assert Repository.open(tmp_path).session(meeting().id).summary == "taken over"


def test_a_process_taken_over_may_open_the_meeting_again_on_purpose(tmp_path: Path) -> None:
    Repository.open(tmp_path).save_session(meeting())
    first = subprocess.Popen(
        [sys.executable, str(HOLDER), str(tmp_path), meeting().id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdout.readline() == "held\n"
        repository = Repository.open(tmp_path)
        repository.hold(meeting().id, take_over=True)
        repository.release(meeting().id)
        assert ask(first, "stale").startswith("taken: ")
        assert ask(first, "hold again") == "held"
        assert ask(first, "fresh answer") == "saved"
    finally:
        first.kill()
        first.wait()
