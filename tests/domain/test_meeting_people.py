"""Guests at trainings and ratings, steps left empty, and amending a finished meeting."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from okrtui.domain.agenda import QUARTERLY_AGENDA, WEEKLY_AGENDA
from okrtui.domain.meeting import (
    NOTHING_ENTERED,
    NotAtMeeting,
    Person,
    add_guest,
    all_ratings,
    amend,
    attendees_of,
    finish,
    finish_question,
    match_person,
    match_presenter,
    parse_attendees,
    people_present,
    presenter_of,
    put_back_guest,
    rate,
    remove_guest,
    set_checkin,
    set_summary,
    steps_left_empty,
    upsert_item,
)
from okrtui.domain.models import Commitment, Contribution, Session, Training
from okrtui.domain.quarter_rollup import trainings_held
from okrtui.domain.sample import sample_sessions

STARTED = datetime(2026, 11, 12, 10, 0)


def meeting(*guests: str) -> Session:
    """A weekly meeting of Ana and Ben (both present) with these guests."""
    session = Session(
        id="2026-Q4-w7",
        team_id="sales",
        kind="weekly",
        quarter="2026-Q4",
        week=7,
        date=date(2026, 11, 12),
        started_at=STARTED,
        member_names={"ana": "Ana Costa", "ben": "Ben Okafor"},
        present_ids=["ana", "ben"],
    )
    for guest in guests:
        session = add_guest(session, guest)
    return session


# -- guests ---------------------------------------------------------------------------------


def test_a_guest_is_found_by_name_or_the_start_of_it() -> None:
    session = meeting("Maya Lind")
    assert match_person("maya", session) == Person(None, "Maya Lind")
    assert match_person("Lind", session) == Person(None, "Maya Lind")
    assert match_person("ana", session) == Person("ana")


def test_a_guest_who_shares_a_members_name_is_named_as_a_guest() -> None:
    session = meeting("Ben Okafor")
    with pytest.raises(ValueError, match=r"member and a guest.*'Ben Okafor \(guest\)'"):
        match_person("Ben Okafor", session)
    assert match_person("Ben Okafor (guest)", session) == Person(None, "Ben Okafor")
    assert match_person("ben", session) == Person("ben")  # the member's id


def test_a_start_shared_by_a_member_and_a_guest_asks_for_more() -> None:
    session = meeting("Benno")
    with pytest.raises(ValueError, match=r"could be Ben Okafor, Benno \(guest\)"):
        match_person("Be", session)


def test_nobody_of_that_name_is_said_in_plain_words() -> None:
    with pytest.raises(ValueError, match="no member or guest called 'zed'"):
        match_person("zed", meeting("Maya"))
    with pytest.raises(ValueError, match="no guest called 'Ana Costa'"):
        match_person("Ana Costa (guest)", meeting("Maya"))


def test_blank_attendees_means_everyone_present_guests_included() -> None:
    assert parse_attendees("  ", meeting("Maya", "Raj")) == (["ana", "ben"], ["Maya", "Raj"])


def test_attendees_typed_keep_members_and_guests_apart() -> None:
    session = meeting("Ben Okafor", "Maya")
    members, guests = parse_attendees("maya, Ben Okafor (guest), ana, maya", session)
    assert (members, guests) == (["ana"], ["Maya", "Ben Okafor"])
    training = Training(
        id="t1", topic="Pricing", presenter_name="Maya", attendee_ids=members,
        attendee_guests=guests,
    )  # fmt: skip
    assert presenter_of(session, training) == "Maya (guest)"
    assert attendees_of(session, training) == ("Ana Costa", "Maya (guest)", "Ben Okafor (guest)")


def test_a_presenter_not_at_the_meeting_is_a_guest_only_when_marked_so() -> None:
    session = meeting("Maya")
    assert match_presenter("Maya", session) == Person(None, "Maya")
    # A name that matches nobody is not guessed into a guest: the step asks first.
    with pytest.raises(NotAtMeeting) as stranger:
        match_presenter("Raj from finance", session)
    assert stranger.value.name == "Raj from finance"
    with pytest.raises(NotAtMeeting, match="no member or guest called 'Bne'"):
        match_presenter("Bne", session)
    assert match_presenter("Raj (guest)", session) == Person(None, "Raj")
    assert match_presenter("ana", session) == Person("ana")
    with pytest.raises(ValueError, match="cannot be empty"):
        match_presenter(" ", session)


def test_guests_rate_the_meeting_and_count_in_the_ratings() -> None:
    session = meeting("Maya")
    assert people_present(session) == [Person("ana"), Person("ben"), Person(None, "Maya")]
    session = rate(rate(session, Person(None, "Maya"), 9), Person("ana"), 7)
    assert session.guest_ratings == {"Maya": 9}
    assert session.ratings == {"ana": 7}
    assert sorted(all_ratings(session)) == [7, 9]
    with pytest.raises(ValueError, match="not a guest"):
        rate(session, Person(None, "Raj"), 5)
    with pytest.raises(ValueError, match="1 to 10"):
        rate(session, Person(None, "Maya"), 11)


def test_sessions_saved_before_guests_could_attend_still_read() -> None:
    old = sample_sessions()[0].model_dump(mode="json")
    for field in ("guest_ratings", "amended"):
        old.pop(field)
    for training in old["trainings"]:
        training.pop("attendee_guests")
    session = Session.model_validate(old)
    assert session.guest_ratings == {} and session.amended == []


# -- steps left empty -----------------------------------------------------------------------


def test_every_agenda_step_says_whether_nothing_was_entered() -> None:
    keys = {step.key for step in (*WEEKLY_AGENDA, *QUARTERLY_AGENDA)}
    assert keys == set(NOTHING_ENTERED)


def test_a_new_meeting_has_its_entry_steps_empty() -> None:
    session = meeting()
    week6 = sample_sessions()[-1]
    session = session.model_copy(update={"kr_snapshots": week6.kr_snapshots})
    empty = [s.key for s in steps_left_empty(session, WEEKLY_AGENDA, [week6])]
    assert empty == [
        "commitments_review",
        "checkins",
        "contributions",
        "experiences",
        "training",
        "next_week",
        "wrap_up",
    ]


def test_steps_with_something_entered_are_not_empty() -> None:
    week6 = sample_sessions()[-1]
    kr_id = week6.kr_snapshots[0].kr.id
    session = meeting().model_copy(update={"kr_snapshots": week6.kr_snapshots})
    session = set_checkin(session, kr_id, confidence="on_track")
    session = upsert_item(
        session, "contributions", Contribution(id="c1", member_id="ana", text="Closed two")
    )
    session = upsert_item(
        session, "trainings", Training(id="t1", topic="Pricing", presenter_id="ana")
    )
    session = upsert_item(
        session,
        "commitments",
        Commitment(id="k1", owner_id="ben", text="Call ten", due=date(2026, 11, 19)),
    )
    session = set_summary(session, "Good week")
    # Nothing open to review: an empty review is not nothing entered.
    empty = [s.key for s in steps_left_empty(session, WEEKLY_AGENDA, [])]
    assert empty == ["experiences"]


def test_a_review_with_nothing_scored_names_its_entry_steps() -> None:
    session = meeting().model_copy(
        update={
            "kind": "quarterly",
            "week": None,
            "kr_snapshots": sample_sessions()[0].kr_snapshots,
        }
    )
    empty = [s.key for s in steps_left_empty(session, QUARTERLY_AGENDA)]
    assert empty == ["scores", "retrospective", "next_quarter", "wrap_up"]


def test_the_finish_question_names_the_empty_steps() -> None:
    empty = [s for s in WEEKLY_AGENDA if s.key in ("checkins", "training")]
    assert finish_question(empty) == (
        "Nothing was entered in: Key-result check-ins, Mini-training. Finish anyway?"
    )


# -- amending -------------------------------------------------------------------------------


def test_amending_records_who_and_when_and_keeps_the_meeting_finished() -> None:
    ended = datetime(2026, 11, 12, 11, 0)
    done = finish(meeting(), ended)
    later = datetime(2026, 11, 13, 9, 30)
    amended = amend(done, later, " dana ")
    assert amended.status == "completed" and amended.ended_at == ended
    assert [(a.at, a.by) for a in amended.amended] == [(later, "dana")]
    assert len(amend(amended, later, "ana").amended) == 2
    with pytest.raises(ValueError, match="still in progress"):
        amend(meeting(), later, "dana")


def test_the_quarters_trainings_count_guests_beside_the_team() -> None:
    session = meeting("Maya", "Raj")
    members, guests = parse_attendees("", session)
    training = Training(
        id="t1", topic="Pricing", presenter_id="ana", attendee_ids=members, attendee_guests=guests
    )
    (held,) = trainings_held([upsert_item(session, "trainings", training)])
    assert held.attendees == ("Ana Costa", "Ben Okafor", "Maya (guest)", "Raj (guest)")
    assert held.attendance == "2 of 2 + 2 guests"


def test_a_guest_removed_takes_their_rating_and_attendance_and_undo_brings_them_back() -> None:
    session = meeting("Maya", "Raj")
    members, guests = parse_attendees("", session)
    training = Training(
        id="t1", topic="Pricing", presenter_name="Maya", attendee_ids=members,
        attendee_guests=guests,
    )  # fmt: skip
    before = rate(upsert_item(session, "trainings", training), Person(None, "Maya"), 9)
    removed = remove_guest(before, "Maya")
    assert removed.guests == ["Raj"] and removed.guest_ratings == {}
    assert removed.trainings[0].attendee_guests == ["Raj"]
    assert removed.trainings[0].presenter_name == "Maya"  # the talk was still given
    assert all_ratings(removed) == []
    back = put_back_guest(set_summary(removed, "Later edit"), before, "Maya")
    assert back.guests == ["Maya", "Raj"] and back.guest_ratings == {"Maya": 9}
    assert back.trainings[0].attendee_guests == ["Maya", "Raj"]
    assert back.summary == "Later edit"
