"""HTML minutes laid out by a real browser at A4 width: no table cell breaks a word, and no
table is wider than the page.

One headless Chromium run measures every document at every width: the minutes are put into
`srcdoc` frames of one page whose script measures each frame after it loads and writes its
findings into the page, which Chromium prints (`--dump-dom`). No Python dependency.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess

import pytest

from okrtui.minutes import render_html
from tests.minutes.cases import quarterly_case, weekly_case, with_long_kr_title

# A4 at 96 dots per inch is 794 pixels wide. Printed, its width inside the margins (`@page`
# in `okrtui.minutes.css`) is 688 pixels at 10pt type: the same layout as 757 pixels at the
# screen's 11pt, so the A4 frame here (747 pixels inside the body's padding and a scroll bar)
# is a little stricter than the page. Narrower windows stack each row (the narrow layout).
WIDTHS = {"a4-sheet": 794, "narrow-window": 640, "phone": 360}


def _documents() -> dict[str, str]:
    weekly, weekly_earlier = weekly_case()
    quarterly, quarterly_earlier = quarterly_case()
    return {
        "weekly": render_html(weekly, weekly_earlier),
        "quarterly": render_html(quarterly, quarterly_earlier),
        "long-title": render_html(with_long_kr_title(weekly_case), weekly_earlier),
    }


# Runs in the outer page once every frame has loaded. For each cell: every word's rendered
# boxes (a word split over two lines has two), and the cell's line count against the most
# lines its spaces allow; for each table: its right edge against the page's.
MEASURE = """
function words(cell) {
  const broken = [];
  const walker = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let lines = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('.long')) continue;
    const text = node.textContent;
    // A word, or one part of a hyphenated one: a line may end after a hyphen.
    const re = /[^\\s-]+-?/g;
    let m;
    while ((m = re.exec(text)) !== null) {
      const range = cell.ownerDocument.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      tops.forEach(t => lines.add(t));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return {broken, lines: lines.size};
}
function measure(frame) {
  const doc = frame.contentDocument;
  const page = doc.documentElement.clientWidth;
  const found = {tables: 0, cells: 0, broken: [], too_many_lines: [], too_wide: []};
  for (const table of doc.querySelectorAll('table')) {
    found.tables += 1;
    const right = table.getBoundingClientRect().right;
    if (right > page + 0.5 || table.scrollWidth > table.clientWidth + 0.5) {
      found.too_wide.push({table: table.className, right, page});
    }
    for (const cell of table.querySelectorAll('th, td')) {
      if (cell.closest('thead') && getComputedStyle(cell.closest('thead')).position === 'absolute') continue;
      found.cells += 1;
      const {broken, lines} = words(cell);
      broken.forEach(w => found.broken.push({table: table.className, word: w}));
      const text = cell.innerText.trim();
      const allowed = text ? text.split(/[\\s-]+/).length : 0;
      if (lines > allowed) found.too_many_lines.push({text, lines, allowed});
    }
  }
  if (doc.documentElement.scrollWidth > page) found.too_wide.push({page_scrolls: doc.documentElement.scrollWidth, page});
  return found;
}
window.addEventListener('load', () => {
  const report = {};
  for (const frame of document.querySelectorAll('iframe')) report[frame.id] = measure(frame);
  const pre = document.createElement('pre');
  pre.id = 'layout-report';
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
});
"""


# The measure must be able to fail: the old style sheet (words broken anywhere, squeezed
# into narrow columns) and a table wider than the page, each measured at A4 width.
CONTROLS = {
    "control-broken": "table { width: 20rem !important; } "
    "th, td { overflow-wrap: anywhere !important; white-space: normal !important; }",
    "control-wide": "table { width: 1200px !important; }",
}


def _frame(name: str, label: str, width: int, text: str) -> str:
    return (
        f'<iframe id="{name}@{label}" style="width:{width}px;height:1123px;border:0" '
        f'srcdoc="{html.escape(text, quote=True)}"></iframe>'
    )


def _page(documents: dict[str, str]) -> str:
    frames = [
        _frame(name, label, width, text)
        for name, text in documents.items()
        for label, width in WIDTHS.items()
    ]
    weekly = documents["weekly"]
    frames += [
        _frame(
            name,
            "a4-sheet",
            WIDTHS["a4-sheet"],
            weekly.replace("</head>", f"<style>{css}</style></head>"),
        )
        for name, css in CONTROLS.items()
    ]
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        f"<body style='margin:0'>{''.join(frames)}<script>{MEASURE}</script></body></html>"
    )


def _chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        pytest.fail(
            "Debian's chromium is not installed: .ci/run installs it (apt-get install chromium)"
        )
    return found


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    folder = tmp_path_factory.mktemp("layout")
    page = folder / "minutes.html"
    page.write_text(_page(_documents()), encoding="utf-8")
    profile = folder / "profile"
    result = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--window-size=794,1123",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(folder)},
        check=False,
    )
    dom = result.stdout
    start = dom.find('<pre id="layout-report">')
    assert start >= 0, f"Chromium wrote no layout report: {result.stderr[-2000:]}"
    report = dom[start:].split(">", 1)[1].split("</pre>", 1)[0]
    return dict(json.loads(html.unescape(report)))


DOCUMENTS = ("weekly", "quarterly", "long-title")


def test_every_document_was_measured_at_every_width(layout: dict[str, dict[str, object]]) -> None:
    expected = [f"{name}@{label}" for name in DOCUMENTS for label in WIDTHS]
    assert sorted(layout) == sorted([*expected, *(f"{c}@a4-sheet" for c in CONTROLS)])
    for found in layout.values():
        assert isinstance(found["tables"], int) and found["tables"] >= 2
        assert isinstance(found["cells"], int) and found["cells"] >= 20


def test_the_measure_finds_broken_words_and_wide_tables_when_there_are_some(
    layout: dict[str, dict[str, object]],
) -> None:
    assert layout["control-broken@a4-sheet"]["broken"] != []
    assert layout["control-broken@a4-sheet"]["too_many_lines"] != []
    assert layout["control-wide@a4-sheet"]["too_wide"] != []


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_table_cell_breaks_a_word(
    layout: dict[str, dict[str, object]], name: str, width: str
) -> None:
    found = layout[f"{name}@{width}"]
    assert found["broken"] == []
    assert found["too_many_lines"] == []


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_table_is_wider_than_the_page(
    layout: dict[str, dict[str, object]], name: str, width: str
) -> None:
    assert layout[f"{name}@{width}"]["too_wide"] == []
