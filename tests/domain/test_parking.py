"""The parking lot: topics parked at one meeting, offered to the next, taken up or dropped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from pydantic import ValidationError

from okrtui.domain.models import ParkedTopic, Session
from okrtui.domain.parking import (
    park_topic,
    review_topic,
    still_parked,
    topics_after_meeting,
    topics_to_offer,
    unpark_topic,
)
from tests.domain.weeks import applied, week


def meeting(n: int, offered: Sequence[ParkedTopic] = ()) -> Session:
    return week(n, date(2026, 10, 7 * n), offered_topics=list(offered))


def apply(session: Session, stored: list[ParkedTopic]) -> list[ParkedTopic]:
    return applied(topics_after_meeting, session, stored)


def test_a_parked_topic_waits_for_the_next_meeting_until_taken_up() -> None:
    week1 = park_topic(meeting(1), "  Pricing   page redesign ")
    stored = apply(week1, [])
    assert [(t.text, t.status) for t in stored] == [("Pricing page redesign", "parked")]
    assert apply(week1, stored) == stored
    week2 = meeting(2, still_parked(stored))
    assert [t.text for t in topics_to_offer(week2)] == ["Pricing page redesign"]
    week2 = review_topic(week2, stored[0].id, "taken_up")
    assert topics_to_offer(week2) == []
    stored = apply(week2, stored)
    assert still_parked(stored) == []
    assert [(t.status, t.closed_in) for t in stored] == [("taken_up", week2.id)]
    # Undone in the same meeting: back in the lot.
    assert still_parked(apply(review_topic(week2, stored[0].id, "parked"), stored))


def test_a_topic_taken_back_is_dropped_and_an_empty_one_refused() -> None:
    week1 = park_topic(meeting(1), "Offsite")
    stored = apply(week1, [])
    stored = apply(unpark_topic(week1, week1.parked[0].id), stored)
    assert [t.status for t in stored] == ["dropped"]
    with pytest.raises(ValidationError):
        park_topic(meeting(1), "   ")
