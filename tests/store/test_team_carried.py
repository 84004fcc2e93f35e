"""Open issues and parked topics in every Store: kept with the team, changed under the lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrtui.domain.models import Issue, ParkedTopic
from okrtui.domain.sample import sample_plan
from okrtui.store import Repository, Store
from okrtui.store.errors import RecordRefused


def issue(n: int, team_id: str = "sales") -> Issue:
    return Issue(
        id=f"2026-Q4-aaaa0{n}.n-00000{n}",
        team_id=team_id,
        text=f"Blocker {n}",
        raised_in=f"2026-Q4-aaaa0{n}",
        raised_on=date(2026, 10, n),
    )


def topic(n: int, team_id: str = "sales") -> ParkedTopic:
    return ParkedTopic(
        id=f"p-00000{n}",
        team_id=team_id,
        text=f"Topic {n}",
        parked_in="2026-Q4-aaaa01",
        parked_on=date(2026, 10, n),
    )


def test_issues_are_kept_per_team_and_changed_as_they_are_now(store: Store) -> None:
    store.save_plan(sample_plan())
    assert store.issues("sales") == []
    store.update_issues("sales", lambda now: [issue(1)])
    store.update_issues("support", lambda now: [issue(2, "support")])
    seen: list[list[Issue]] = []

    def solve(now: list[Issue]) -> list[Issue]:
        seen.append(now)
        return [
            now[0].model_copy(
                update={
                    "status": "solved",
                    "closed_in": "2026-Q4-bbbb01",
                    "closed_on": date.today(),
                }
            )
        ]

    after = store.update_issues("sales", solve)
    assert seen == [[issue(1)]]  # the change saw only this team's, as stored
    assert [i.status for i in after] == ["solved"]
    assert [i.id for i in store.issues("support")] == [issue(2).id]
    # Nothing returned is nothing written, and nothing is ever deleted.
    assert store.update_issues("sales", lambda now: []) == after
    assert store.plan() == sample_plan()  # the plan is left alone


def test_parked_topics_are_kept_per_team(store: Store) -> None:
    store.update_parked_topics("sales", lambda now: [topic(1), topic(2)])
    store.update_parked_topics(
        "sales", lambda now: [now[0].model_copy(update={"status": "dropped", "closed_in": "x"})]
    )
    assert [(t.id, t.status) for t in store.parked_topics("sales")] == [
        ("p-000001", "dropped"),
        ("p-000002", "parked"),
    ]
    assert store.parked_topics("support") == []


def test_a_record_of_another_team_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="not of team sales"):
        store.update_issues("sales", lambda now: [issue(1, "support")])
    assert store.issues("support") == []


def test_the_write_gate_refuses_an_issue_the_reader_would_refuse(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path / "data")
    repository.update_issues("sales", lambda now: [issue(1)])
    before = (tmp_path / "data" / "okrtui.json").read_bytes()
    # Built without validation, as a bug would: solved with no closing meeting.
    broken = Issue.model_construct(**{**issue(2).model_dump(), "status": "solved"})
    with pytest.raises(RecordRefused, match="closing meeting"):
        repository.update_issues("sales", lambda now: [broken])
    assert (tmp_path / "data" / "okrtui.json").read_bytes() == before
    assert Repository.open(tmp_path / "data").issues("sales") == [issue(1)]
