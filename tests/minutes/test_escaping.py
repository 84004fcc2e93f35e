"""No text a person types can change the structure of the minutes, in any format.

Each hostile text goes into every user field of a weekly and a quarterly session (and the
sessions they look back on); the document must have exactly the structure it has with plain
words, and show the hostile text as text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.minutes import render_html, render_json, render_markdown, render_text
from tests.hostile_text import CONTROL, raw_control_bytes
from tests.minutes.cases import discussion_case, quarterly_case, weekly_case, with_text

HOSTILE = [
    "| pipe | in | a | cell |",
    "line one\nline two\n# heading\n- item\n> quote\n1. first\n2) second\n+ plus",
    "# Not a heading",
    "- not a list",
    "> not a quote",
    "1. not a numbered list",
    "```\nnot a code fence\n```",
    "~~~\nnot a tilde fence",
    "**bold** __bold__ *star* _under_ ~~strike~~ `tick` ``double``",
    "<script>alert('boom')</script> & &amp; &copy; <b>bold</b> </td></tr></table>",
    "[link](http://evil.example) ![image](x.png) <http://auto.example> [ref]: /x",
    "word" * 45,
    "🎉 👩‍👩‍👧 emoji, שלום עולם, مرحبا بالعالم, and an override \u202eesrever",
    "===\n---\n***\n___",
    "back\\slash at the end\\",
    "    indented like code\n\tand tabbed",
    "$x^2$ math and \\$ money",
    "<!-- comment --> <div>block</div>",
    "Title\n====",
    "a\r\nwindows\rlines",
]
CASES: dict[str, Callable[[], tuple[Session, list[Session]]]] = {
    "weekly": weekly_case,
    "discussion": discussion_case,
    "quarterly": quarterly_case,
}
PLAIN = "plain words"


def _case(case: str, text: str) -> tuple[Session, list[Session]]:
    session, earlier = CASES[case]()
    return with_text(session, text), [with_text(s, text) for s in earlier]


def _lines(text: str) -> list[str]:
    # What a reader must see: each typed line, trimmed (fields strip their ends).
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


# -- Markdown ---------------------------------------------------------------------------


def _blocks(markdown: str) -> list[tuple[str, str, int]]:
    tokens = MarkdownIt("gfm-like").parse(markdown)
    return [(t.type, t.tag, t.nesting) for t in tokens if t.type != "inline"]


def _visible_text(markdown: str) -> str:
    parts = []
    for token in MarkdownIt("gfm-like").parse(markdown):
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
        parts.append("\n")
    return "".join(parts)


def _unescaped_pipes(row: str) -> int:
    # A backslash escapes the next character, itself included.
    return sum(1 for m in re.finditer(r"\\.|\|", row) if m.group() == "|")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_structure_is_the_same_as_with_plain_words(case: str, text: str) -> None:
    hostile = render_markdown(*_case(case, text))
    plain = render_markdown(*_case(case, PLAIN))
    assert _blocks(hostile) == _blocks(plain)
    headings = [line for line in hostile.splitlines() if line.startswith("#")]
    assert len(headings) == sum(1 for line in plain.splitlines() if line.startswith("#"))


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_tables_keep_their_columns(case: str, text: str) -> None:
    hostile = render_markdown(*_case(case, text))
    table: list[str] = []
    tables = 0
    for line in [*hostile.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            tables += 1
            assert {_unescaped_pipes(row) for row in table} == {_unescaped_pipes(table[0])}
            table = []
    assert tables >= 1


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_the_text_as_typed(case: str, text: str) -> None:
    visible = _visible_text(render_markdown(*_case(case, text)))
    for line in _lines(text):
        assert line in visible


# Ordinary sentences a team writes: they must paste into an email or a wiki as typed, with
# no backslash in sight, while still reading as the same words.
ORDINARY = [
    "Keep the average Tier 1 price at or above $4,800",
    "Moved the average from $4,835 to $4,880 and Tier 2 to $2,975",
    "Raised prices by 5% for the #2 accounts",
    "#1 priority: renewals",
    "Tier 1 & Tier 2 upgrades (R&D agreed)",
    "Q4 revenue: $12,000 (up 8%) - see the dashboard",
    "Ben's 3 calls + Ana's 2 = 5 upgrades",
    "Use snake_case names in the CRM export",
    "Price < $5,000 and > $4,000",
    "2 * 3 = 6 webinars; 50/50 split with marketing",
    "-5% churn since September",
    "Call list v2.1 (final), 40 members; 12 said yes!",
    "Email ana@example.com before 9:30",
    "Why? Leads paused for 3 weeks. Next: ask earlier",
]


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", ORDINARY)
def test_markdown_shows_ordinary_text_without_backslashes(case: str, text: str) -> None:
    markdown = render_markdown(*_case(case, text))
    assert "\\" not in markdown
    assert text in _visible_text(markdown)
    assert _blocks(markdown) == _blocks(render_markdown(*_case(case, PLAIN)))


# -- HTML -------------------------------------------------------------------------------

VOID = {"meta", "br"}


class _Checker(HTMLParser):
    """Checks that every opened tag is closed in order; keeps tags and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # An over-long token in a table cell is wrapped so it may break: named apart.
        long_token = tag == "span" and ("class", "long") in attrs
        self.tags.append("span.long" if long_token else tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment <!--{data}-->")


def _check(document: str) -> _Checker:
    checker = _Checker()
    checker.feed(document)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_html_is_well_formed_and_shows_the_text_as_typed(case: str, text: str) -> None:
    hostile = _check(render_html(*_case(case, text)))
    plain = _check(render_html(*_case(case, PLAIN)))
    # Only isolates (<bdi>), line breaks and breakable over-long tokens may be added.
    assert [t for t in hostile.tags if t not in ("bdi", "br", "span.long")] == plain.tags
    assert "script" not in hostile.tags
    visible = "".join(hostile.text)
    for line in _lines(text):
        assert line in visible


def test_html_script_appears_only_as_text() -> None:
    document = render_html(*_case("weekly", "<script>alert('boom')</script>"))
    assert "<script>" not in document
    assert "&lt;script&gt;alert(&#x27;boom&#x27;)&lt;/script&gt;" in document


def test_right_to_left_text_is_isolated_in_every_format() -> None:
    text = "שלום \u202eabc"
    session, earlier = _case("weekly", text)
    assert f"<bdi>{text}</bdi>" in render_html(session, earlier)
    assert f"\u2068{text}\u2069" in render_markdown(session, earlier)


# -- Plain text -------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_shows_the_text_as_typed_and_keeps_its_sections(case: str, text: str) -> None:
    hostile = render_text(*_case(case, text))
    plain = render_text(*_case(case, PLAIN))
    # Control characters (a bidi override among them) are shown escaped, as on the terminal.
    for line in _lines(text):
        assert escape_control(line) in hostile
    # Typed lines after the first are indented into their item or paragraph, so none can
    # pass for a heading (a line over a rule of `=` or `-` as long as it).
    assert len(_text_headings(hostile)) == len(_text_headings(plain))


def _text_headings(document: str) -> list[str]:
    lines = document.splitlines()
    return [
        line
        for line, rule in itertools.pairwise(lines)
        if line and len(rule) == len(line) and set(rule) in ({"="}, {"-"})
    ]


@pytest.mark.parametrize("text", CONTROL)
def test_plain_text_shows_control_characters_escaped(text: str) -> None:
    session, earlier = _case("weekly", text)
    assert raw_control_bytes(render_text(session, earlier)) == []


# -- JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("text", HOSTILE)
def test_json_keeps_the_text_and_the_shape(case: str, text: str) -> None:
    session, earlier = _case(case, text)
    document = json.loads(render_json(session, earlier))
    plain = json.loads(render_json(*_case(case, PLAIN)))
    assert document["session"]["summary"] == session.summary
    assert document["team"] == session.team_name
    assert _shape(document) == _shape(plain)


def _shape(value: object) -> object:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


# -- Names in the quarterly roll-up ------------------------------------------------------------
# "Moved by" lists members' names in a place of their own; each name must come out as typed
# there, not only where the same text also appears in a contribution.


def _moved_by_markdown(markdown: str) -> list[list[tuple[str, str]]]:
    return [
        [(child.type, child.content) for child in token.children or []]
        for token in MarkdownIt("gfm-like").parse(markdown)
        if token.type == "inline" and token.content.startswith(("**Moved by:**", "**Contributed"))
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_moved_by_shows_each_name_as_typed(text: str) -> None:
    session, earlier = _case("quarterly", text)
    paragraphs = _moved_by_markdown(render_markdown(session, earlier))
    assert len(paragraphs) == 5
    for children in paragraphs:
        # A bare URL may become a link (GFM autolinks), its text unchanged.
        assert {kind for kind, _ in children} <= {
            "text",
            "strong_open",
            "strong_close",
            "hardbreak",
            "link_open",
            "link_close",
        }
        assert [kind for kind, _ in children].count("strong_open") == 1
        shown = "".join(
            {"text": content, "hardbreak": "\n"}.get(kind, "") for kind, content in children
        )
        for line in _lines(text):
            assert line in shown


class _MovedBy(HTMLParser):
    """Collects the tags and text inside each `<p class="moved-by">`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.paragraphs: list[tuple[list[str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and ("class", "moved-by") in attrs:
            self.inside = True
            self.paragraphs.append(([], ""))
        elif self.inside:
            self.paragraphs[-1][0].append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            tags, shown = self.paragraphs[-1]
            self.paragraphs[-1] = (tags, shown + data)


@pytest.mark.parametrize("text", HOSTILE)
def test_html_moved_by_shows_each_name_as_typed(text: str) -> None:
    session, earlier = _case("quarterly", text)
    parser = _MovedBy()
    parser.feed(render_html(session, earlier))
    assert len(parser.paragraphs) == 5
    for tags, shown in parser.paragraphs:
        assert set(tags) <= {"strong", "bdi", "br"}
        for line in _lines(text):
            assert line in shown


@pytest.mark.parametrize("text", HOSTILE)
def test_json_roll_up_keeps_names_and_titles_as_typed(text: str) -> None:
    session, earlier = _case("quarterly", text)
    groups = json.loads(render_json(session, earlier))["contributions_by_kr"]
    names = {n for g in groups for n in g["moved_by"]}
    assert names <= set(session.member_names.values())
    assert {g["title"] for g in groups if g["kr_id"]} == {s.kr.title for s in session.kr_snapshots}
