"""What a team's past sessions say: a key result's path, earlier check-ins, open commitments.

Functions take sessions as plain lists, so they work on whatever quarters were loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from okrtui.domain.models import CheckIn, Commitment, CommitmentStatus, Session
from okrtui.domain.quarters import previous_quarter


class SessionSource(Protocol):
    """Where sessions are read a quarter at a time: the repository, or anything like it."""

    def quarters(self) -> list[str]:
        """The quarters that have sessions."""
        ...

    def sessions(self, quarter: str, team_id: str | None = None) -> list[Session]:
        """One quarter's sessions, of one team if given."""
        ...


def earlier_sessions(source: SessionSource, session: Session) -> list[Session]:
    """The team's other sessions a meeting and its minutes look back on.

    Those of its quarter and of the quarter before: enough for last week's values, the
    commitments still open and the quarter's path, without reading every year of history.
    """
    known = set(source.quarters())
    quarters = [q for q in (session.quarter, previous_quarter(session.quarter)) if q in known]
    return [s for q in quarters for s in source.sessions(q, session.team_id) if s.id != session.id]


@dataclass(frozen=True)
class CheckInPoint:
    """One check-in of a key result, with the meeting it came from."""

    session_id: str
    date: date
    week: int | None
    checkin: CheckIn
    quarter: str = ""  # the quarter of the meeting (a key result's line spans several)


def in_order(sessions: Iterable[Session]) -> list[Session]:
    """Sessions oldest first (by date, then start time)."""
    return sorted(sessions, key=lambda s: (s.date, s.started_at))


def kr_path(sessions: Iterable[Session], kr_id: str) -> list[CheckInPoint]:
    """Every check-in of a key result that has a value, oldest first."""
    points = []
    for session in in_order(sessions):
        checkin = session.checkin(kr_id)
        if checkin is not None and checkin.value is not None:
            points.append(
                CheckInPoint(session.id, session.date, session.week, checkin, session.quarter)
            )
    return points


def previous_checkin(
    sessions: Iterable[Session], kr_id: str, before: Session
) -> CheckInPoint | None:
    """The team's latest check-in of a key result in a session earlier than `before`."""
    earlier = [
        s
        for s in sessions
        if s.team_id == before.team_id
        and s.id != before.id
        and (s.date, s.started_at) < (before.date, before.started_at)
    ]
    path = kr_path(earlier, kr_id)
    return path[-1] if path else None


@dataclass(frozen=True)
class OpenCommitment:
    """A commitment from an earlier session and the status it has now."""

    session_id: str
    session_date: date
    commitment: Commitment
    status: CommitmentStatus


def commitment_statuses(sessions: Iterable[Session]) -> dict[str, CommitmentStatus]:
    """Each commitment's latest status, from the reviews of later sessions."""
    statuses: dict[str, CommitmentStatus] = {}
    for session in in_order(sessions):
        for commitment in session.commitments:
            statuses.setdefault(commitment.id, commitment.status)
        for review in session.commitment_reviews:
            statuses[review.commitment_id] = review.status
    return statuses


def commitments_to_review(sessions: Iterable[Session], current: Session) -> list[OpenCommitment]:
    """Commitments made before `current` that were still open when it started.

    Reviews made in `current` itself do not hide a commitment: they are its answers.
    """
    team_sessions = in_order(s for s in sessions if s.team_id == current.team_id)
    earlier = [s for s in team_sessions if s.id != current.id and s.date <= current.date]
    statuses = commitment_statuses(earlier)
    reviewed_now = {r.commitment_id: r.status for r in current.commitment_reviews}
    result = []
    for session in earlier:
        for commitment in session.commitments:
            if statuses.get(commitment.id) == "open" or commitment.id in reviewed_now:
                status = reviewed_now.get(commitment.id, "open")
                result.append(OpenCommitment(session.id, session.date, commitment, status))
    return result
