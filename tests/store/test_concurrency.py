"""Two processes saving into one file at the same time lose nothing and share no ids.

Without the lock around each read-modify-write, about half the records vanish here. The lock
is not fair (filelock polls every 50 ms), so the two writers take turns in long runs rather
than record by record; what matters is that every record survives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from okrtui.domain.sample import sample_plan
from okrtui.store import Repository
from tests.store import together
from tests.store.concurrent_writer import QUARTER, issue, session, team, topic, update

WRITER = Path(__file__).with_name("concurrent_writer.py")
WRITERS = ("alpha", "bravo")
COUNT = 200
UPDATE_COUNT = 60  # each send also reads the plan (the team must exist)
TEAM_COUNT = 100  # teams cost more to validate; the session test is the 200 + 200 case
ISSUE_COUNT = 40


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys; a lost record must not hide that way."""
    keys = [key for key, _ in pairs]
    duplicated = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicated, f"the file repeats the document ids {duplicated}"
    return dict(pairs)


def run_together(folder: Path, kind: str, count: int) -> None:
    """Start both writers, let each open the folder, then tell both to go at once."""
    together.run_together(
        [[sys.executable, str(WRITER), str(folder), name, str(count), kind] for name in WRITERS]
    )


def document_order(path: Path, table: str) -> list[str]:
    """Record ids in the order of their TinyDB document ids (the order they were inserted)."""
    raw = json.loads(path.read_text(), object_pairs_hook=refuse_duplicate_keys)
    documents = raw[table]
    return [documents[key]["id"] for key in sorted(documents, key=int)]


@pytest.mark.slow
def test_two_processes_saving_sessions_into_one_quarter_lose_nothing(tmp_path: Path) -> None:
    run_together(tmp_path, "sessions", COUNT)
    order = document_order(tmp_path / f"{QUARTER}.json", "sessions")
    assert len(order) == len(set(order)) == 2 * COUNT
    saved = Repository.open(tmp_path).sessions(QUARTER)
    expected = [session(name, n) for name in WRITERS for n in range(COUNT)]
    assert sorted(saved, key=lambda s: s.id) == sorted(expected, key=lambda s: s.id)


@pytest.mark.slow
def test_two_processes_saving_teams_into_the_plan_lose_nothing(tmp_path: Path) -> None:
    run_together(tmp_path, "teams", TEAM_COUNT)
    order = document_order(tmp_path / "okrtui.json", "teams")
    assert len(order) == len(set(order)) == 2 * TEAM_COUNT
    saved = Repository.open(tmp_path).teams()
    expected = [team(name, n) for name in WRITERS for n in range(TEAM_COUNT)]
    assert sorted(saved, key=lambda t: t.id) == sorted(expected, key=lambda t: t.id)


@pytest.mark.slow
def test_two_processes_raising_issues_and_parking_topics_lose_nothing(tmp_path: Path) -> None:
    run_together(tmp_path, "issues", ISSUE_COUNT)
    for table in ("issues", "parked"):
        order = document_order(tmp_path / "okrtui.json", table)
        assert len(order) == len(set(order)) == 2 * ISSUE_COUNT
    repository = Repository.open(tmp_path)
    expected = [issue(name, n) for name in WRITERS for n in range(ISSUE_COUNT)]
    assert sorted(repository.issues("sales"), key=lambda i: i.id) == sorted(
        expected, key=lambda i: i.id
    )
    topics = [topic(name, n) for name in WRITERS for n in range(ISSUE_COUNT)]
    assert sorted(repository.parked_topics("sales"), key=lambda t: t.id) == sorted(
        topics, key=lambda t: t.id
    )


@pytest.mark.slow
def test_two_members_sending_updates_at_once_lose_nothing(tmp_path: Path) -> None:
    Repository.open(tmp_path).save_plan(sample_plan())
    run_together(tmp_path, "updates", UPDATE_COUNT)
    order = document_order(tmp_path / "inbox.json", "updates")
    assert len(order) == len(set(order)) == 2 * UPDATE_COUNT
    waiting = Repository.open(tmp_path).pending_updates("sales")
    expected = [update(name, n) for name in WRITERS for n in range(UPDATE_COUNT)]
    assert sorted(waiting, key=lambda u: u.id) == sorted(expected, key=lambda u: u.id)
