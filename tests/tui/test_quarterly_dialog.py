"""Which quarter a review offers first: teams often review a few days after a quarter ends."""

from __future__ import annotations

from datetime import date, datetime

from okrtui.domain.models import Objective, Session
from okrtui.store import Repository
from okrtui.tui.dialogs.review_quarter import default_choice, review_choices


def plan_first_quarter(repository: Repository) -> None:
    repository.save_objective(
        Objective(id="obj-next", team_id="sales", quarter="2027-Q1", title="Grow renewals")
    )


def test_during_a_quarter_the_current_one_is_offered(demo_repository: Repository) -> None:
    assert default_choice(demo_repository, "sales", date(2026, 11, 12)) == "2026-Q4"


def test_just_after_a_quarter_ends_it_is_offered_until_reviewed(
    demo_repository: Repository,
) -> None:
    early_january = date(2027, 1, 6)
    assert default_choice(demo_repository, "sales", early_january) == "2026-Q4"
    plan_first_quarter(demo_repository)
    assert default_choice(demo_repository, "sales", early_january) == "2026-Q4"
    demo_repository.save_session(
        Session(
            id="2026-Q4-review1",
            team_id="sales",
            kind="quarterly",
            quarter="2026-Q4",
            date=early_january,
            status="completed",
            started_at=datetime(2027, 1, 5, 10),
            ended_at=datetime(2027, 1, 5, 11, 30),
        )
    )
    assert default_choice(demo_repository, "sales", early_january) == "2027-Q1"
    labels = [c.label for c in review_choices(demo_repository, "sales", "2027-Q1")]
    assert labels == [
        "2027-Q1  (current, 1 objective)",
        "2026-Q4  (ended, 1 objective, reviewed 2027-01-06)",
    ]


def test_later_in_a_planned_quarter_the_current_one_is_offered(
    demo_repository: Repository,
) -> None:
    plan_first_quarter(demo_repository)
    assert default_choice(demo_repository, "sales", date(2027, 2, 15)) == "2027-Q1"
