"""One key result on the home screen: value against target, pace bar, confidence, trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline, Static

from okrtui.domain.history import kr_path
from okrtui.domain.models import Confidence, KeyResult, Session
from okrtui.domain.numbers import format_number
from okrtui.domain.scoring import expected_pace, progress
from okrtui.tui.widgets.pace_bar import PaceBar

CONFIDENCE_WORDS: dict[Confidence, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
}


@dataclass(frozen=True)
class KrStatus:
    """What the home screen shows of one key result, computed from the quarter's sessions."""

    kr: KeyResult
    value: float | None
    values: list[float]
    confidence: Confidence | None
    progress: float
    pace: float | None

    @classmethod
    def of(cls, kr: KeyResult, sessions: Sequence[Session], quarter: str, today: date) -> KrStatus:
        """The key result's latest value and confidence, and its weekly values in order."""
        path = kr_path(sessions, kr.id)
        values = [p.checkin.value for p in path if p.checkin.value is not None]
        value = values[-1] if values else kr.baseline
        confidences = [p.checkin.confidence for p in path if p.checkin.confidence is not None]
        # Holding a threshold has no pace: it is either held today or not.
        pace = (
            None if kr.kind in ("maintain_min", "maintain_max") else expected_pace(quarter, today)
        )
        share = progress(kr, value) if value is not None else 0.0
        return cls(kr, value, values, confidences[-1] if confidences else None, share, pace)

    @property
    def target_text(self) -> str:
        """The target as people say it: `500 members`, `≥ $4,800`, `done`."""
        kr = self.kr
        if kr.kind == "milestone":
            return "done"
        sign = {"maintain_min": "≥ ", "maintain_max": "≤ "}.get(kr.kind, "")
        return sign + format_number(kr.target, kr.unit)

    @property
    def value_text(self) -> str:
        """The latest value, or a dash before the first check-in."""
        if self.kr.kind == "milestone":
            return "—" if self.value is None else f"{self.value:g}%"
        # A word unit is said once, after the target: "226 / 500 members".
        unit = self.kr.unit if self.kr.unit in ("$", "€", "£", "¥", "%") else ""
        return format_number(self.value, unit)


class KrRow(Vertical):
    """A key result's title over a line of value, progress bar, confidence and sparkline."""

    def __init__(self, status: KrStatus) -> None:
        super().__init__(classes="kr-row")
        self.status = status

    def compose(self) -> ComposeResult:
        status = self.status
        self.border_title = Text(status.kr.title)  # a Text, so brackets in a title stay text
        yield Label(status.kr.title, classes="kr-title", markup=False)
        with Horizontal(classes="kr-line"):
            yield Label(
                f"{status.value_text} / {status.target_text}", classes="kr-numbers", markup=False
            )
            yield Label(f"{status.progress:>4.0%}", classes="kr-percent")
            yield PaceBar(status.progress, status.pace, classes="kr-bar")
            word = CONFIDENCE_WORDS[status.confidence] if status.confidence else "no check-in"
            dot = "●" if status.confidence else "○"
            yield Static(
                f"{dot} {word}", classes=f"confidence -{status.confidence or 'none'}", markup=False
            )
            trend = Sparkline(status.values, classes="kr-trend")
            # One point is not a trend; keep the space so the columns still line up.
            trend.set_class(len(status.values) < 2, "-empty")
            yield trend
