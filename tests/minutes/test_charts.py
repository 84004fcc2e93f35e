"""Charts in the HTML minutes: each key result's path in a review, its trend in a weekly meeting."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from okrtui.domain.models import Session
from okrtui.minutes import render_html
from okrtui.minutes.charts import quarter_chart, trend_chart
from okrtui.minutes.view import build_view
from tests.minutes.cases import quarterly_case, weekly_case

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("OKRTUI_REGENERATE_GOLDEN") == "1"
SVG = re.compile(r"<svg .*?</svg>", re.S)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


def _labels(html: str) -> list[str]:
    return re.findall(r'<svg role="img" aria-label="([^"]*)"', html)


def test_a_key_results_quarter_chart_matches_its_golden_svg() -> None:
    session, earlier = quarterly_case()
    first = build_view(session, earlier).key_results[0]
    assert first.path is not None
    _golden("chart-quarter.svg", quarter_chart(first.path) + "\n")


def test_a_key_results_trend_chart_matches_its_golden_svg() -> None:
    session, earlier = weekly_case()
    first = build_view(session, earlier).key_results[0]
    assert first.path is not None
    _golden("chart-trend.svg", trend_chart(first.path) + "\n")


def test_charts_come_out_the_same_in_a_fresh_interpreter() -> None:
    # Ids, dates and metadata would differ between runs if anything were left to chance.
    code = (
        "from tests.minutes.cases import quarterly_case;"
        "from okrtui.minutes import render_html;"
        "import sys; sys.stdout.write(render_html(*quarterly_case()))"
    )
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert fresh.stdout == render_html(*quarterly_case())


def test_quarterly_minutes_draw_every_key_results_path_with_its_lines_named() -> None:
    session, earlier = quarterly_case()
    html = render_html(session, earlier)
    labels = _labels(html)
    titles = [s.kr.title for s in session.kr_snapshots]
    assert [label.split(":")[0] for label in labels] == titles
    # Values as text for anyone who cannot see the picture, in the key result's unit.
    assert "value by week 38 members, 71 members" in labels[0]
    assert "target 500 members" in labels[0]
    assert "expected pace to 500 members" in labels[0]
    # A maintain key result has a threshold and no expected pace.
    assert "threshold ≥ $4,800" in labels[2]
    assert "expected pace" not in labels[2]
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", html)
    assert len(captions) == len(titles)
    assert "expected pace" in captions[0] and "threshold" in captions[2]


def test_a_dollar_unit_is_written_as_a_dollar_not_read_as_a_formula() -> None:
    session, earlier = quarterly_case()
    price = build_view(session, earlier).key_results[2]
    assert price.path is not None
    svg = quarter_chart(price.path)
    assert re.search(r"<text [^>]*>\$</text>", svg), "the y axis names the unit $"


def test_weekly_minutes_show_each_key_results_trend_beside_its_row() -> None:
    session, earlier = weekly_case()
    html = render_html(session, earlier)
    table = html.split("<h2>Key results</h2>")[1].split("</table>")[0]
    rows = re.findall(r'<tr><td class="title".*?</tr>', table, re.S)
    assert len(rows) == len(session.kr_snapshots)
    assert all('<td class="trend" data-label="Trend"><svg role="img"' in row for row in rows)
    # Week 6's trend holds the five weeks before it and week 6 itself, oldest first.
    assert _labels(rows[0])[0].endswith(
        "so far this quarter: 38 members, 71 members, 109 members, 142 members, 181 members, "
        "226 members"
    )


def test_a_weekly_trend_stops_at_its_own_meeting() -> None:
    sessions = weekly_case()[1]
    third: Session = sessions[2]
    html = render_html(third, sessions)
    assert _labels(html)[0].endswith("so far this quarter: 38 members, 71 members, 109 members")


def test_a_key_result_never_checked_in_has_no_trend_chart() -> None:
    session, earlier = weekly_case()
    kr_id = session.kr_snapshots[0].kr.id
    bare = session.model_copy(
        update={"checkins": [c for c in session.checkins if c.kr_id != kr_id]}
    )
    others = [s.model_copy(update={"checkins": []}) for s in earlier if s.id != session.id]
    html = render_html(bare, others)
    table = html.split("<h2>Key results</h2>")[1]
    first_row = re.search(r"<tbody>\n(<tr>.*?</tr>)", table)
    assert first_row is not None
    assert first_row.group(1).endswith('<td class="trend" data-label="Trend"></td></tr>')


LOADED = """
import sys
from tests.minutes.cases import quarterly_case
from okrtui.minutes import render_html, render_json, render_markdown

def loaded():
    return ["matplotlib" in sys.modules, "weasyprint" in sys.modules]

render_markdown(*quarterly_case())
render_json(*quarterly_case())
print(loaded())
render_html(*quarterly_case())
print(loaded())
"""


def test_only_html_minutes_load_matplotlib_and_none_load_weasyprint() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[False, False]", "[True, False]"]
