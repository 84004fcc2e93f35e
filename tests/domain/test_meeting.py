"""Pure meeting edits: starting a session, reading typed answers, changing entries."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from okrtui.domain.meeting import (
    add_guest,
    add_time,
    finish,
    match_kr,
    match_member,
    new_session,
    parse_due,
    parse_minutes,
    remove_item,
    set_checkin,
    set_rating,
    toggle_present,
    upsert_item,
)
from okrtui.domain.models import Note, Session
from okrtui.domain.sample import OBJECTIVE, TEAM

START = datetime(2026, 11, 12, 10, 0)


def weekly() -> Session:
    return new_session(
        "2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START, "Ana"
    )


def test_new_weekly_session_knows_its_quarter_week_members_and_key_results() -> None:
    session = new_session(
        "2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START, " Ana Costa "
    )
    assert (session.quarter, session.week, session.status) == ("2026-Q4", 7, "in_progress")
    assert session.facilitator == "Ana Costa"
    assert session.member_names["eli"] == "Eli Haddad"
    assert session.present_ids == ["ana", "ben", "chen", "dana", "eli"]
    assert [s.kr.id for s in session.kr_snapshots] == [kr.id for kr in OBJECTIVE.key_results]


def test_edits_return_new_sessions_and_keep_the_old_one() -> None:
    session = new_session("2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START)
    changed = toggle_present(session, "ben")
    assert "ben" in session.present_ids and "ben" not in changed.present_ids
    assert toggle_present(changed, "ben").present_ids == session.present_ids


def test_checkin_fields_change_one_at_a_time() -> None:
    session = new_session("2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START)
    session = set_checkin(session, "kr-t1-price", value=4800)
    session = set_checkin(session, "kr-tier1", confidence="at_risk")
    session = set_checkin(session, "kr-t1-price", note=" held ")
    assert [c.kr_id for c in session.checkins] == ["kr-tier1", "kr-t1-price"]
    price = session.checkin("kr-t1-price")
    assert price is not None and (price.value, price.note) == (4800, "held")


def test_entries_are_added_replaced_and_removed_by_id() -> None:
    session = new_session("2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START)
    note = Note(id="n-1", kind="win", text="Great week")
    session = upsert_item(session, "notes", note)
    session = upsert_item(session, "notes", note.model_copy(update={"text": "Best week"}))
    assert [n.text for n in session.notes] == ["Best week"]
    assert remove_item(session, "notes", "n-1").notes == []


def test_guests_ratings_time_and_finish() -> None:
    session = new_session("2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), START)
    session = add_guest(session, "  Maya   Lind ")
    assert session.guests == ["Maya Lind"]
    with pytest.raises(ValueError, match="already listed"):
        add_guest(session, "maya lind")
    with pytest.raises(ValueError, match="from 1 to 10"):
        set_rating(session, "ana", 11)
    assert set_rating(session, "ana", 10).ratings == {"ana": 10}
    session = add_time(add_time(session, "checkins", 60), "checkins", 30.5)
    assert session.step_seconds == {"checkins": 90.5}
    done = finish(session, datetime(2026, 11, 12, 11, 0))
    assert (done.status, done.ended_at) == ("completed", datetime(2026, 11, 12, 11, 0))


NAMES = {"ana": "Ana Costa", "ben": "Ben Okafor", "bea": "Bea Lund"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ana costa", "ana"), ("Ana", "ana"), ("okafor", "ben"), ("ben", "ben"), ("lu", "bea")],
)
def test_members_are_found_by_any_start_of_their_name(typed: str, expected: str) -> None:
    assert match_member(typed, NAMES) == expected


def test_an_ambiguous_name_prefers_who_is_present_or_asks_for_more() -> None:
    assert match_member("b", NAMES, prefer=["bea"]) == "bea"
    with pytest.raises(ValueError, match="could be Ben Okafor, Bea Lund"):
        match_member("b", NAMES)
    with pytest.raises(ValueError, match="no member called 'zed'"):
        match_member("zed", NAMES)


def test_key_results_by_number_id_or_title() -> None:
    snapshots = weekly().kr_snapshots
    assert match_kr("", snapshots) is None
    assert match_kr("2", snapshots) == "kr-tier2"
    assert match_kr("kr-t1-price", snapshots) == "kr-t1-price"
    assert match_kr("keep the average tier 2", snapshots) == "kr-t2-price"
    with pytest.raises(ValueError, match="no key result 7"):
        match_kr("7", snapshots)


def test_due_dates_and_minutes_as_typed() -> None:
    day = date(2026, 11, 12)
    assert parse_due("", day) == date(2026, 11, 19)
    assert parse_due("+3", day) == date(2026, 11, 15)
    assert parse_due("2026-11-12", day) == day
    with pytest.raises(ValueError, match="cannot be before the meeting"):
        parse_due("2026-11-11", day)
    with pytest.raises(ValueError, match="is not a date"):
        parse_due("soon", day)
    assert parse_minutes(" 15 min ") == 15
    with pytest.raises(ValueError, match="whole number of minutes"):
        parse_minutes("ten")
