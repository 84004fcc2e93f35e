"""Open issues: a meeting's blockers and decisions applied to the team's issues."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from okrtui.domain.issues import (
    WITHDRAWN,
    age_in_words,
    issues_after_meeting,
    meeting_issues,
    review_issue,
)
from okrtui.domain.meeting import remove_item, upsert_item
from okrtui.domain.models import Issue, Note, Session
from tests.domain.weeks import applied, week


def meeting(n: int, day: date, issues: Sequence[Issue] = ()) -> Session:
    return week(n, day, open_issues=list(issues))


def apply(session: Session, stored: list[Issue]) -> list[Issue]:
    return applied(issues_after_meeting, session, stored)


BLOCKER = Note(id="n-000001", kind="blocker", text="No budget for ads", member_id="ana")


def test_a_blocker_becomes_one_open_issue_however_often_it_is_applied() -> None:
    week1 = upsert_item(meeting(1, date(2026, 10, 5)), "notes", BLOCKER)
    stored = apply(week1, [])
    assert [(i.text, i.owner_name, i.status, i.raised_in) for i in stored] == [
        ("No budget for ads", "Ana", "open", week1.id)
    ]
    assert apply(week1, stored) == stored
    assert issues_after_meeting(week1, stored) == []  # nothing to write again
    edited = upsert_item(week1, "notes", BLOCKER.model_copy(update={"text": "No ads budget"}))
    assert [i.text for i in apply(edited, stored)] == ["No ads budget"]


def test_a_deleted_blocker_closes_its_issue_and_putting_it_back_reopens_it() -> None:
    week1 = upsert_item(meeting(1, date(2026, 10, 5)), "notes", BLOCKER)
    stored = apply(week1, [])
    deleted = remove_item(week1, "notes", BLOCKER.id)
    withdrawn = apply(deleted, stored)
    assert [(i.status, i.resolution) for i in withdrawn] == [("dropped", WITHDRAWN)]
    assert [i.status for i in apply(week1, withdrawn)] == ["open"]


def test_kept_open_then_solved_in_later_meetings() -> None:
    week1 = upsert_item(meeting(1, date(2026, 10, 5)), "notes", BLOCKER)
    stored = apply(week1, [])
    week2 = meeting(2, date(2026, 10, 12), stored)
    week2 = review_issue(week2, stored[0].id, "open")
    stored = apply(week2, stored)
    assert [i.status for i in stored] == ["open"]
    [at2] = meeting_issues(week2)
    assert (at2.decision, at2.still_open) == ("kept", True)
    week3 = review_issue(meeting(3, date(2026, 10, 19), stored), stored[0].id, "solved", "Budget")
    stored = apply(week3, stored)
    assert [(i.status, i.resolution, i.closed_in) for i in stored] == [
        ("solved", "Budget", week3.id)
    ]
    [at3] = meeting_issues(week3)
    assert (at3.decision, at3.still_open, at3.resolution) == ("solved", False, "Budget")
    # Week 3 changing its mind reopens the issue; week 2 amended later does not.
    assert [i.status for i in apply(review_issue(week3, stored[0].id, "open"), stored)] == ["open"]
    assert apply(week2, stored) == stored


def test_age_reads_in_days_then_weeks() -> None:
    raised = date(2026, 10, 5)
    assert age_in_words(raised, raised) == "raised today"
    assert age_in_words(raised, date(2026, 10, 6)) == "1 day"
    assert age_in_words(raised, date(2026, 10, 15)) == "10 days"
    assert age_in_words(raised, date(2026, 10, 26)) == "3 weeks"
