"""The scoring rules of `okrtui.domain.scoring`, as examples and as properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from okrtui.domain.models import KeyResult, KRKind
from okrtui.domain.scoring import (
    band,
    expected_pace,
    holds,
    kr_score,
    objective_score,
    progress,
    too_easy,
)

finite = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)


def increase(baseline: float = 0, target: float = 500) -> KeyResult:
    return KeyResult(id="kr", title="Upgrades", kind="increase", baseline=baseline, target=target)


def maintain_min(threshold: float = 4800) -> KeyResult:
    return KeyResult(id="kr", title="Price", kind="maintain_min", unit="$", target=threshold)


@st.composite
def numeric_krs(draw: st.DrawFn) -> KeyResult:
    kinds: list[KRKind] = ["increase", "decrease", "maintain_min", "maintain_max"]
    kind = draw(st.sampled_from(kinds))
    a, b = draw(finite), draw(finite)
    assume(abs(a - b) > 1e-6)
    low, high = min(a, b), max(a, b)
    if kind == "increase":
        return KeyResult(id="k", title="t", kind=kind, baseline=low, target=high)
    if kind == "decrease":
        return KeyResult(id="k", title="t", kind=kind, baseline=high, target=low)
    return KeyResult(id="k", title="t", kind=kind, target=a)


def test_increase_progress_examples() -> None:
    kr = increase()
    assert progress(kr, 226) == pytest.approx(0.452)
    assert progress(kr, -50) == 0.0
    assert progress(kr, 900) == 1.0
    assert kr_score(kr, [38, 71, 226]) == pytest.approx(0.452)


def test_decrease_progress_examples() -> None:
    churn = KeyResult(id="kr", title="Churn", kind="decrease", unit="%", baseline=8, target=5)
    assert progress(churn, 8) == 0.0
    assert progress(churn, 6.5) == pytest.approx(0.5)
    assert progress(churn, 4) == 1.0


def test_maintain_scores_the_share_of_checkins_that_held() -> None:
    kr = maintain_min()
    values = [4920, 4870, 4790, 4760, 4835, 4880]
    assert kr_score(kr, values) == pytest.approx(4 / 6)
    assert kr_score(kr, [4800]) == 1.0  # the threshold itself holds
    cap = KeyResult(id="k", title="Cost", kind="maintain_max", target=100)
    assert kr_score(cap, [90, 110, 100, 101]) == pytest.approx(0.5)


def test_maintain_with_only_a_final_value_scores_one_or_zero() -> None:
    kr = maintain_min()
    assert kr_score(kr, [4900]) == 1.0
    assert kr_score(kr, [4700]) == 0.0


def test_milestone_takes_percent_complete() -> None:
    kr = KeyResult(id="kr", title="Launch the portal", kind="milestone")
    assert kr_score(kr, [20, 60]) == pytest.approx(0.6)
    assert kr_score(kr, [100]) == 1.0
    assert kr_score(kr, []) == 0.0


def test_bands_follow_okr_grading() -> None:
    assert [band(s) for s in (0.0, 0.39, 0.4, 0.69, 0.7, 1.0)] == [
        "red",
        "red",
        "yellow",
        "yellow",
        "green",
        "green",
    ]


def test_expected_pace_is_elapsed_share_of_the_quarter() -> None:
    assert expected_pace("2026-Q4", date(2026, 10, 1)) == pytest.approx(1 / 92)
    assert expected_pace("2026-Q4", date(2026, 11, 15)) == pytest.approx(46 / 92)
    assert expected_pace("2026-Q4", date(2026, 12, 31)) == 1.0
    assert expected_pace("2026-Q4", date(2027, 2, 1)) == 1.0
    assert expected_pace("2026-Q4", date(2026, 9, 1)) == 0.0


def test_steady_perfect_scores_are_called_too_easy() -> None:
    assert too_easy([1.0, 1.0])
    assert not too_easy([1.0, 0.7])
    assert not too_easy([])


@given(numeric_krs(), st.lists(finite, max_size=20))
def test_every_score_lies_between_zero_and_one(kr: KeyResult, values: list[float]) -> None:
    assert 0.0 <= kr_score(kr, values) <= 1.0


@given(numeric_krs(), finite, finite)
def test_progress_is_monotone_in_the_value(kr: KeyResult, a: float, b: float) -> None:
    assume(kr.kind in ("increase", "decrease"))
    low, high = min(a, b), max(a, b)
    if kr.kind == "increase":
        assert progress(kr, low) <= progress(kr, high)
    else:
        assert progress(kr, low) >= progress(kr, high)


@given(st.lists(finite, min_size=1, max_size=30), finite)
def test_maintain_score_is_share_held(values: list[float], threshold: float) -> None:
    kr = maintain_min(threshold)
    held = [v for v in values if holds(kr, v)]
    assert kr_score(kr, values) == pytest.approx(len(held) / len(values))


@given(
    st.lists(
        st.tuples(st.floats(min_value=0.1, max_value=10), st.floats(min_value=0, max_value=1)),
        min_size=1,
        max_size=10,
    )
)
def test_objective_score_is_the_weighted_mean(pairs: list[tuple[float, float]]) -> None:
    expected = sum(w * s for w, s in pairs) / sum(w for w, _ in pairs)
    assert objective_score(pairs) == pytest.approx(expected)
    assert (
        min(s for _, s in pairs) - 1e-9 <= objective_score(pairs) <= max(s for _, s in pairs) + 1e-9
    )
