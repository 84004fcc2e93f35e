"""Accepting a member's update puts its entry into the meeting, marked as theirs, once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from okrtui.domain.meeting import set_checkin
from okrtui.domain.models import CheckIn, Commitment, Contribution, Note, Session
from okrtui.domain.sample import sample_sessions
from okrtui.domain.updates import Update, accept, is_accepted, pending_for

DAY = date(2026, 11, 19)


def meeting() -> Session:
    last = sample_sessions()[-1]
    return last.model_copy(
        update={
            "id": "2026-Q4-live01",
            "status": "in_progress",
            "ended_at": None,
            "date": DAY,
            "checkins": [],
            "contributions": [],
            "notes": [],
            "commitments": [],
        }
    )


def sent(kind: str, n: int = 1, **entry: Any) -> Update:
    return Update.model_validate(
        {
            "id": f"up-{kind}-{n}",
            "team_id": "sales",
            "kind": kind,
            "from_member": "ben",
            "submitted_at": datetime(2026, 11, 18, 9, n),
            **entry,
        }
    )


CHECKIN = sent("checkin", checkin=CheckIn(kr_id="kr-tier1", value=210, confidence="on_track"))
CONTRIBUTION = sent(
    "contribution", contribution=Contribution(id="ct-1", member_id="ana", text="Webinar")
)
EXPERIENCE = sent("experience", note=Note(id="n-1", kind="lesson", text="Call early"))
TARGET = sent(
    "target", target=Commitment(id="c-1", owner_id="ben", text="Ten calls", due=date(2026, 1, 1))
)


def test_each_kind_becomes_its_entry_marked_as_from_whom() -> None:
    session = meeting()
    for update in (CHECKIN, CONTRIBUTION, EXPERIENCE, TARGET):
        session = accept(session, update)
        assert is_accepted(session, update)
    checkin = session.checkin("kr-tier1")
    assert checkin is not None and (checkin.value, checkin.from_member) == (210, "ben")
    assert [(c.member_id, c.from_member) for c in session.contributions] == [("ana", "ben")]
    assert [(n.kind, n.from_member) for n in session.notes] == [("lesson", "ben")]
    # A target sent before the meeting is due a week after the meeting, like one typed there.
    assert [(c.due, c.from_member) for c in session.commitments] == [
        (DAY + timedelta(days=7), "ben")
    ]


def test_accepting_twice_changes_nothing() -> None:
    once = accept(meeting(), CONTRIBUTION)
    assert accept(once, CONTRIBUTION) == once


def test_a_facilitator_edit_keeps_the_checkin_from_its_member() -> None:
    edited = set_checkin(accept(meeting(), CHECKIN), "kr-tier1", note="confirmed")
    checkin = edited.checkin("kr-tier1")
    assert checkin is not None and checkin.from_member == "ben"


def test_pending_for_a_step_leaves_out_other_steps_teams_and_accepted_ones() -> None:
    other = CONTRIBUTION.model_copy(update={"id": "up-x", "team_id": "ops"})
    later = sent(
        "contribution", 2, contribution=Contribution(id="ct-2", member_id="ben", text="Demo")
    )
    updates = [later, CHECKIN, other, CONTRIBUTION]
    session = meeting()
    assert pending_for(session, updates, "contributions") == [CONTRIBUTION, later]
    assert pending_for(accept(session, CONTRIBUTION), updates, "contributions") == [later]
    assert pending_for(session, updates, "checkins") == [CHECKIN]


@pytest.mark.parametrize(
    "entry",
    [
        {},
        {"note": Note(id="n", kind="win", text="x")},
        {"checkin": CheckIn(kr_id="kr-tier1")},
    ],
)
def test_an_update_holds_exactly_its_own_kind_of_entry(entry: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        sent("checkin", **entry)


def test_an_update_proposes_experiences_and_targets_only() -> None:
    with pytest.raises(ValidationError, match="win, a lesson"):
        sent("experience", note=Note(id="n", kind="went_well", text="x"))
    action = Commitment(id="c", kind="action", owner_id="ben", text="x", due=DAY)
    with pytest.raises(ValidationError, match="not action items"):
        sent("target", target=action)
