"""The meeting agendas: the built-in steps, a team's own agenda, and the one a meeting ran with.

`WEEKLY_AGENDA` and `QUARTERLY_AGENDA` are the registry of built-in steps (a new built-in
step is one line there) and, in that order, the agenda of a team that has none of its own.
An `Agenda` (`okrtui.domain.models`) is what a team keeps and what a session copies when it
starts; `session_steps` reads a meeting against its own copy, so editing the team's agenda
never changes a meeting already held.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from okrtui.domain.ids import slugify
from okrtui.domain.text import STORED

if TYPE_CHECKING:
    from okrtui.domain.models import Agenda, AgendaStep, Session, SessionKind, Team


@dataclass(frozen=True)
class Step:
    """One agenda step as a meeting runs it: a stable key, a title and a timebox in minutes.

    A discussion step is the team's own: `prompt` says what the room talks about.
    """

    key: str
    title: str
    minutes: int
    discussion: bool = False
    prompt: str = ""


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


DISCUSSION_PREFIX = "discussion-"
"""Every discussion step's key starts so; no built-in step's key does."""
DEFAULT_DISCUSSION_MINUTES = 5
"""The timebox of a discussion step that names none."""


# Built-in steps where a room talks freely, for an agenda without discussion steps of its own.
TALKING_STEPS = ("experiences", "retrospective")


def discussion_start(steps: Sequence[Step]) -> str | None:
    """The step where a meeting's discussion starts, where the topics parked at earlier
    meetings are offered: its first discussion step, else its experiences (or retrospective),
    else its first step."""
    for step in steps:
        if step.discussion:
            return step.key
    for step in steps:
        if step.key in TALKING_STEPS:
            return step.key
    return steps[0].key if steps else None


def agenda(kind: SessionKind) -> tuple[Step, ...]:
    """The built-in steps of a weekly or quarterly meeting: the default agenda."""
    return WEEKLY_AGENDA if kind == "weekly" else QUARTERLY_AGENDA


def total_minutes(kind: SessionKind) -> int:
    """The meeting's default length."""
    return sum(step.minutes for step in agenda(kind))


def builtin_step(kind: SessionKind, key: str) -> Step | None:
    """The built-in step of this key in a meeting of `kind`, if there is one."""
    return next((step for step in agenda(kind) if step.key == key), None)


def discussion_key(title: str, taken: Iterable[str] = ()) -> str:
    """A key for a new discussion step titled `title`, unlike every key in `taken`."""
    used = set(taken)
    base = DISCUSSION_PREFIX + slugify(title, "topic")
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    return key


def unknown_step(kind: SessionKind, key: str) -> str | None:
    """Why `key` is not a built-in step of a meeting of `kind`, or None when it is one."""
    if builtin_step(kind, key) is not None:
        return None
    known = ", ".join(step.key for step in agenda(kind))
    return f"no {kind} step '{key}'; the steps are: {known}"


def agenda_problems(kind: SessionKind, agenda_steps: Sequence[AgendaStep]) -> list[tuple[int, str]]:
    """What is wrong with a team's agenda for a meeting of `kind`: (step index, problem).

    A built-in step must be one of that meeting's, and no step may appear twice (a
    discussion step is known by its title). Timeboxes and titles are the model's to check.
    """
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for index, step in enumerate(agenda_steps):
        if step.discussion:
            name = "discussion '" + " ".join(step.title.split()).casefold() + "'"
        elif (unknown := unknown_step(kind, step.key)) is not None:
            problems.append((index, unknown))
            continue
        else:
            name = f"step '{step.key}'"
        if name in seen:
            problems.append((index, f"the {name} is already step {seen[name] + 1} of the agenda"))
            continue
        seen[name] = index
    return problems


def resolved(step: AgendaStep, kind: SessionKind) -> Step:
    """An agenda step as a meeting runs it, a built-in step's title and timebox filled in."""
    builtin = None if step.discussion else builtin_step(kind, step.key)
    default_title = builtin.title if builtin else _readable(step.key)
    return Step(
        key=step.key,
        title=step.title or default_title,
        minutes=step.minutes or (builtin.minutes if builtin else DEFAULT_DISCUSSION_MINUTES),
        discussion=step.discussion,
        prompt=step.prompt,
    )


def _readable(key: str) -> str:
    """A step key no version knows, made readable (a meeting saved by a later okrtui)."""
    return re.sub(r"[_-]+", " ", key.removeprefix(DISCUSSION_PREFIX)).strip().capitalize() or key


def default_agenda(kind: SessionKind) -> Agenda:
    """Today's built-in agenda of a meeting of `kind`, as a team or a session keeps one."""
    from okrtui.domain.models import Agenda, AgendaStep

    return Agenda(steps=[AgendaStep(key=step.key) for step in agenda(kind)])


def team_agenda(team: Team, kind: SessionKind) -> Agenda:
    """The agenda a team's next meeting of `kind` runs with: its own, or the default."""
    own = team.weekly_agenda if kind == "weekly" else team.quarterly_agenda
    return own if own is not None else default_agenda(kind)


def with_team_agenda(team: Team, kind: SessionKind, own: Agenda | None) -> Team:
    """The team with its own agenda of `kind` set (None: back to the built-in one)."""
    field = "weekly_agenda" if kind == "weekly" else "quarterly_agenda"
    return team.model_copy(update={field: own})


def meeting_copy(agenda_: Agenda, kind: SessionKind) -> Agenda:
    """The copy of an agenda a session keeps: every title and timebox written out, so
    the meeting reads the same after the team's agenda or a built-in default changes."""
    from okrtui.domain.models import Agenda

    steps = []
    for step in agenda_.steps:
        run = resolved(step, kind)
        steps.append(
            {
                "key": run.key,
                "discussion": run.discussion,
                "title": run.title,
                "minutes": run.minutes,
                "prompt": run.prompt,
            }
        )
    # Built from stored records: a title a data file holds with a control character is
    # kept as it was stored (and shown escaped).
    return Agenda.model_validate({"steps": steps}, context=STORED)


def session_steps(session: Session) -> tuple[Step, ...]:
    """The steps of the agenda a meeting ran with; a meeting saved before agendas were kept
    ran with the built-in one."""
    if session.agenda is None:
        return agenda(session.kind)
    return tuple(resolved(step, session.kind) for step in session.agenda.steps)
