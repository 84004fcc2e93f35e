"""An open commitment past its due date is overdue by whole days; a settled one never is."""

from __future__ import annotations

from datetime import date

import pytest

from okrtui.domain.commitments import overdue_days, overdue_text, overdue_words
from okrtui.domain.models import CommitmentStatus

DUE = date(2026, 11, 12)


@pytest.mark.parametrize(
    ("status", "on", "expected"),
    [
        ("open", date(2026, 11, 11), None),
        ("open", DUE, None),
        ("open", date(2026, 11, 13), 1),
        ("open", date(2026, 11, 19), 7),
        ("done", date(2026, 11, 19), None),
        ("dropped", date(2026, 12, 1), None),
    ],
)
def test_only_an_open_commitment_past_its_due_day_is_overdue(
    status: CommitmentStatus, on: date, expected: int | None
) -> None:
    assert overdue_days(DUE, status, on) == expected


def test_overdue_is_said_in_days_singular_and_plural() -> None:
    assert overdue_words(1) == "overdue by 1 day"
    assert overdue_words(19) == "overdue by 19 days"
    assert overdue_text(DUE, "open", date(2026, 12, 1)) == "overdue by 19 days"
    assert overdue_text(DUE, "done", date(2026, 12, 1)) == ""
