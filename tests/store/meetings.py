"""Meetings made up for the store's tests: one in progress, or the same one finished."""

from __future__ import annotations

from datetime import datetime

from okrtui.domain.models import Session


def weekly(quarter: str, n: int, team_id: str = "sales") -> Session:
    """A meeting in progress."""
    year = int(quarter[:4])
    month = 3 * (int(quarter[-1]) - 1) + 1
    return Session(
        id=f"{quarter}-t{n:04d}",
        team_id=team_id,
        kind="weekly",
        quarter=quarter,
        week=1,
        date=datetime(year, month, 1 + n % 27).date(),
        started_at=datetime(year, month, 1 + n % 27, 10),
    )


def finished(session: Session) -> Session:
    """The same meeting, completed."""
    return session.model_copy(update={"status": "completed", "ended_at": session.started_at})
