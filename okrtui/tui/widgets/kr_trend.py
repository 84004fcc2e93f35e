"""Every check-in of one key result: a line chart, and beside it each value's confidence and note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from math import ceil
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual_plot import HiResMode, PlotWidget
from textual_plot.axis_formatter import NumericAxisFormatter

from okrtui.domain import kr_words
from okrtui.domain.confidence import DOT, text_variable, word
from okrtui.domain.history import CheckInPoint
from okrtui.domain.lineage import QuarterKR
from okrtui.domain.models import Confidence, KeyResult
from okrtui.tui.widgets.plain_text import cell, markup_escaped, plain

# Date labels ("12 Nov") need room: more than this many would run into each other.
MOST_DATE_TICKS = 5


class DateAxis(NumericAxisFormatter):
    """An x axis of days (date ordinals), labelled with the day and month."""

    def get_labels_for_ticks(self, ticks: Sequence[float]) -> list[str]:
        """Each tick as the date it stands for."""
        return [f"{date.fromordinal(round(tick)):%d %b}" for tick in ticks]


def date_ticks(days: Sequence[float]) -> list[float]:
    """Meeting days to label: all of them when few, else evenly spaced ones and the last."""
    step = ceil(len(days) / MOST_DATE_TICKS) or 1
    ticks = list(days[::step])
    if days and ticks[-1] != days[-1] and len(ticks) < MOST_DATE_TICKS:
        ticks.append(days[-1])
    return ticks


class KRTrend(Vertical):
    """A key result's check-ins over time; `show` draws another one."""

    DEFAULT_CSS = Path(__file__).with_name("kr_trend.tcss").read_text(encoding="utf-8")

    def compose(self) -> ComposeResult:
        yield Static("Pick a key result on the left.", id="trend-title", markup=False)
        plot = PlotWidget(allow_pan_and_zoom=False, id="trend-plot")
        plot.can_focus = False
        yield plot
        table: DataTable[str | Text] = DataTable(id="trend-table", cursor_type="row")
        yield table

    def on_mount(self) -> None:
        self.query_one("#trend-table", DataTable).add_columns(
            "#", "Date", "Week", "Value", "Confidence", "Note"
        )

    def show(self, kr: KeyResult, quarter: str, points: Sequence[CheckInPoint]) -> None:
        """Draw the check-ins of `kr` in one quarter (oldest first)."""
        self.show_line([(QuarterKR("", quarter, kr), points)])

    def show_line(self, line: Sequence[tuple[QuarterKR, Sequence[CheckInPoint]]]) -> None:
        """Draw a key result's line across quarters by the date of each meeting: each
        quarter's check-ins against its own target, a mark where one quarter gives way to
        the next."""
        plot = self.query_one("#trend-plot", PlotWidget)
        table = self.query_one("#trend-table", DataTable)
        plot.clear()
        table.clear()
        kr = line[-1][0].kr
        points = [(part.quarter, part.kr, p) for part, ps in line for p in ps]
        count = f"{len(points)} check-in{'s' if len(points) != 1 else ''}"
        quarters = " → ".join(part.quarter for part, _ in line)
        self.query_one("#trend-title", Static).update(plain(f"{kr.title} · {quarters} · {count}"))
        xs = [float(p.date.toordinal()) for _, _, p in points]
        ys = [p.checkin.value or 0.0 for _, _, p in points]
        colours = self.app.theme_variables
        seen = list(ys)
        for part, part_points in line:
            if part.kr.target is not None and part_points:
                days = [float(p.date.toordinal()) for p in part_points]
                plot.plot(
                    [days[0], max(days[-1], days[0] + 1)],
                    [part.kr.target, part.kr.target],
                    line_style=colours["text-success"],
                    hires_mode=HiResMode.BRAILLE,
                )
                seen.append(part.kr.target)
        if xs:
            path_style = f"bold {colours['primary']}"
            plot.plot(xs, ys, line_style=path_style, hires_mode=HiResMode.BRAILLE)
            plot.scatter(xs, ys, marker=DOT, marker_style=path_style)
            # Half a week either side, so the first and last dots are not on the frame.
            plot.set_xlimits(xs[0] - 3.5, max(xs[-1], xs[0] + 1) + 3.5)
            plot.set_xticks(date_ticks(xs))
            margin = (max(seen) - min(seen)) * 0.1 or 1.0
            low, high = min(seen) - margin, max(seen) + margin
            plot.set_ylimits(low, high)
            drawn = [ps for _, ps in line if ps]
            for before, after in pairwise(drawn):
                # Where one quarter gives way to the next: between their meetings.
                edge = (before[-1].date.toordinal() + after[0].date.toordinal()) / 2
                plot.plot([edge, edge], [low, high], line_style=colours["foreground-darken-3"])
        plot.set_x_formatter(DateAxis())
        plot.set_xlabel("meeting date")
        plot.set_ylabel(
            markup_escaped("% complete" if kr.kind == "milestone" else kr.unit or "value")
        )
        spans = len(line) > 1
        for i, (quarter, part_kr, point) in enumerate(points, 1):
            week = f"W{point.week}" if point.week else ""
            if spans:  # which quarter each row belongs to, once the line spans several
                week = f"{quarter[-2:]} {week}".strip()
            table.add_row(
                str(i),
                point.date.isoformat(),
                week,
                cell(kr_words.value(part_kr, point.checkin.value)),
                self._confidence_cell(point.checkin.confidence),
                cell(point.checkin.note),
            )
        if not points:
            table.add_row("", "", "", "no check-ins yet", "", "")

    def _confidence_cell(self, confidence: Confidence | None) -> Text:
        """A confidence as a dot and its word, in the theme's colour for it."""
        if confidence is None:
            return Text(kr_words.NONE)
        colour = self.app.theme_variables.get(text_variable(confidence).lstrip("$"))
        return Text(f"{DOT} {word(confidence)}", style=Style(color=colour))
