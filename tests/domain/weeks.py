"""Weekly meetings a week apart, for the tests of what a team carries between meetings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from okrtui.domain.models import Session


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


def week(n: int, day: date, **fields: Any) -> Session:
    """The sales team's weekly meeting of week `n`, held on `day`."""
    return Session(
        id=f"2026-Q4-week0{n}",
        team_id="sales",
        kind="weekly",
        quarter="2026-Q4",
        week=n,
        date=day,
        started_at=datetime.combine(day, datetime.min.time()),
        member_names={"ana": "Ana"},
        **fields,
    )


def applied(
    rule: Callable[[Session, Sequence[T]], list[T]], session: Session, stored: list[T]
) -> list[T]:
    """The store after a meeting: what `rule` puts, replacing by id, as the store does."""
    by_id = {record.id: record for record in stored}
    for put in rule(session, stored):
        by_id[put.id] = put
    return list(by_id.values())
