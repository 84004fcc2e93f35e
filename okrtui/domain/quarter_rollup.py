"""What a team did over a quarter: contributions grouped by key result, trainings held.

Credit goes to the team: contributions are grouped by key result, people are listed by name
under the key results they moved, and nothing is counted or sorted per person. The review
screen's steps and every minutes format call these functions, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from okrtui.domain.history import in_order
from okrtui.domain.meeting import attendees_of, presenter_of
from okrtui.domain.models import Objective, Session
from okrtui.domain.quarterly import quarter_sessions

GENERAL = "For the team in general"


def rollup_sessions(review: Session, sessions: Iterable[Session]) -> list[Session]:
    """What a review rolls up: the team's weekly meetings of its quarter, then the review itself.

    The review's own contributions and trainings count too: they happened in the quarter.
    """
    return [*quarter_sessions(sessions, review.team_id, review.quarter), review]


@dataclass(frozen=True)
class RolledContribution:
    """One contribution, with the meeting it was told at."""

    date: date
    week: int | None
    member_name: str
    text: str
    celebrated: bool
    sent_by: str = ""  # the member whose own update it came from, by name


@dataclass(frozen=True)
class KRContributions:
    """A key result's contributions over the quarter and the people who made them."""

    kr_id: str | None
    title: str
    contributions: tuple[RolledContribution, ...]
    members: tuple[str, ...]

    @property
    def celebrated(self) -> tuple[RolledContribution, ...]:
        """The contributions the room celebrated."""
        return tuple(c for c in self.contributions if c.celebrated)


def contributions_rollup(
    objectives: Iterable[Objective], sessions: Iterable[Session]
) -> list[KRContributions]:
    """Every contribution of the sessions grouped by key result, in plan order.

    Key results that are no longer in the plan keep the title the meeting saw; general
    contributions come last. Members are listed alphabetically, never by volume.
    """
    ordered = in_order(sessions)
    titles: dict[str | None, str] = {}
    for objective in objectives:
        for kr in objective.key_results:
            titles.setdefault(kr.id, kr.title)
    for session in ordered:
        for snapshot in session.kr_snapshots:
            titles.setdefault(snapshot.kr.id, snapshot.kr.title)
    grouped: dict[str | None, list[RolledContribution]] = {}
    for session in ordered:
        for c in session.contributions:
            kr_id = c.kr_id if c.kr_id in titles else None
            grouped.setdefault(kr_id, []).append(
                RolledContribution(
                    session.date,
                    session.week,
                    session.member_name(c.member_id),
                    c.text,
                    c.celebrated,
                    session.member_name(c.from_member) if c.from_member else "",
                )
            )
    keys: list[str | None] = [k for k in titles if k in grouped]
    if None in grouped:
        keys.append(None)
    return [
        KRContributions(
            kr_id=key,
            title=titles.get(key, GENERAL) if key is not None else GENERAL,
            contributions=tuple(grouped[key]),
            members=tuple(sorted({c.member_name for c in grouped[key]}, key=str.casefold)),
        )
        for key in keys
    ]


@dataclass(frozen=True)
class HeldTraining:
    """A mini-training of the quarter as the review lists it."""

    date: date
    week: int | None
    topic: str
    presenter: str
    minutes: int
    attendees: tuple[str, ...]
    notes: str
    team_size: int
    guests: int = 0  # how many of the attendees were guests, not on the team

    @property
    def attendance(self) -> str:
        """`4 of 5`, with the guests beside it: `4 of 5 + 1 guest`."""
        members = f"{len(self.attendees) - self.guests} of {self.team_size}"
        if not self.guests:
            return members
        return f"{members} + {self.guests} guest" + ("s" if self.guests > 1 else "")


def trainings_held(sessions: Iterable[Session]) -> list[HeldTraining]:
    """Every mini-training given at the sessions, oldest first, with names as they were."""
    held = []
    for session in in_order(sessions):
        for t in session.trainings:
            presenter = presenter_of(session, t)
            attendees = attendees_of(session, t)
            held.append(
                HeldTraining(
                    session.date,
                    session.week,
                    t.topic,
                    presenter,
                    t.minutes,
                    attendees,
                    t.notes,
                    team_size=len(session.member_names),
                    guests=len(t.attendee_guests),
                )
            )
    return held


def training_minutes(trainings: Iterable[HeldTraining]) -> int:
    """Total minutes of training."""
    return sum(t.minutes for t in trainings)


def trainings_total(trainings: Sequence[HeldTraining]) -> str:
    """How many trainings and how many minutes in all: `2 trainings, 22 minutes`."""
    count = "1 training" if len(trainings) == 1 else f"{len(trainings)} trainings"
    return f"{count}, {training_minutes(trainings)} minutes"
