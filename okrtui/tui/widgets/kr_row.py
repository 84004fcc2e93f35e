"""One key result on the home screen: value against target, pace bar, confidence, trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.history import kr_path
from okrtui.domain.models import Confidence, KeyResult, Session
from okrtui.domain.scoring import expected_pace, progress
from okrtui.domain.text import one_line
from okrtui.tui.widgets.pace_bar import MIN_BAR, pace_bar_text
from okrtui.tui.widgets.plain_text import plain

# Cells of the parts of a row's line; the bar takes what is left (at least MIN_BAR).
PERCENT = 5
CONFIDENCE = 14


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
        return kr_words.target(self.kr)

    @property
    def value_text(self) -> str:
        """The latest value, or a dash before the first check-in."""
        # A word unit is said once, after the target: "226 / 500 members".
        return kr_words.value(self.kr, self.value, word_unit=False)


class KrRow(Widget):
    """A key result's title over a line of value, progress bar, confidence and trend.

    One widget that draws the whole row as text: built of labels, a bar and a sparkline it
    was eight widgets a row, and styling and laying those out was most of the time home
    took to open. On a projector (a wide and tall screen) the title moves into the border.
    """

    def __init__(self, status: KrStatus) -> None:
        super().__init__(classes="kr-row")
        self.status = status
        self.border_title = plain(status.kr.title)  # a Text, so brackets in a title stay text

    def on_mount(self) -> None:
        # Colours come from the theme at render time, so redraw when the theme changes.
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self.refresh()

    @property
    def _layout(self) -> tuple[bool, bool]:
        """Whether the screen is wide, and whether it is a projector (wide and tall)."""
        wide = self.screen.has_class("-wide")
        return wide, wide and self.screen.has_class("-tall")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._layout[1]:
            return 1  # the stylesheet gives a projector's rows their height
        return len(self._title().wrap(self.app.console, max(width, 1))) + 1

    def render(self) -> RenderableType:
        wide, projector = self._layout
        width, height = self.size
        if projector:
            lines = self._lines(width, max(height, 1), numbers=30, trend=32)
            return Group(*lines)
        return Group(self._title(), *self._lines(width, 1, numbers=30 if wide else 24, trend=16))

    def _title(self) -> Text:
        return plain(self.status.kr.title, style="bold")

    def _lines(self, width: int, height: int, numbers: int, trend: int) -> list[Text]:
        """The line of figures, centred in `height` lines beside a trend that fills them."""
        status = self.status
        bar_width = max(MIN_BAR, width - numbers - PERCENT - 2 - CONFIDENCE - trend)
        figures = Text(no_wrap=True, overflow="crop")
        figures.append_text(fit(one_line(f"{status.value_text} / {status.target_text}"), numbers))
        figures.append_text(fit(f"{status.progress:>4.0%}", PERCENT, "bold"))
        figures.append(" ")
        figures.append_text(
            pace_bar_text(
                status.progress,
                status.pace,
                bar_width,
                self.app.theme_variables.get,
                self.rich_style.color,
            )
        )
        figures.append(" ")
        word = confidence_words.word(status.confidence)
        dot = confidence_words.DOT if status.confidence else confidence_words.NO_DOT
        figures.append_text(fit(f"{dot} {word}", CONFIDENCE, self._confidence_style()))
        blank = Text(" " * figures.cell_len)
        middle = (height - 1) // 2
        trend_lines = self._trend(trend, height)
        return [
            Text.assemble(figures if y == middle else blank, trend_lines[y], no_wrap=True)
            for y in range(height)
        ]

    def _trend(self, width: int, height: int) -> list[Text]:
        """The sparkline of the weekly values; blank space when there is no trend yet."""
        values = self.status.values
        if len(values) < 2:  # one point is not a trend; the columns still line up
            return [Text(" " * width)] * height
        _, base = self.background_colors
        primary = Color.parse(self.app.theme_variables.get("primary", "blue"))
        sparkline = Sparkline(
            values,
            width=width,
            height=height,
            min_color=(base + primary.with_alpha(0.3)).rich_color,
            max_color=(base + primary).rich_color,
        )
        console = self.app.console
        lines = []
        for segments in Segment.split_lines(console.render(sparkline, console.options)):
            line = Text()
            for segment in segments:
                line.append(segment.text, segment.style)
            lines.append(line)
        return lines

    def _confidence_style(self) -> Style:
        confidence = self.status.confidence
        if confidence is None:
            # $text-muted: the text that contrasts with the background, at 60%.
            _, base = self.background_colors
            return Style(color=(base + base.get_contrast_text(0.6)).rich_color)
        colour = confidence_words.COLOURS[confidence]
        return Style(color=self.app.theme_variables.get(colour, "white"))


def fit(text: str, width: int, style: str | Style = "") -> Text:
    """`text` in exactly `width` cells: cropped, or padded on the right."""
    shown = Text(text, style, no_wrap=True, overflow="crop")
    shown.truncate(width, pad=True)
    return shown
