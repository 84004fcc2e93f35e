"""The lines of the minutes: one record per thing the meeting saw, computed by `view`.

Numbers stay raw here (JSON wants them); `okrtui.minutes.words` turns them into text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from okrtui.domain.models import CommitmentStatus, Confidence, KeyResult, KRKind
from okrtui.domain.quarterly import KRQuarterPath
from okrtui.domain.scoring import Band


@dataclass(frozen=True)
class ScoreLine:
    """A key result's quarterly score."""

    final_value: float | None
    computed: float
    used: float
    band: Band
    rationale: str

    @property
    def overridden(self) -> bool:
        """Whether the room used another score than the computed one."""
        return abs(self.used - self.computed) > 1e-9


@dataclass(frozen=True)
class KRLine:
    """One key result as the meeting saw it: values, progress, confidence, score."""

    kr: KeyResult
    previous: float | None
    value: float | None
    delta: float | None
    progress: float | None
    confidence: Confidence | None
    note: str
    score: ScoreLine | None
    # (week, confidence) from the quarter's weekly meetings; quarterly minutes only.
    confidences: tuple[tuple[int | None, Confidence | None], ...] = ()
    # The quarter's first check-in and its final value; quarterly minutes only.
    first: float | None = None
    final: float | None = None
    # The quarter's check-ins up to this meeting (all of them for a review): the charts.
    path: KRQuarterPath | None = None
    # The member whose own update the entry was accepted from, by name ("" when typed in
    # the meeting).
    sent_by: str = ""

    @property
    def quarter_change(self) -> float | None:
        """How far the key result moved over the quarter: from its baseline to its final value.

        None without a baseline (a maintain kind may have none, a milestone has none).
        """
        if self.kr.baseline is None or self.final is None:
            return None
        return self.final - self.kr.baseline


@dataclass(frozen=True)
class ObjectiveLine:
    """An objective with the key results the meeting reviewed and its score, if scored."""

    objective_id: str
    title: str
    key_results: tuple[KRLine, ...]
    score: float | None
    band: Band | None
    # What the room should notice: targets too easy, or a score below 0.4.
    callout: str | None = None


@dataclass(frozen=True)
class ContributionLine:
    """What someone did; `week` is set when it comes from an earlier meeting."""

    member: str
    text: str
    celebrated: bool
    week: int | None = None
    # The member whose own update the entry was accepted from, by name ("" when typed in
    # the meeting).
    sent_by: str = ""


T = TypeVar("T")


@dataclass(frozen=True)
class Group(Generic[T]):
    """Items under a heading: contributions of one key result, notes of one kind."""

    key: str
    title: str
    items: tuple[T, ...]


@dataclass(frozen=True)
class ContributionGroup(Group[ContributionLine]):
    """A key result's contributions and the people who moved it, alphabetically (never ranked)."""

    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    """An experience or retrospective note and who said it (may be empty)."""

    member: str
    text: str
    # The member whose own update the entry was accepted from, by name ("" when typed in
    # the meeting).
    sent_by: str = ""


@dataclass(frozen=True)
class DiscussionLine:
    """A discussion step of the team's own agenda: its title, prompt and the notes kept."""

    key: str
    title: str
    prompt: str
    notes: tuple[NoteLine, ...]


@dataclass(frozen=True)
class CommitmentLine:
    """A commitment made or reviewed, with its owner's name and its status."""

    commitment_id: str
    kind: str
    owner: str
    text: str
    kr_title: str
    due: date | None
    status: CommitmentStatus
    # Days past due on the meeting's date while still open (`domain/commitments.py`).
    overdue_days: int | None = None
    # The member whose own update the entry was accepted from, by name ("" when typed in
    # the meeting).
    sent_by: str = ""


@dataclass(frozen=True)
class DraftLine:
    """A key result drafted for next quarter, as text."""

    title: str
    kind: KRKind
    unit: str
    baseline: float | None
    target: float | None


@dataclass(frozen=True)
class DraftObjectiveLine:
    """An objective drafted for next quarter."""

    title: str
    description: str
    key_results: tuple[DraftLine, ...]


@dataclass(frozen=True)
class IssueLine:
    """An open issue as the meeting left it: raised here, kept open, solved, dropped, or
    still open without being looked at (`decision` None)."""

    text: str
    owner: str
    raised_on: date
    age: str
    decision: str | None
    resolution: str
