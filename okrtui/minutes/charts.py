"""Charts for HTML and PDF minutes: a key result's path as inline SVG, drawn with matplotlib.

The numbers come from `okrtui.domain.quarterly.KRQuarterPath` (the same path, target and
pace lines the review screen draws); this module only draws them. matplotlib is imported
when the first chart is drawn, so Markdown and JSON minutes never load it.

Output is deterministic: no date or creator in the metadata, text kept as text, and a hash
salt of the key result's id, which also keeps ids unique when several charts share a page.
Colours are from the Okabe–Ito palette (told apart by colour-blind readers) and every line
also has its own dash pattern, so the chart reads in black-and-white print too.
"""

from __future__ import annotations

import html
import io
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from okrtui.domain import kr_words
from okrtui.domain.quarterly import KRQuarterPath, week_position
from okrtui.domain.quarters import quarter_end, quarter_start
from okrtui.domain.text import one_line

if TYPE_CHECKING:
    from matplotlib.figure import Figure

VALUE_COLOUR = "#0072b2"  # blue
TARGET_COLOUR = "#009e73"  # bluish green
PACE_COLOUR = "#d55e00"  # vermillion
GRID_COLOUR = "#d0d7de"
TEXT_COLOUR = "#1d2327"
WEEK_TICKS = (1, 3, 5, 7, 9, 11, 13)
QUARTER_SIZE = (6.4, 2.4)  # inches: fits A4 and Letter portrait inside the margins
TREND_SIZE = (1.5, 0.42)
# Charts scale with the page; the key under a chart shows each line in the line's colour.
CHART_CSS = f"""
svg.chart {{ max-width: 100%; height: auto; }}
td.trend {{ padding: .1em .2em; vertical-align: middle; }}
td.trend svg.chart {{ width: 7.5em; }}
figure.kr-chart {{ margin: .4em 0 1em; break-inside: avoid; page-break-inside: avoid; }}
figure.kr-chart figcaption {{ font-size: .9em; color: #56616b; }}
.key-value {{ color: {VALUE_COLOUR}; }}
.key-target {{ color: {TARGET_COLOUR}; }}
.key-pace {{ color: {PACE_COLOUR}; }}
""".strip()
# What each line is, in words: the key under a chart and the words a screen reader says.
VALUE_WORDS = "value by week"
PACE_WORDS = "expected pace"


@dataclass(frozen=True)
class _Lines:
    """What a chart draws, taken from the path: the drawing is cached on it, so minutes
    rendered again (a quarter's export, the tests) draw each chart once."""

    chart_id: str
    unit: str
    x_range: tuple[float, float]
    target: float | None
    pace: tuple[tuple[float, float], ...]
    points: tuple[tuple[float, float], ...]
    y_limits: tuple[float, float]


def _lines(path: KRQuarterPath, prefix: str, trend: bool = False) -> _Lines:
    points = tuple(path.chart_points())
    ys = [p[1] for p in points]
    if trend:
        start = week_position(path.quarter, quarter_start(path.quarter))
        right = max([*(p[0] for p in points), start + 1])
        # The values and the target only: a baseline far below would flatten a small line.
        return _Lines(
            f"{prefix}-{path.kr.id}",
            "",
            (start, right),
            path.target_line,
            (),
            points,
            path.y_limits(ys, with_baseline=False),
        )
    pace = tuple(path.pace_line())
    return _Lines(
        f"{prefix}-{path.kr.id}",
        " ".join(one_line(path.unit_label).split()),
        path.x_range(),
        path.target_line,
        pace,
        points,
        path.y_limits(ys + [p[1] for p in pace]),
    )


def quarter_chart(path: KRQuarterPath) -> str:
    """The key result's quarter: weekly values, the target or threshold, the expected pace."""
    return _labelled(_quarter_svg(_lines(path, "chart")), _quarter_words(path))


def trend_chart(path: KRQuarterPath) -> str:
    """A small line of the key result's values so far this quarter, with its target dashed."""
    return _labelled(_trend_svg(_lines(path, "trend", trend=True)), _trend_words(path))


@lru_cache(maxsize=256)
def _quarter_svg(lines: _Lines) -> str:
    with _style(lines.chart_id):
        fig = _figure(QUARTER_SIZE)
        ax = fig.subplots()
        first, last = lines.x_range
        if lines.target is not None:
            ax.plot([first, last], [lines.target] * 2, color=TARGET_COLOUR, linestyle="--")
        if lines.pace:
            pace_x, pace_y = [p[0] for p in lines.pace], [p[1] for p in lines.pace]
            ax.plot(pace_x, pace_y, color=PACE_COLOUR, linestyle=":", linewidth=1.6)
        if lines.points:
            xs, ys = [p[0] for p in lines.points], [p[1] for p in lines.points]
            ax.plot(xs, ys, color=VALUE_COLOUR, linewidth=2, marker="o", markersize=4)
        ax.set_xlim(first, last)
        ax.set_ylim(*lines.y_limits)
        ax.set_xticks(WEEK_TICKS, [f"W{w}" for w in WEEK_TICKS])
        ax.set_ylabel(lines.unit, fontsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=8, colors=TEXT_COLOUR)
        ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.6)
        fig.subplots_adjust(left=0.11, right=0.99, top=0.95, bottom=0.14)
        return _svg(fig, lines.chart_id)


@lru_cache(maxsize=256)
def _trend_svg(lines: _Lines) -> str:
    with _style(lines.chart_id):
        fig = _figure(TREND_SIZE)
        ax = fig.add_axes((0.03, 0.1, 0.94, 0.8))
        start, right = lines.x_range
        if lines.target is not None:
            ax.plot([start, right], [lines.target] * 2, color=TARGET_COLOUR, linestyle="--")
        if lines.points:
            xs, ys = [p[0] for p in lines.points], [p[1] for p in lines.points]
            ax.plot(xs, ys, color=VALUE_COLOUR, linewidth=1.6, marker="o", markersize=2.5)
        ax.set_xlim(start - 0.2, right + 0.2)
        ax.set_ylim(*lines.y_limits)
        ax.set_axis_off()
        return _svg(fig, lines.chart_id)


def _style(chart_id: str) -> AbstractContextManager[None]:
    """matplotlib settings for one chart, drawn and saved inside them."""
    import matplotlib

    return matplotlib.rc_context(
        {
            # Clip ids hashed with the key result's id: the same bytes every time.
            "svg.hashsalt": chart_id,
            # Text stays text: searchable, copyable, and the same bytes whatever fonts exist.
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
            "text.color": TEXT_COLOUR,
            # A unit such as `$` is a unit, never the start of a formula.
            "text.parse_math": False,
        }
    )


def _figure(size: tuple[float, float]) -> Figure:
    # The object-oriented API: no pyplot, so no global figure manager and no GUI backend.
    from matplotlib.figure import Figure

    return Figure(figsize=size, facecolor="none")


def _svg(fig: Figure, chart_id: str) -> str:
    """The figure as an `<svg>` element for inline use, its ids all starting with `chart_id`.

    matplotlib numbers its elements (`line2d_1`) afresh in every file: several charts on one
    page would share ids, which HTML forbids and a PDF's anchors trip over.
    """
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None, "Format": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S).strip()
    svg = re.sub(r'\bid="', f'id="{chart_id}-', svg)
    svg = svg.replace('href="#', f'href="#{chart_id}-').replace("url(#", f"url(#{chart_id}-")
    return f'<svg id="{chart_id}" {svg.removeprefix("<svg ")}'


def _labelled(svg: str, words: str) -> str:
    """The chart with `words` for screen readers; CHART_CSS scales it with the page."""
    label = html.escape(words, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="chart" ', 1)


def _values(path: KRQuarterPath) -> str:
    return ", ".join(kr_words.value(path.kr, v) for v in path.values) or "no check-ins"


def _quarter_words(path: KRQuarterPath) -> str:
    parts = [f"{one_line(path.kr.title)}: {VALUE_WORDS} {_values(path)}"]
    if path.kr.kind != "milestone" and path.kr.target is not None:
        parts.append(f"{path.target_word} {kr_words.target(path.kr)}")
    end = path.expected_on(quarter_end(path.quarter))
    if end is not None:
        parts.append(f"{PACE_WORDS} to {kr_words.value(path.kr, end)} by the quarter's end")
    return "; ".join(parts)


def _trend_words(path: KRQuarterPath) -> str:
    return f"{one_line(path.kr.title)} so far this quarter: {_values(path)}"
