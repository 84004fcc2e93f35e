"""The open issues and the parked topics in the minutes, where the meeting's agenda puts them."""

from __future__ import annotations

from okrtui.domain.agenda import WEEKLY_AGENDA
from okrtui.domain.models import Agenda, AgendaStep, Session
from okrtui.minutes import render
from tests.minutes.cases import weekly_case


def headings(session: Session, earlier: list[Session]) -> list[str]:
    """The second-level headings of the Markdown minutes, in order."""
    text = render(session, "md", earlier)
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def on_agenda(session: Session, keys: list[str]) -> Session:
    """The meeting as run on an agenda of these built-in steps, in this order."""
    steps = [AgendaStep(key=key) for key in keys]
    return session.model_copy(update={"agenda": Agenda(steps=steps)})


def test_open_issues_come_where_the_built_in_agenda_has_them_and_parked_topics_last() -> None:
    session, earlier = weekly_case()
    found = headings(session, earlier)
    assert found.index("Open issues") == found.index("Experiences") + 1
    assert found.index("Training") == found.index("Open issues") + 1
    assert found[-1] == "Parked for a later meeting"


def test_open_issues_follow_the_step_where_the_team_put_it() -> None:
    session, earlier = weekly_case()
    keys = [step.key for step in WEEKLY_AGENDA if step.key != "open_issues"]
    keys.insert(1, "open_issues")  # right after attendance
    found = headings(on_agenda(session, keys), earlier)
    assert found.index("Open issues") < found.index("Key results")
    moved = on_agenda(session, keys)
    text = render(moved, "text", earlier)
    assert text.index("OPEN ISSUES") < text.index("KEY RESULTS")
    page = render(moved, "html", earlier)
    assert page.index("<h2>Open issues</h2>") < page.index("<h2>Key results</h2>")


def test_an_agenda_without_the_step_shows_the_issues_only_when_there_are_some() -> None:
    session, earlier = weekly_case()
    keys = [step.key for step in WEEKLY_AGENDA if step.key != "open_issues"]
    with_issues = headings(on_agenda(session, keys), earlier)
    assert "Open issues" in with_issues  # blockers raised and reviewed still say so
    quiet = session.model_copy(
        update={
            "open_issues": [],
            "issue_reviews": [],
            "notes": [n for n in session.notes if n.kind != "blocker"],
        }
    )
    assert "Open issues" not in headings(on_agenda(quiet, keys), earlier)
    assert "Open issues" in headings(quiet, earlier)  # on the agenda: "None open."
