"""The models refuse bad records with messages a person can act on."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from okrtui.domain.models import Commitment, KeyResult, Score, Session, Team, Training
from okrtui.domain.validation import describe


def messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return describe(exc.value)


def test_increase_kr_needs_target_above_baseline() -> None:
    with pytest.raises(ValidationError) as exc:
        KeyResult(id="kr", title="Upgrades", kind="increase", baseline=500, target=100)
    assert messages(exc) == [
        "an increase key result needs a target above its baseline (100 is not above 500)"
    ]


def test_decrease_kr_needs_target_below_baseline() -> None:
    with pytest.raises(ValidationError) as exc:
        KeyResult(id="kr", title="Churn", kind="decrease", baseline=5, target=8)
    assert "needs a target below its baseline" in messages(exc)[0]


def test_maintain_kr_asks_for_a_threshold() -> None:
    with pytest.raises(ValidationError) as exc:
        KeyResult(id="kr", title="Price", kind="maintain_min")
    assert messages(exc) == ["a maintain_min key result needs a threshold"]


def test_milestone_has_no_numbers() -> None:
    with pytest.raises(ValidationError) as exc:
        KeyResult(id="kr", title="Launch", kind="milestone", target=1)
    assert messages(exc) == ["a milestone key result has no baseline or target"]
    assert KeyResult(id="kr", title="Launch", kind="milestone").is_numeric is False


def test_empty_title_and_wrong_types_are_named() -> None:
    with pytest.raises(ValidationError) as exc:
        KeyResult.model_validate({"id": "kr", "title": "  ", "kind": "grow", "target": "lots"})
    found = messages(exc)
    assert "title: cannot be empty" in found
    assert any(m.startswith("kind: must be one of 'increase'") for m in found)
    assert "target: must be a number" in found


def test_strict_types_refuse_text_for_flags() -> None:
    with pytest.raises(ValidationError) as exc:
        Team.model_validate({"id": "t", "name": "Sales", "archived": "yes"})
    assert messages(exc) == ["archived: must be true or false"]


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        Team.model_validate({"id": "t", "name": "Sales", "owner": "ana"})
    assert messages(exc) == ["owner: is not a field okrtui knows"]


def test_members_need_unique_ids() -> None:
    with pytest.raises(ValidationError) as exc:
        Team.model_validate(
            {
                "id": "t",
                "name": "Sales",
                "members": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}],
            }
        )
    assert messages(exc) == ["two members share the id 'a'"]


def test_overridden_score_needs_rationale() -> None:
    with pytest.raises(ValidationError) as exc:
        Score(kr_id="kr", computed=0.4, used=0.7)
    assert messages(exc) == ["an overridden score needs a rationale"]
    assert Score(kr_id="kr", computed=0.4, used=0.7, rationale="Late deals counted").used == 0.7


def test_training_needs_a_presenter() -> None:
    with pytest.raises(ValidationError) as exc:
        Training(id="t", topic="Objections")
    assert "needs a presenter" in messages(exc)[0]


def test_dates_load_from_iso_strings_in_strict_mode() -> None:
    commitment = Commitment.model_validate(
        {"id": "c", "owner_id": "ana", "text": "Call 40 members", "due": "2026-11-19"}
    )
    assert commitment.due == date(2026, 11, 19)


def test_weekly_session_needs_week_and_completed_needs_end() -> None:
    base = {
        "id": "2026-Q4-abcd12",
        "team_id": "sales",
        "kind": "weekly",
        "quarter": "2026-Q4",
        "date": "2026-11-12",
        "started_at": datetime(2026, 11, 12, 10).isoformat(),
    }
    with pytest.raises(ValidationError) as exc:
        Session.model_validate(base)
    assert messages(exc) == ["a weekly session needs its week number"]
    with pytest.raises(ValidationError) as exc:
        Session.model_validate({**base, "week": 7, "status": "completed"})
    assert messages(exc) == ["a completed session needs its end time"]


def test_rating_must_be_one_to_ten() -> None:
    with pytest.raises(ValidationError) as exc:
        Session.model_validate(
            {
                "id": "2026-Q4-abcd12",
                "team_id": "sales",
                "kind": "quarterly",
                "quarter": "2026-Q4",
                "date": "2026-12-20",
                "started_at": "2026-12-20T10:00:00",
                "ratings": {"ana": 11},
            }
        )
    assert messages(exc) == ["ratings.ana: must be at most 10"]
