"""Text into Markdown and HTML so that no input can change the document's structure.

Markdown: a character is backslash-escaped only where it would change the structure at
that position, so ordinary text (`$4,800`, `#1 priority`, `snake_case`) pastes without
backslashes. That means: what opens a block at the start of a line (`#`, `>`, a list
marker, a fence, a thematic break, a setext underline, a table's delimiter row); emphasis
and strikethrough runs that can open or close (`*`, `_`, `~`); code spans (backticks, when
two can pair); link and image brackets; HTML tags, autolinks and entities; a `$` that could
close inline math; a backslash that would escape the next character or break the line; `|`
inside a table cell and a `#` run that would end a heading. Newlines become hard line
breaks, or `<br>` inside a table cell.
HTML: `html.escape`. Both wrap text holding right-to-left script or bidi controls in an
isolate, so it cannot reorder the words around it.
"""

from __future__ import annotations

import html
import re
from enum import Enum

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u202a-\u202e\u2066-\u2069]")
_FSI, _PDI = "\u2068", "\u2069"

# Inline markup, found anywhere in a line.
_EMPHASIS_RUN = re.compile(r"\*+|_+|~+")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)", re.MULTILINE)
# What opens a block at the start of a line (the line already stripped of indentation).
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BULLET = re.compile(r"^[-+*](?=\s|$)")
_BREAK_OR_UNDERLINE = re.compile(r"^([-*_=])(\s*\1)*\s*$")
_HEADING = re.compile(r"^#+(?=\s|$)")
_ALWAYS_AT_START = (">", "`", "~", "$$")
_DELIMITER_ROW = re.compile(r"^[\s|:-]*-[\s|:-]*$")


class _Place(Enum):
    """Where escaped text goes: the start of a block, after other words, a cell, a heading."""

    BLOCK = "block"
    INLINE = "inline"
    CELL = "cell"
    HEADING = "heading"


def has_rtl(text: str) -> bool:
    """Whether text holds right-to-left script or bidi control characters."""
    return _RTL.search(text) is not None


def _isolate(text: str) -> str:
    # First-strong isolate: the text keeps its own direction and cannot leak an override.
    return f"{_FSI}{text}{_PDI}" if has_rtl(text) else text


def _inline(text: str) -> str:
    """Escape inline markup in `text` (newlines kept), judging pairs over the whole text."""
    marks: set[int] = set()
    for m in _BACKSLASH.finditer(text):
        marks.add(m.start())
    for m in _EMPHASIS_RUN.finditer(text):
        if _can_delimit(text, m.start(), m.end()):
            marks.update(range(m.start(), m.end()))
    # A code span needs two backtick runs; a lone apostrophe-like backtick is left alone.
    ticks = [i for i, c in enumerate(text) if c == "`"]
    if len(ticks) >= 2:
        marks.update(ticks)
    # Brackets make a link or an image only with a closing bracket after them.
    last_close = text.rfind("]")
    marks.update(i for i, c in enumerate(text) if c == "[" and i < last_close)
    marks.update(m.start() for m in _TAG_START.finditer(text))
    marks.update(m.start() for m in _ENTITY.finditer(text))
    marks.update(_math_closers(text))
    return "".join(f"\\{c}" if i in marks else c for i, c in enumerate(text))


def _can_delimit(text: str, start: int, end: int) -> bool:
    # A run at either end of the text may touch markup around it (`**` of a label), so it
    # is escaped. Inside, a run with white space on both sides cannot open or close
    # emphasis, nor can `_` between two letters or digits (`snake_case`).
    if start == 0 or end == len(text):
        return True
    before, after = text[start - 1], text[end]
    if before.isspace() and after.isspace():
        return False
    return not (text[start] == "_" and before.isalnum() and after.isalnum())


def _math_closers(text: str) -> set[int]:
    # Inline math (GitHub, GitLab, pandoc) is `$…$`: the opener followed by a non-space,
    # the closer after a non-space and not before a digit. Escaping every `$` that could
    # close a pair leaves prices like `$4,800 and $2,900` alone.
    closers: set[int] = set()
    opened = False
    for i, c in enumerate(text):
        if c != "$":
            continue
        after = text[i + 1] if i + 1 < len(text) else ""
        before = text[i - 1] if i > 0 else ""
        if opened and before and not before.isspace() and not after[:1].isdigit():
            closers.add(i)
        if after and not after.isspace():
            opened = True
    return closers


def _line_start(line: str) -> str:
    """Escape what would open a block at the start of an already inline-escaped line."""
    if _BREAK_OR_UNDERLINE.match(line):
        # Every mark, or the rest of the run could still open or close emphasis.
        return re.sub(r"(\S)", r"\\\1", line)
    if line.startswith(_ALWAYS_AT_START) or _HEADING.match(line) or _BULLET.match(line):
        run = len(line) - len(line.lstrip(line[0]))
        return "".join(f"\\{c}" for c in line[:run]) + line[run:]
    if _DELIMITER_ROW.match(line):
        return line.replace("|", "\\|").replace(":", "\\:", 1)
    return _ORDERED.sub(r"\1\\\2", line)


def _escape(text: str, place: _Place) -> list[str]:
    """Escaped lines of `text` (each stripped), for the given place."""
    lines = [line.strip() for line in text.splitlines()] or [""]
    escaped = _inline("\n".join(lines)).split("\n")
    if place is _Place.CELL:
        return [line.replace("|", "\\|") for line in escaped]
    if place is _Place.HEADING:
        # A heading drops a closing run of `#`: one at the end stays text only escaped.
        return [re.sub(r"(^|\s)(#+)$", r"\1\\\2", " ".join(escaped))]
    return [
        _line_start(line) if place is _Place.BLOCK or i > 0 else line
        for i, line in enumerate(escaped)
    ]


def md(text: str, indent: str = "", after_label: bool = False) -> str:
    """Text for a paragraph or list item; `indent` keeps continuation lines inside the item.

    `after_label`: the text follows other words on its first line, so that line cannot
    open a block.
    """
    lines = _escape(text, _Place.INLINE if after_label else _Place.BLOCK)
    return _isolate(("\\\n" + indent).join(lines))


def md_line(text: str) -> str:
    """Text for a heading: one line, newlines read as spaces."""
    return _isolate(_escape(text, _Place.HEADING)[0])


def md_cell(text: str) -> str:
    """Text for a table cell: `|` escaped and newlines as `<br>`, so the row stays one row."""
    return _isolate("<br>".join(_escape(text, _Place.CELL)))


# No word or number is this long: such a token may break anywhere rather than widen its
# table past the page (a cell's ordinary words never break; see `okrtui.minutes.css`).
LONG_TOKEN = 31
_LONG = re.compile(rf"\S{{{LONG_TOKEN},}}")


def html_cell(text: str) -> str:
    """Text for a table cell: as `html_text`, with over-long tokens allowed to break."""
    lines = []
    for line in text.splitlines():
        line, parts, at = line.strip(), [], 0
        for m in _LONG.finditer(line):
            parts.append(html.escape(line[at : m.start()]))
            parts.append(f'<span class="long">{html.escape(m.group())}</span>')
            at = m.end()
        parts.append(html.escape(line[at:]))
        lines.append("".join(parts))
    escaped = "<br>".join(lines)
    return f"<bdi>{escaped}</bdi>" if has_rtl(text) else escaped


def html_text(text: str) -> str:
    """Text for HTML content or attributes; newlines become `<br>`."""
    escaped = "<br>".join(html.escape(line.strip()) for line in text.splitlines())
    return f"<bdi>{escaped}</bdi>" if has_rtl(text) else escaped
