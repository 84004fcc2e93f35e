"""Quarterly scoring through the review's own functions, for every kind of key result."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from okrtui.domain.models import KR_KINDS, CheckIn, KeyResult, Objective, Session
from okrtui.domain.quarterly import (
    NEEDS_A_LOOK,
    TOO_EASY,
    computed_score,
    objective_results,
    overridden,
    parse_score,
    quarter_paths,
)

QUARTER = "2026-Q4"
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def weekly(week: int, checkins: dict[str, float]) -> Session:
    day = date(2026, 10, 1) + timedelta(weeks=week - 1)
    return Session(
        id=f"{QUARTER}-w{week:04d}",
        team_id="t",
        kind="weekly",
        quarter=QUARTER,
        week=week,
        date=day,
        started_at=datetime(day.year, day.month, day.day, 9),
        checkins=[CheckIn(kr_id=k, value=v, confidence="on_track") for k, v in checkins.items()],
    )


def objective(*krs: KeyResult) -> Objective:
    return Objective(id="o", team_id="t", quarter=QUARTER, title="Grow", key_results=list(krs))


def score_of(kr: KeyResult, series: list[float], entered: float | None = None) -> float:
    sessions = [weekly(i + 1, {kr.id: v}) for i, v in enumerate(series)]
    (path,) = quarter_paths(QUARTER, [objective(kr)], sessions)
    return computed_score(path, entered).used


INCREASE = KeyResult(id="up", title="Upgrades", kind="increase", baseline=100, target=500)
DECREASE = KeyResult(id="down", title="Churn", kind="decrease", unit="%", baseline=8, target=5)
FLOOR = KeyResult(id="floor", title="Price", kind="maintain_min", unit="$", target=4800)
CAP = KeyResult(id="cap", title="Cost", kind="maintain_max", unit="$", target=100)
LAUNCH = KeyResult(id="launch", title="Launch the portal", kind="milestone")


def test_increase_scores_the_final_value_and_clamps() -> None:
    assert score_of(INCREASE, [150, 250, 300]) == pytest.approx(0.5)
    assert score_of(INCREASE, [600, 700]) == 1.0  # beyond the target
    assert score_of(INCREASE, [200, 50]) == 0.0  # ended below the baseline


def test_decrease_scores_the_final_value_and_clamps() -> None:
    assert score_of(DECREASE, [7.5, 6.5]) == pytest.approx(0.5)
    assert score_of(DECREASE, [4, 3]) == 1.0
    assert score_of(DECREASE, [7, 9]) == 0.0


def test_threshold_held_some_weeks_scores_the_share_that_held() -> None:
    assert score_of(FLOOR, [4920, 4870, 4790, 4760, 4835, 4880]) == pytest.approx(4 / 6)
    assert score_of(CAP, [90, 120, 100, 101]) == pytest.approx(0.5)
    assert score_of(FLOOR, [4700, 4799]) == 0.0
    assert score_of(FLOOR, [4800, 5000]) == 1.0


def test_without_check_ins_the_entered_final_value_decides() -> None:
    assert score_of(FLOOR, [], entered=4900) == 1.0
    assert score_of(FLOOR, [], entered=4700) == 0.0
    assert score_of(INCREASE, [], entered=400) == pytest.approx(0.75)
    assert score_of(INCREASE, []) == 0.0


def test_an_entered_final_value_does_not_replace_real_check_ins() -> None:
    assert score_of(INCREASE, [300], entered=500) == pytest.approx(0.5)


def test_milestone_scores_percent_complete() -> None:
    assert score_of(LAUNCH, [10, 40, 70]) == pytest.approx(0.7)
    assert score_of(LAUNCH, [100]) == 1.0
    assert score_of(LAUNCH, []) == 0.0


def test_override_needs_a_rationale_and_keeps_the_computed_score() -> None:
    sessions = [weekly(1, {"up": 300})]
    (path,) = quarter_paths(QUARTER, [objective(INCREASE)], sessions)
    score = computed_score(path)
    with pytest.raises(ValueError, match="why"):
        overridden(score, 0.8, "  ")
    kept = overridden(score, 0.8, "Two big deals signed on the last day")
    assert (kept.computed, kept.used, kept.final_value) == (0.5, 0.8, 300)
    assert kept.rationale == "Two big deals signed on the last day"


@pytest.mark.parametrize(
    ("typed", "expected"), [("0.6", 0.6), (".25", 0.25), ("70%", 0.7), ("1", 1.0), ("0", 0.0)]
)
def test_typed_scores_are_read(typed: str, expected: float) -> None:
    assert parse_score(typed) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "enter"),
        ("abc", "not a score"),
        ("1.5", "between 0 and 1"),
        ("-0.1", "between 0 and 1"),
    ],
)
def test_bad_scores_get_a_plain_message(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_score(typed)


def test_objective_score_is_weighted_and_called_out() -> None:
    heavy = KeyResult(id="heavy", title="Heavy", kind="milestone", weight=3)
    results = objective_results(
        [objective(heavy, LAUNCH)],
        [
            computed_score(
                quarter_paths(QUARTER, [objective(heavy)], [weekly(1, {"heavy": 10})])[0]
            ),
            computed_score(
                quarter_paths(QUARTER, [objective(LAUNCH)], [weekly(1, {"launch": 100})])[0]
            ),
        ],
    )
    (result,) = results
    assert result.score == pytest.approx((3 * 0.1 + 1.0) / 4)
    assert result.band == "red"
    assert result.callout == NEEDS_A_LOOK


def test_a_steady_perfect_quarter_is_called_too_easy() -> None:
    sessions = [weekly(1, {"launch": 100, "floor": 5000})]
    paths = quarter_paths(QUARTER, [objective(LAUNCH, FLOOR)], sessions)
    (result,) = objective_results([objective(LAUNCH, FLOOR)], [computed_score(p) for p in paths])
    assert (result.score, result.band, result.callout) == (1.0, "green", TOO_EASY)


@st.composite
def key_results(draw: st.DrawFn) -> KeyResult:
    kind = draw(st.sampled_from(KR_KINDS))
    if kind == "milestone":
        return KeyResult(id="k", title="t", kind="milestone")
    a = draw(values)
    b = draw(values.filter(lambda x: abs(x - a) > 1e-3))
    low, high = min(a, b), max(a, b)
    if kind == "increase":
        return KeyResult(id="k", title="t", kind="increase", baseline=low, target=high)
    if kind == "decrease":
        return KeyResult(id="k", title="t", kind="decrease", baseline=high, target=low)
    return KeyResult(id="k", title="t", kind=kind, target=a)


@given(key_results(), st.lists(values, max_size=13))
def test_every_review_score_lies_in_zero_one_and_starts_accepted(
    kr: KeyResult, series: list[float]
) -> None:
    sessions = [weekly(i + 1, {"k": v}) for i, v in enumerate(series)]
    (path,) = quarter_paths(QUARTER, [objective(kr)], sessions)
    score = computed_score(path)
    assert 0.0 <= score.computed <= 1.0
    assert score.used == score.computed
    assert score.final_value == (series[-1] if series else None)


@given(st.lists(values, min_size=1, max_size=13), values)
def test_holding_the_threshold_more_weeks_never_lowers_the_score(
    series: list[float], threshold: float
) -> None:
    floor = KeyResult(id="k", title="t", kind="maintain_min", target=threshold)
    before = score_of(floor, series)
    lifted = [max(v, threshold) if i == 0 else v for i, v in enumerate(series)]
    assert score_of(floor, lifted) >= before


@given(key_results(), st.lists(values, min_size=1, max_size=13))
def test_the_final_value_alone_decides_increase_decrease_and_milestones(
    kr: KeyResult, series: list[float]
) -> None:
    assume(kr.kind not in ("maintain_min", "maintain_max"))
    if kr.kind == "milestone":
        series = [min(100.0, max(0.0, v)) for v in series]
    assert score_of(kr, series) == pytest.approx(score_of(kr, series[-1:]))
