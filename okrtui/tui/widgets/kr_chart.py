"""A key result's path over a quarter: a line chart with target and pace lines, and its table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from okrtui.domain import kr_words
from okrtui.domain.confidence import DOT
from okrtui.domain.quarterly import KRQuarterPath, PathRow
from okrtui.tui.widgets.plain_text import markup_escaped
from okrtui.tui.widgets.quarterly.confidence_dots import confidence_dot

if TYPE_CHECKING:
    from textual_plot import PlotWidget

# Theme colours, so the lines stay legible on light themes (projectors) as well as dark.
VALUE_COLOUR = "primary"
TARGET_COLOUR = "text-success"
PACE_COLOUR = "text-warning"
WEEK_TICKS = (1, 3, 5, 7, 9, 11, 13)


class KRChart(Horizontal):
    """The chart of one key result's quarter beside a table of the exact numbers."""

    # Stands alone (the quarterly step and anyone else may use it), so it brings its styles.
    DEFAULT_CSS = (Path(__file__).with_name("kr_chart.tcss")).read_text(encoding="utf-8")

    def __init__(self, path: KRQuarterPath | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="kr-chart")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="kr-plot-area"):
            # Imported here: textual-plot brings numpy (~0.3 s), and only a quarterly review
            # draws charts, so weekly meetings never pay for it.
            from textual_plot import PlotWidget

            plot = PlotWidget(allow_pan_and_zoom=False, id="kr-plot")
            # The chart is looked at, not driven: keys stay with the step around it.
            plot.can_focus = False
            yield plot
            yield Static("", id="kr-key")
        table: DataTable[str | Content] = DataTable(
            id="kr-table", cursor_type="none", zebra_stripes=True, show_cursor=False
        )
        table.can_focus = False
        yield table

    def on_mount(self) -> None:
        plot = self._plot()
        # Tick labels only below the axis and the unit above it: at 80x24 every row counts.
        plot.margin_top = 1
        plot.margin_bottom = 1
        table = self.query_one("#kr-table", DataTable)
        table.add_columns("Wk", "Value", "Pace", "")
        self.show_path(self.path)

    def _plot(self) -> PlotWidget:
        from textual_plot import PlotWidget

        return self.query_one("#kr-plot", PlotWidget)

    def show_path(self, path: KRQuarterPath | None) -> None:
        """Draw another key result's path (None clears the chart)."""
        from textual_plot import HiResMode

        self.path = path
        plot = self._plot()
        table = self.query_one("#kr-table", DataTable)
        plot.clear()
        table.clear()
        if path is None:
            return
        colours = self.app.theme_variables
        points = path.chart_points()
        pace = path.pace_line()
        target = path.target_line
        first, last = path.x_range()
        if target is not None:
            plot.plot(
                [first, last],
                [target, target],
                line_style=colours[TARGET_COLOUR],
                hires_mode=HiResMode.BRAILLE,
                label="target",
            )
        if pace:
            plot.plot(
                [p[0] for p in pace],
                [p[1] for p in pace],
                line_style=colours[PACE_COLOUR],
                hires_mode=HiResMode.BRAILLE,
                label="expected pace",
            )
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            value_style = f"bold {colours[VALUE_COLOUR]}"
            plot.plot(xs, ys, line_style=value_style, hires_mode=HiResMode.BRAILLE, label="value")
            plot.scatter(xs, ys, marker=DOT, marker_style=value_style)
        plot.set_xlimits(first, last)
        low, high = path.y_limits([p[1] for p in points] + [p[1] for p in pace])
        plot.set_ylimits(low, high)
        plot.set_xticks(WEEK_TICKS)
        # Padded: the plot does not clear the old label, and a shorter one would leave bits.
        plot.set_ylabel(markup_escaped(f"{path.unit_label:^16}"))
        # The key sits under the chart: a legend box inside it would hide part of the path.
        plot.show_legend(is_visible=False)
        self.query_one("#kr-key", Static).update(_key(path))
        for row in path.rows():
            table.add_row(*_cells(path, row))
        if not points:
            table.add_row("—", "no check-ins", "", "")


def _cells(path: KRQuarterPath, row: PathRow) -> tuple[str | Content, ...]:
    # Symbols stay with the numbers; a word unit (members) is on the chart's axis instead.
    kr = path.kr
    expected = (
        kr_words.value(kr, round(row.expected), word_unit=False) if row.expected is not None else ""
    )
    return (
        str(row.week or ""),
        kr_words.value(kr, row.value, word_unit=False),
        expected,
        confidence_dot(row.confidence),
    )


def _key(path: KRQuarterPath) -> Content:
    parts = [Content.styled("━ value by week", f"bold ${VALUE_COLOUR}")]
    if path.target_line is not None:
        parts.append(Content.styled(f"━ {path.target_word}", f"${TARGET_COLOUR}"))
    if path.pace_line():
        parts.append(Content.styled("━ expected pace", f"${PACE_COLOUR}"))
    return Content("  ").join(parts)
