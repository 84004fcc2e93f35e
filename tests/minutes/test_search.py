"""Searching a meeting's text: every word must occur somewhere; matches are located."""

from __future__ import annotations

from okrtui.domain.models import DiscussionNote
from okrtui.domain.sample import sample_sessions
from okrtui.minutes.search import Match, search


def test_every_word_must_occur_but_may_be_in_different_places() -> None:
    week2 = sample_sessions()[1]
    found = search(week2, "COLD webinar")
    assert {m.where for m in found} >= {"lesson", "contribution"}
    assert search(week2, "cold lighthouse") == []
    assert search(week2, "   ") == []


def test_commitments_trainings_and_checkin_notes_are_searched() -> None:
    sessions = sample_sessions()
    assert [m.where for m in search(sessions[1], "host")] == ["commitment"]
    assert "training notes" in [m.where for m in search(sessions[1], "first call")]
    assert [m.where for m in search(sessions[3], "renewals slipped")] == ["check-in note"]


def test_the_notes_of_a_discussion_step_are_searched() -> None:
    week = sample_sessions()[0]
    note = DiscussionNote(id="dn-1", step_key="discussion-headlines", text="Two resorts signed")
    noted = week.model_copy(update={"discussion_notes": [note]})
    assert [m.where for m in search(noted, "resorts signed")] == ["discussion"]
    assert search(week, "resorts signed") == []


def test_a_long_text_is_cut_around_the_first_match_and_spans_follow() -> None:
    text = "x" * 200 + " needle " + "y" * 200
    snippet, spans = Match("summary", text, ((201, 207),)).snippet(40)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in spans] == ["needle"]
