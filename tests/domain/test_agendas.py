"""A team's own agendas: in plan files (round trip, errors by place), and kept by each meeting."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from okrtui.domain.agenda import (
    DISCUSSION_PREFIX,
    QUARTERLY_AGENDA,
    WEEKLY_AGENDA,
    Step,
    agenda,
    discussion_start,
    session_steps,
    team_agenda,
)
from okrtui.domain.meeting import new_session, steps_left_empty
from okrtui.domain.models import Agenda, AgendaStep, DiscussionNote, Team
from okrtui.domain.plan import PlanError, dump_plan, merge_plan, parse_plan
from okrtui.domain.sample import OBJECTIVE, TEAM

TEAM_WITH_AGENDAS = """
[[teams]]
name = "Support"
members = [{ name = "Iris Lund" }]

[[teams.weekly_agenda]]
step = "attendance"

[[teams.weekly_agenda]]
discussion = "Headlines"
minutes = 5
prompt = "Good news and bad news, one line each"

[[teams.weekly_agenda]]
step = "checkins"
title = "The numbers"
minutes = 20

[[teams.weekly_agenda]]
discussion = "Customer story"

[[teams.weekly_agenda]]
step = "wrap_up"

[[teams.quarterly_agenda]]
step = "scores"

[[teams.quarterly_agenda]]
step = "wrap_up"
minutes = 480
"""


def test_a_team_agenda_round_trips_through_the_plan_file() -> None:
    plan = parse_plan(TEAM_WITH_AGENDAS, "plan.toml")
    weekly = plan.teams[0].weekly_agenda
    assert weekly is not None
    assert [(s.key, s.title, s.minutes) for s in weekly.steps] == [
        ("attendance", "", None),
        ("discussion-headlines", "Headlines", 5),
        ("checkins", "The numbers", 20),
        ("discussion-customer-story", "Customer story", None),
        ("wrap_up", "", None),
    ]
    assert weekly.steps[1].prompt == "Good news and bad news, one line each"
    text = dump_plan(plan)
    assert parse_plan(text, "again.toml").teams == plan.teams
    assert dump_plan(parse_plan(text, "again.toml")) == text


def test_a_team_without_an_agenda_round_trips_without_one() -> None:
    plan = parse_plan('[[teams]]\nname = "Support"\n', "plan.toml")
    text = dump_plan(plan)
    assert "agenda" not in text
    again = parse_plan(text, "again.toml").teams[0]
    assert again.weekly_agenda is None and again.quarterly_agenda is None
    assert team_agenda(again, "weekly").steps == [AgendaStep(key=s.key) for s in WEEKLY_AGENDA]


def test_importing_a_file_without_agendas_keeps_the_team_s_own() -> None:
    current = parse_plan(TEAM_WITH_AGENDAS, "plan.toml")
    incoming = parse_plan('[[teams]]\nname = "Support"\n', "plan.toml", existing=current)
    merged = merge_plan(current, incoming).teams[0]
    assert merged.weekly_agenda == current.teams[0].weekly_agenda


def _weekly(*steps: str) -> str:
    body = "".join(f"\n[[teams.weekly_agenda]]\n{step}\n" for step in steps)
    return '[[teams]]\nname = "Support"\n' + body


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            _weekly('step = "attendance"', 'step = "scores"'),
            "teams[0].weekly_agenda[1].step: no weekly step 'scores'",
        ),
        (
            _weekly('step = "attendance"', 'step = "checkins"', 'step = "attendance"'),
            "teams[0].weekly_agenda[2]: the step 'attendance' is already step 1 of the agenda",
        ),
        (
            _weekly('discussion = "Headlines"', 'discussion = "headlines "'),
            "teams[0].weekly_agenda[1]: the discussion 'headlines' is already step 1",
        ),
        (
            _weekly('step = "checkins"\nminutes = 0'),
            "teams[0].weekly_agenda[0].minutes: must be at least 1",
        ),
        (
            _weekly('discussion = "Headlines"\nminutes = 481'),
            "teams[0].weekly_agenda[0].minutes: must be at most 480",
        ),
        (
            _weekly('step = "checkins"\ndiscussion = "Headlines"'),
            "teams[0].weekly_agenda[0]: give `step` (a built-in step) or `discussion`",
        ),
        (
            _weekly('step = "checkins"\nprompt = "Why?"'),
            "teams[0].weekly_agenda[0]: only a discussion step has a prompt",
        ),
        (
            _weekly('discussion = "Headlines"\ntitle = "News"'),
            "teams[0].weekly_agenda[0].title: a discussion step's title is its `discussion`",
        ),
        (
            '[[teams]]\nname = "Support"\nquarterly_agenda = []\n',
            "teams[0].quarterly_agenda: an agenda needs at least one step",
        ),
        (
            _weekly('step = "checkins"\nminutes = "ten"'),
            "teams[0].weekly_agenda[0].minutes: must be a whole number",
        ),
    ],
)
def test_agenda_errors_name_their_place_in_the_file(text: str, problem: str) -> None:
    with pytest.raises(PlanError) as raised:
        parse_plan(text, "plan.toml")
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems


def test_a_new_meeting_keeps_its_own_copy_of_the_team_agenda() -> None:
    plan = parse_plan(TEAM_WITH_AGENDAS, "plan.toml")
    team = plan.teams[0]
    session = new_session(
        "2026-Q4-abcdef", team, [], "weekly", date(2026, 11, 12), datetime(2026, 11, 12, 10)
    )
    steps = session_steps(session)
    assert [(s.key, s.title, s.minutes) for s in steps] == [
        ("attendance", "Attendance", 2),
        ("discussion-headlines", "Headlines", 5),
        ("checkins", "The numbers", 20),
        ("discussion-customer-story", "Customer story", 5),
        ("wrap_up", "Wrap-up: summary and rating", 3),
    ]
    # The team changes its agenda: the meeting already started does not.
    edited = team.model_copy(update={"weekly_agenda": Agenda(steps=[AgendaStep(key="wrap_up")])})
    assert team_agenda(edited, "weekly").steps == [AgendaStep(key="wrap_up")]
    assert session_steps(session) == steps


def test_a_meeting_saved_before_agendas_were_kept_reads_as_the_built_in_one() -> None:
    session = new_session(
        "2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), datetime(2026, 11, 12)
    )
    old = session.model_copy(update={"agenda": None})
    assert session_steps(old) == agenda("weekly")


def test_a_discussion_step_is_empty_until_a_note_is_kept_there() -> None:
    team = parse_plan(TEAM_WITH_AGENDAS, "plan.toml").teams[0]
    session = new_session(
        "2026-Q4-abcdef", team, [], "weekly", date(2026, 11, 12), datetime(2026, 11, 12)
    )
    steps = session_steps(session)
    empty = {s.key for s in steps_left_empty(session, steps)}
    assert {"discussion-headlines", "discussion-customer-story"} <= empty
    note = DiscussionNote(id="dn-1", step_key="discussion-headlines", text="Two new clients")
    noted = session.model_copy(update={"discussion_notes": [note]})
    empty = {s.key for s in steps_left_empty(noted, steps)}
    assert "discussion-headlines" not in empty and "discussion-customer-story" in empty


def test_a_team_refuses_an_agenda_with_a_step_of_the_other_meeting() -> None:
    with pytest.raises(ValueError, match="no weekly step 'scores'"):
        Team(id="t", name="T", weekly_agenda=Agenda(steps=[AgendaStep(key="scores")]))


def test_every_built_in_step_can_stand_on_a_team_agenda() -> None:
    """A built-in step added to the registry is one a plan file and a session can hold."""
    for step in (*WEEKLY_AGENDA, *QUARTERLY_AGENDA):
        assert not step.key.startswith(DISCUSSION_PREFIX), step.key
        assert AgendaStep(key=step.key).key == step.key


def test_parked_topics_come_up_where_the_discussion_starts() -> None:
    own = (
        Step("attendance", "Attendance", 2),
        Step("experiences", "Experiences", 10),
        Step("discussion-headlines", "Headlines", 5, discussion=True),
    )
    assert discussion_start(own) == "discussion-headlines"
    assert discussion_start(agenda("weekly")) == "experiences"
    assert discussion_start(agenda("quarterly")) == "retrospective"
    assert discussion_start(own[:1]) == "attendance"  # nowhere to talk: at once
    assert discussion_start(()) is None
