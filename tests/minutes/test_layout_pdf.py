"""PDF minutes as printed, on A4 and Letter: no table cell breaks a word or a number, and no
table is wider than the page.

WeasyPrint lays the HTML minutes out itself, so the browser's layout check
(`test_layout_browser.py`) proves nothing about the PDF. Here poppler's `pdftotext -bbox`
reads every word of the PDF with its box: each word and number of every table cell must be
found whole as often as the cells hold it (a word split over two lines is two words in the
PDF), and every word must lie inside the page's margins.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import pytest

from okrtui.domain.models import Session
from okrtui.minutes import Paper, render_html, render_pdf
from okrtui.minutes.pdf import html_pdf
from tests.minutes.cases import quarterly_case, weekly_case, with_long_kr_title

# The side margins of the page (`@page` in `okrtui.minutes.css` and `okrtui.minutes.pdf`),
# in points, and what rounding may add to a box.
SIDE_MARGIN = 14 / 25.4 * 72
TOLERANCE = 0.5
# A word, or one part of a hyphenated one: a line may end after a hyphen.
TOKEN = re.compile(r"[^\s-]+-?")
XHTML = "{http://www.w3.org/1999/xhtml}"


def _long_title_case() -> tuple[Session, list[Session]]:
    return with_long_kr_title(weekly_case), weekly_case()[1]


CASES: dict[str, Callable[[], tuple[Session, list[Session]]]] = {
    "weekly": weekly_case,
    "quarterly": quarterly_case,
    "long-title": _long_title_case,
}
PAPERS: tuple[Paper, ...] = ("a4", "letter")
# The check must be able to fail: the old style sheet (words broken anywhere, squeezed into
# narrow columns) and a table wider than the page, each printed on A4.
CONTROLS = {
    "control-broken": "table { width: 14rem !important; } "
    "th, td { overflow-wrap: anywhere !important; white-space: normal !important; }",
    "control-wide": "table { width: 1200px !important; }",
}


class _CellText(HTMLParser):
    """The words of every table cell as printed: no charts, no over-long tokens (a `.long`
    span may break anywhere, by design)."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[str] = []
        self._cells = 0
        self._skipped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self._cells += 1
        classes = (dict(attrs).get("class") or "").split()
        if self._skipped or tag == "svg" or (tag == "span" and "long" in classes):
            self._skipped.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipped and self._skipped[-1] == tag:
            self._skipped.pop()
        elif tag in ("td", "th"):
            self._cells -= 1

    def handle_data(self, data: str) -> None:
        if self._cells and not self._skipped:
            self.tokens += TOKEN.findall(data)


def _cell_tokens(html_text: str) -> list[str]:
    parser = _CellText()
    parser.feed(html_text)
    return parser.tokens


@dataclass(frozen=True)
class _Word:
    text: str
    left: float
    right: float
    page_width: float


def _pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        pytest.fail(
            "poppler's pdftotext is not installed: .ci/run installs it "
            "(apt-get install poppler-utils)"
        )
    return found


def _words(pdf: bytes) -> list[_Word]:
    result = subprocess.run(
        [_pdftotext(), "-bbox", "-", "-"], input=pdf, capture_output=True, timeout=60, check=True
    )
    words = []
    for page in ET.fromstring(result.stdout).iter(f"{XHTML}page"):
        width = float(page.attrib["width"])
        for word in page.iter(f"{XHTML}word"):
            box = (float(word.attrib["xMin"]), float(word.attrib["xMax"]))
            words.append(_Word(word.text or "", *box, width))
    return words


@dataclass(frozen=True)
class _Found:
    """What a printed PDF shows: cell words not found whole, and words outside the margins."""

    cells: int
    broken: list[str]
    outside: list[str]


def _check(html_text: str, pdf: bytes) -> _Found:
    words = _words(pdf)
    printed = Counter(token for w in words for token in TOKEN.findall(w.text))
    wanted = Counter(_cell_tokens(html_text))
    broken = sorted(t for t, n in wanted.items() if printed[t] < n)
    outside = [
        w.text
        for w in words
        if w.left < SIDE_MARGIN - TOLERANCE or w.right > w.page_width - SIDE_MARGIN + TOLERANCE
    ]
    return _Found(sum(wanted.values()), broken, outside)


@cache
def _printed(name: str, paper: Paper) -> _Found:
    session, earlier = CASES[name]()
    return _check(render_html(session, earlier), render_pdf(session, earlier, paper=paper))


@cache
def _control(name: str) -> _Found:
    weekly = render_html(*weekly_case()).replace(
        "</head>", f"<style>{CONTROLS[name]}</style></head>"
    )
    return _check(weekly, html_pdf(weekly, "a4"))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_no_printed_table_cell_breaks_a_word_and_no_table_leaves_the_page(
    name: str, paper: Paper
) -> None:
    found = _printed(name, paper)
    assert found.cells >= 50  # every table's words were looked for
    assert found.broken == []
    assert found.outside == []


def test_the_check_finds_broken_words_when_there_are_some() -> None:
    found = _control("control-broken")
    assert found.cells >= 100
    assert found.broken != []


def test_the_check_finds_a_table_wider_than_the_page_when_there_is_one() -> None:
    found = _control("control-wide")
    assert found.outside != []
