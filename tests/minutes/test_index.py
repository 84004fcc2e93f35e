"""The index of an exported quarter links every meeting in date order, whatever was typed."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from okrtui.domain.models import Session
from okrtui.domain.sample import sample_sessions
from okrtui.minutes.index import render_index
from tests.minutes.cases import with_text
from tests.minutes.test_escaping import HOSTILE, _check


def _entries(text: str) -> list[tuple[Session, str]]:
    sessions = [with_text(s, text) for s in sample_sessions()]
    return [(s, f"sales-{s.date.isoformat()}-weekly-w{s.week}.md") for s in sessions]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_index_has_one_link_per_meeting(text: str) -> None:
    index = render_index(text, "2026-Q4", _entries(text), "md")
    tokens = MarkdownIt("gfm-like").parse(index)
    links = [
        child.attrs["href"]
        for token in tokens
        for child in token.children or []
        if child.type == "link_open" and not str(child.attrs["href"]).startswith(("http", "mailto"))
    ]
    assert links == [name for _, name in _entries(text)]
    assert [t.type for t in tokens if t.type == "heading_open"] == ["heading_open"]


@pytest.mark.parametrize("text", HOSTILE)
def test_html_index_is_well_formed(text: str) -> None:
    checker = _check(render_index(text, "2026-Q4", _entries(text), "html"))
    assert checker.tags.count("a") == 6
    assert "script" not in checker.tags


def test_json_index_names_every_file() -> None:
    index = json.loads(render_index("Sales", "2026-Q4", _entries("x"), "json"))
    assert [s["file"] for s in index["sessions"]] == [name for _, name in _entries("x")]
