"""The quarterly review: each key result's path, its score, objective scores.

Pure functions over the plan and the quarter's weekly sessions; the review screen shows what
they return and keeps the scores in its session, so later plan edits never change them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from okrtui.domain.history import CheckInPoint, in_order, kr_path
from okrtui.domain.models import Confidence, KeyResult, Objective, ObjectiveScore, Score, Session
from okrtui.domain.numbers import DEFAULT_LOCALE, NotANumber, format_number, parse_number
from okrtui.domain.quarters import quarter_end, quarter_start, weeks_left
from okrtui.domain.scoring import Band, band, expected_pace, kr_score, objective_score, too_easy
from okrtui.domain.text import STORED

TOO_EASY = "Every key result scored 1.0: the targets may have been too easy."
NEEDS_A_LOOK = "Below 0.4: this one needs a look at why."


def quarter_sessions(sessions: Iterable[Session], team_id: str, quarter: str) -> list[Session]:
    """The team's weekly meetings of the quarter, oldest first; the review itself is left out."""
    return in_order(
        s for s in sessions if s.team_id == team_id and s.quarter == quarter and s.kind == "weekly"
    )


def reviewed_key_results(objectives: Iterable[Objective]) -> list[tuple[Objective, KeyResult]]:
    """Every active key result of the active objectives, in plan order."""
    return [
        (objective, kr)
        for objective in objectives
        if not objective.archived
        for kr in objective.active_key_results
    ]


def reviewed_objectives(session: Session) -> list[Objective]:
    """The objectives and key results a review looks at, as they stood when it started.

    Built from the session's snapshots, so editing the plan afterwards never changes the review.
    """
    objectives: dict[str, Objective] = {}
    for snapshot in session.kr_snapshots:
        objective = objectives.get(snapshot.objective_id)
        if objective is None:
            # Built from a stored record: keep its text as it was stored.
            objective = Objective.model_validate(
                {
                    "id": snapshot.objective_id,
                    "team_id": session.team_id,
                    "quarter": session.quarter,
                    "title": snapshot.objective_title,
                },
                context=STORED,
            )
            objectives[snapshot.objective_id] = objective
        objective.key_results.append(snapshot.kr)
    return list(objectives.values())


def set_score(session: Session, score: Score, objectives: Iterable[Objective]) -> Session:
    """The session with this key result's score, and its objective scores brought up to date."""
    scores = [s for s in session.scores if s.kr_id != score.kr_id] + [score]
    order = [snapshot.kr.id for snapshot in session.kr_snapshots]
    scores.sort(key=lambda s: order.index(s.kr_id) if s.kr_id in order else len(order))
    results = objective_results(objectives, scores)
    return session.model_copy(
        update={"scores": scores, "objective_scores": [r.to_model() for r in results]}
    )


def week_position(quarter: str, day: date) -> float:
    """Where a day sits on the chart's x axis: 1.0 on the quarter's first day, +1 a week."""
    return 1 + (day - quarter_start(quarter)).days / 7


@dataclass(frozen=True)
class PathRow:
    """One line of the quarter-in-numbers table."""

    week: int | None
    date: date
    value: float
    expected: float | None
    confidence: Confidence | None


@dataclass(frozen=True)
class KRQuarterPath:
    """A key result's path over a quarter, with its target and expected-pace lines."""

    quarter: str
    objective: Objective
    kr: KeyResult
    points: tuple[CheckInPoint, ...]

    @property
    def values(self) -> list[float]:
        """The check-in values in date order."""
        return [p.checkin.value for p in self.points if p.checkin.value is not None]

    @property
    def final_value(self) -> float | None:
        """The last check-in's value, or None when the team never checked this in."""
        values = self.values
        return values[-1] if values else None

    @property
    def target_line(self) -> float | None:
        """The value to reach or hold: the target, the threshold, or 100% for a milestone."""
        return 100.0 if self.kr.kind == "milestone" else self.kr.target

    def expected_on(self, day: date) -> float | None:
        """The value the expected pace asks for by `day`; None for maintain kinds."""
        start, end = self._pace_ends()
        if start is None or end is None:
            return None
        return start + expected_pace(self.quarter, day) * (end - start)

    def x_range(self) -> tuple[float, float]:
        """The quarter's first and last day as week positions: the chart's x axis."""
        return (
            week_position(self.quarter, quarter_start(self.quarter)),
            week_position(self.quarter, quarter_end(self.quarter)),
        )

    def pace_line(self) -> list[tuple[float, float]]:
        """The expected-pace line as two (week position, value) points; empty if none."""
        first, last = quarter_start(self.quarter), quarter_end(self.quarter)
        low, high = self.expected_on(first), self.expected_on(last)
        if low is None or high is None:
            return []
        return [
            (week_position(self.quarter, first), low),
            (week_position(self.quarter, last), high),
        ]

    def chart_points(self) -> list[tuple[float, float]]:
        """The check-ins as (week position, value) points."""
        return [
            (week_position(self.quarter, p.date), p.checkin.value)
            for p in self.points
            if p.checkin.value is not None
        ]

    def rows(self) -> list[PathRow]:
        """The table beside the chart: one row per check-in."""
        return [
            PathRow(p.week, p.date, p.checkin.value, self.expected_on(p.date), p.checkin.confidence)
            for p in self.points
            if p.checkin.value is not None
        ]

    @property
    def target_word(self) -> str:
        """What the target line is called: a threshold for maintain kinds, else the target."""
        return "threshold" if self.kr.kind in ("maintain_min", "maintain_max") else "target"

    @property
    def unit_label(self) -> str:
        """A chart's value-axis label: the unit, or percent complete for a milestone."""
        if self.kr.kind == "milestone":
            return "% complete"
        return self.kr.unit or "value"

    def y_limits(self, values: Sequence[float], with_baseline: bool = True) -> tuple[float, float]:
        """A chart's value range: every value, the target and the baseline, with a margin."""
        seen = list(values)
        if self.target_line is not None:
            seen.append(self.target_line)
        if with_baseline and self.kr.baseline is not None:
            seen.append(self.kr.baseline)
        if not seen:
            return 0.0, 1.0
        low, high = min(seen), max(seen)
        margin = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
        return low - margin, high + margin

    def _pace_ends(self) -> tuple[float | None, float | None]:
        if self.kr.kind == "milestone":
            return 0.0, 100.0
        if self.kr.kind in ("increase", "decrease"):
            return self.kr.baseline, self.kr.target
        return None, None


def quarter_paths(
    quarter: str, objectives: Iterable[Objective], sessions: Iterable[Session]
) -> list[KRQuarterPath]:
    """Every reviewed key result's path over the quarter, from the given weekly sessions."""
    weekly = [s for s in sessions if s.kind == "weekly" and s.quarter == quarter]
    return [
        KRQuarterPath(quarter, objective, kr, tuple(kr_path(weekly, kr.id)))
        for objective, kr in reviewed_key_results(objectives)
    ]


def confidence_history(sessions: Iterable[Session], kr_id: str) -> list[Confidence | None]:
    """The room's confidence in a key result at each weekly meeting, oldest first."""
    history: list[Confidence | None] = []
    for session in in_order(s for s in sessions if s.kind == "weekly"):
        checkin = session.checkin(kr_id)
        history.append(checkin.confidence if checkin is not None else None)
    return history


# -- scores -------------------------------------------------------------------------------


def scored_values(path_values: Sequence[float], entered_final: float | None) -> list[float]:
    """The values a score is computed from: the check-ins, else the final value typed in."""
    if path_values:
        return list(path_values)
    return [] if entered_final is None else [entered_final]


def computed_score(path: KRQuarterPath, entered_final: float | None = None) -> Score:
    """A key result's score by the rules of `okrtui.domain.scoring`, accepted as is (no override)."""
    values = scored_values(path.values, entered_final)
    computed = kr_score(path.kr, values)
    final = values[-1] if values else None
    return Score(kr_id=path.kr.id, final_value=final, computed=computed, used=computed)


def overridden(score: Score, used: float, rationale: str) -> Score:
    """The same score with the facilitator's override; ValueError without a rationale."""
    if not rationale.strip() and abs(used - score.computed) > 1e-9:
        raise ValueError("say why the score is overridden")
    return Score(
        kr_id=score.kr_id,
        final_value=score.final_value,
        computed=score.computed,
        used=used,
        rationale=rationale.strip(),
    )


def parse_score(text: str, locale: str = DEFAULT_LOCALE) -> float:
    """A typed score in the team's locale: `0.6`, `.6` or `60%`; ValueError in plain words."""
    raw = text.strip()
    if not raw:
        raise ValueError("enter a score between 0 and 1")
    try:
        value = parse_number(raw, locale=locale, unit="")
    except NotANumber:
        example = format_number(0.6, locale=locale)
        raise ValueError(
            f"'{raw}' is not a score; type one between 0 and 1, like {example}"
        ) from None
    if raw.endswith("%"):
        value /= 100
    if not 0 <= value <= 1:
        raise ValueError("a score lies between 0 and 1 (0.7 is a good landing)")
    return value


@dataclass(frozen=True)
class ObjectiveResult:
    """An objective's score with its band and what the room should notice about it."""

    objective: Objective
    score: float
    band: Band
    callout: str | None
    kr_scores: tuple[tuple[KeyResult, Score], ...]

    def to_model(self) -> ObjectiveScore:
        """The record kept with the session."""
        return ObjectiveScore(objective_id=self.objective.id, score=self.score)


def objective_results(
    objectives: Iterable[Objective], scores: Iterable[Score]
) -> list[ObjectiveResult]:
    """Weighted mean of each objective's key-result scores (score used), with call-outs.

    Objectives none of whose key results has been scored yet are left out.
    """
    by_kr = {s.kr_id: s for s in scores}
    results = []
    for objective in objectives:
        if objective.archived:
            continue
        scored = tuple((kr, by_kr[kr.id]) for kr in objective.active_key_results if kr.id in by_kr)
        if not scored:
            continue
        value = objective_score((kr.weight, s.used) for kr, s in scored)
        used = [s.used for _, s in scored]
        callout = TOO_EASY if too_easy(used) else NEEDS_A_LOOK if value < 0.4 else None
        results.append(ObjectiveResult(objective, value, band(value), callout, scored))
    return results


def review_is_early(quarter: str, held_on: date) -> bool:
    """A review held before the quarter's last week looks at values so far, not final ones."""
    return weeks_left(quarter, held_on) > 0


def values_word(quarter: str, held_on: date) -> str:
    """What a review calls the latest values: "final", or "so far" before the last week."""
    return "so far" if review_is_early(quarter, held_on) else "final"


def review_standing(quarter: str, held_on: date) -> str:
    """Where a review stands in its quarter, said once at the top; "" in its last week or later."""
    left = weeks_left(quarter, held_on)
    if left <= 0:
        return ""
    weeks = f"{left} week{'s' if left != 1 else ''}"
    return f"{quarter} has {weeks} left: values are so far, not final."
