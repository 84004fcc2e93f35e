"""The weekly and quarterly meeting agendas as data: steps, titles and default timeboxes."""

from __future__ import annotations

from dataclasses import dataclass

from okrtui.domain.models import SessionKind


@dataclass(frozen=True)
class Step:
    """One agenda step: a stable key, a title for the screen and a timebox in minutes."""

    key: str
    title: str
    minutes: int


WEEKLY_AGENDA: tuple[Step, ...] = (
    Step("attendance", "Attendance", 2),
    Step("commitments_review", "Last week's commitments", 5),
    Step("checkins", "Key-result check-ins", 15),
    Step("contributions", "Contributions & celebrations", 10),
    Step("experiences", "Experiences: wins, lessons, blockers", 10),
    Step("open_issues", "Open issues", 5),
    Step("training", "Mini-training", 10),
    Step("next_week", "Next week's targets & actions", 5),
    Step("wrap_up", "Wrap-up: summary and rating", 3),
)

QUARTERLY_AGENDA: tuple[Step, ...] = (
    Step("attendance", "Attendance", 3),
    Step("quarter_numbers", "The quarter in numbers", 15),
    Step("scores", "Score each key result", 20),
    Step("objective_scores", "Objective scores", 10),
    Step("contributions_rollup", "Contributions by key result", 10),
    Step("trainings_held", "Trainings held", 5),
    Step("retrospective", "Retrospective", 15),
    Step("next_quarter", "Draft next quarter", 10),
    Step("wrap_up", "Wrap-up: summary and rating", 2),
)


def agenda(kind: SessionKind) -> tuple[Step, ...]:
    """The agenda of a weekly or quarterly meeting."""
    return WEEKLY_AGENDA if kind == "weekly" else QUARTERLY_AGENDA


def total_minutes(kind: SessionKind) -> int:
    """The meeting's default length."""
    return sum(step.minutes for step in agenda(kind))
