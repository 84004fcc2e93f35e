"""The demo as `okrtui demo` builds it: the sales team as it was, and a support team that
shows a team's own agenda, open issues carried until solved and a continued key result."""

from __future__ import annotations

from okrtui.domain import sample, sample_support
from okrtui.domain.agenda import session_steps, team_agenda
from okrtui.domain.history import kr_path
from okrtui.domain.issues import age_in_words, meeting_issues, open_at_start
from okrtui.domain.lineage import kr_line
from okrtui.minutes import render
from okrtui.services.demo import build_demo
from okrtui.store import Repository
from tests.conftest import TODAY

SUPPORT = sample_support.TEAM_ID


def built() -> Repository:
    repository = Repository.in_memory()
    assert build_demo(repository) is True
    return repository


def test_the_sales_team_is_the_first_and_its_records_are_the_sample_as_it_was() -> None:
    repository = built()
    assert [t.id for t in repository.teams()] == [sample.TEAM.id, SUPPORT]
    assert repository.team(sample.TEAM.id) == sample.TEAM
    assert repository.objectives(sample.TEAM.id) == [sample.OBJECTIVE]
    assert repository.sessions(sample.QUARTER, sample.TEAM.id) == sample.sample_sessions()
    assert repository.issues(sample.TEAM.id) == []


def test_the_support_team_runs_its_own_agenda_with_a_discussion_step_and_no_training() -> None:
    repository = built()
    team = repository.team(SUPPORT)
    steps = team_agenda(team, "weekly").steps
    discussions = [s for s in steps if s.discussion]
    assert [s.title for s in discussions] == ["Customer story"]
    assert discussions[0].prompt
    keys = [s.key for s in steps]
    assert "training" not in keys
    assert "open_issues" in keys
    this_quarter = repository.sessions(sample_support.QUARTER, SUPPORT)
    assert len(this_quarter) >= 2
    for session in this_quarter:
        assert session.status == "completed"
        ran = [step.key for step in session_steps(session)]
        assert ran == keys  # the meeting kept the agenda it ran with
        assert set(session.step_seconds) == set(keys)
        said = [n for n in session.discussion_notes if n.step_key == discussions[0].key]
        assert said and all(n.text for n in said)
    # Last quarter's meetings ran the built-in agenda, mini-training included, and keep it.
    earlier = repository.sessions(sample_support.PREVIOUS_QUARTER, SUPPORT)
    assert earlier and all("training" in [s.key for s in session_steps(x)] for x in earlier)
    assert any(x.trainings for x in earlier)


def test_the_support_minutes_have_the_customer_story_and_no_training() -> None:
    repository = built()
    sessions = repository.sessions(sample_support.QUARTER, SUPPORT)
    minutes = render(sessions[-1], "md", sessions[:-1])
    headings = [line[3:] for line in minutes.splitlines() if line.startswith("## ")]
    assert "Customer story" in headings
    assert "Training" not in headings
    assert headings.index("Customer story") < headings.index("Open issues")


def test_the_support_team_has_open_issues_of_different_ages_and_one_solved() -> None:
    repository = built()
    issues = repository.issues(SUPPORT)
    assert len(issues) == 3
    still_open = open_at_start(issues)
    solved = [i for i in issues if i.status == "solved"]
    assert len(still_open) == 2
    assert len(solved) == 1 and solved[0].resolution
    ages = {age_in_words(i.raised_on, TODAY) for i in still_open}
    assert len(ages) == 2  # raised weeks apart
    # Each issue was raised by a blocker in a meeting of the team, and is the one that
    # meeting's minutes list.
    sessions = {
        s.id: s
        for quarter in (sample_support.PREVIOUS_QUARTER, sample_support.QUARTER)
        for s in repository.sessions(quarter, SUPPORT)
    }
    for issue in issues:
        raised = meeting_issues(sessions[issue.raised_in])
        assert [m.decision for m in raised if m.issue.id == issue.id] == ["raised"]
    closer = sessions[solved[0].closed_in or ""]
    decided = {m.issue.id: m.decision for m in meeting_issues(closer)}
    assert decided[solved[0].id] == "solved"
    assert all(decided[i.id] == "kept" for i in still_open)


def test_a_support_key_result_continues_last_quarters_and_its_trend_spans_both() -> None:
    repository = built()
    objectives = repository.objectives(SUPPORT, include_archived=True)
    current = next(o for o in objectives if o.quarter == sample_support.QUARTER)
    continued = next(kr for kr in current.key_results if kr.continues is not None)
    line = kr_line(objectives, SUPPORT, sample_support.QUARTER, continued)
    assert [part.quarter for part in line] == [
        sample_support.PREVIOUS_QUARTER,
        sample_support.QUARTER,
    ]
    assert line[0].kr.id == continued.continues
    for part in line:
        finished = [
            s for s in repository.sessions(part.quarter, SUPPORT) if s.status == "completed"
        ]
        assert len(kr_path(finished, part.kr.id)) >= 2, part.quarter
