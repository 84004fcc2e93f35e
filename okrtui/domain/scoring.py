"""Scoring rules: progress, quarterly scores, bands and expected pace.

Every progress and score lies in [0, 1].
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal

from okrtui.domain.models import KeyResult
from okrtui.domain.quarters import quarter_days, quarter_start

Band = Literal["red", "yellow", "green"]
BAND_LOW = 0.4
BAND_HIGH = 0.7


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """`value` limited to [low, high]."""
    return max(low, min(high, value))


def holds(kr: KeyResult, value: float) -> bool:
    """Whether a value holds a maintain key result's threshold."""
    if kr.target is None:
        return False
    if kr.kind == "maintain_min":
        return value >= kr.target
    if kr.kind == "maintain_max":
        return value <= kr.target
    raise ValueError(f"'{kr.kind}' key results have no threshold to hold")


def progress(kr: KeyResult, value: float | None) -> float:
    """How far one value is along a key result, in [0, 1].

    Increase and decrease move from baseline to target; maintain kinds are 1 when the
    value holds the threshold; milestones take a percent complete.
    """
    if value is None:
        return 0.0
    if kr.kind == "milestone":
        return clamp(value / 100)
    if kr.kind in ("maintain_min", "maintain_max"):
        return 1.0 if holds(kr, value) else 0.0
    assert kr.baseline is not None and kr.target is not None
    span = kr.target - kr.baseline
    return clamp((value - kr.baseline) / span) if span else 0.0


def kr_score(kr: KeyResult, values: Sequence[float]) -> float:
    """A key result's quarterly score from its check-in values in date order.

    The last value is final. Maintain kinds score the share of check-ins that held the
    threshold; with a single value (no check-ins but a final value) that value decides.
    """
    if not values:
        return 0.0
    if kr.kind in ("maintain_min", "maintain_max"):
        held = sum(1 for v in values if holds(kr, v))
        return held / len(values)
    return progress(kr, values[-1])


def objective_score(weighted_scores: Iterable[tuple[float, float]]) -> float:
    """Weighted mean of (weight, score) pairs; 0 when there are none."""
    pairs = list(weighted_scores)
    total = sum(weight for weight, _ in pairs)
    if total <= 0:
        return 0.0
    return clamp(sum(weight * score for weight, score in pairs) / total)


def band(score: float) -> Band:
    """The usual OKR grading: red below 0.4, yellow up to 0.7, green from 0.7."""
    if score < BAND_LOW:
        return "red"
    if score < BAND_HIGH:
        return "yellow"
    return "green"


def expected_pace(quarter: str, day: date) -> float:
    """The share of the quarter's days elapsed by the end of `day`, in [0, 1]."""
    elapsed = (day - quarter_start(quarter)).days + 1
    return clamp(elapsed / quarter_days(quarter))


def too_easy(scores: Sequence[float]) -> bool:
    """A steady 1.0 across key results suggests the targets were too easy."""
    return bool(scores) and all(s >= 1.0 for s in scores)
