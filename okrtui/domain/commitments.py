"""When a commitment is overdue, and how that is said: the one rule home, the meeting and
the minutes all use."""

from __future__ import annotations

from datetime import date

from okrtui.domain.models import CommitmentStatus


def overdue_days(due: date, status: CommitmentStatus, on: date) -> int | None:
    """Whole days an open commitment is past its due date on `on`, or None when it is not.

    Only an open commitment can be overdue: one done or dropped is settled, however late.
    Due today is not overdue yet.
    """
    if status != "open" or on <= due:
        return None
    return (on - due).days


# A table's column heading, its cells being `days_late`: "Overdue by | 3 days".
OVERDUE_BY = "Overdue by"


def days_late(days: int) -> str:
    """`3 days`, `1 day`: how long past its due date."""
    return f"{days} day{'' if days == 1 else 's'}"


def overdue_words(days: int) -> str:
    """`overdue by 3 days`, `overdue by 1 day`."""
    return f"{OVERDUE_BY.lower()} {days_late(days)}"


def overdue_text(due: date, status: CommitmentStatus, on: date) -> str:
    """The overdue words for a commitment on `on`, or "" when it is not overdue."""
    days = overdue_days(due, status, on)
    return overdue_words(days) if days is not None else ""
