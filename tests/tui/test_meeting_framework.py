"""The step registry runs every weekly step and shows a clear placeholder for unknown ones."""

from __future__ import annotations

from datetime import date, datetime

from okrtui.domain.agenda import WEEKLY_AGENDA, Step
from okrtui.domain.meeting import new_session
from okrtui.domain.models import Session
from okrtui.domain.sample import OBJECTIVE, TEAM
from okrtui.tui.widgets.step_registry import STEP_WIDGETS, step_widget
from okrtui.tui.widgets.steps import MeetingContext, UnavailableStep


class KeptInMemory:
    """A recorder that keeps what it was given."""

    def __init__(self) -> None:
        self.saved: list[tuple[Session, str]] = []

    def record(self, session: Session, what: str) -> bool:
        self.saved.append((session, what))
        return True


def context() -> MeetingContext:
    session = new_session(
        "2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), datetime(2026, 11, 12)
    )
    return MeetingContext(session=session, team=TEAM, objectives=[OBJECTIVE])


def test_every_weekly_step_has_its_widget() -> None:
    missing = [step.key for step in WEEKLY_AGENDA if step.key not in STEP_WIDGETS]
    assert missing == []


def test_an_unknown_step_gets_the_not_available_body() -> None:
    widget = step_widget(Step("future_step", "Something new", 5), context(), KeptInMemory())
    assert isinstance(widget, UnavailableStep)
    assert widget.id == "step-future_step"


def test_present_members_come_first_in_pickers() -> None:
    ctx = context()
    ctx.session = ctx.session.model_copy(update={"present_ids": ["dana", "ana"]})
    assert list(ctx.present_names()) == ["dana", "ana", "ben", "chen", "eli"]
