"""Text into Markdown and HTML so that no input can change the document's structure.

Markdown: every character that can start inline markup is backslash-escaped (CommonMark lets
any ASCII punctuation be escaped), and so is whatever can open a block at the start of a line
(`-`, `+`, `1.`, `=`). Newlines become hard line breaks, or `<br>` inside a table cell.
HTML: `html.escape`. Both wrap text holding right-to-left script or bidi controls in an
isolate, so it cannot reorder the words around it.
"""

from __future__ import annotations

import html
import re

_INLINE = re.compile(r"([\\`*_\[\]<>|#~&$])")
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u202a-\u202e\u2066-\u2069]")
_FSI, _PDI = "\u2068", "\u2069"


def has_rtl(text: str) -> bool:
    """Whether text holds right-to-left script or bidi control characters."""
    return _RTL.search(text) is not None


def _isolate(text: str) -> str:
    # First-strong isolate: the text keeps its own direction and cannot leak an override.
    return f"{_FSI}{text}{_PDI}" if has_rtl(text) else text


def _md_line(line: str, starts_line: bool = True) -> str:
    escaped = _INLINE.sub(r"\\\1", line.strip())
    if not starts_line:
        return escaped
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def md(text: str, indent: str = "", after_label: bool = False) -> str:
    """Text for a paragraph or list item; `indent` keeps continuation lines inside the item.

    `after_label`: the text follows other words on its first line, so that line cannot
    open a block.
    """
    lines = [
        _md_line(line, starts_line=not (after_label and i == 0))
        for i, line in enumerate(text.splitlines() or [""])
    ]
    return _isolate(("\\\n" + indent).join(lines))


def md_line(text: str) -> str:
    """Text for a heading: one line, newlines read as spaces."""
    return _isolate(" ".join(_md_line(line, False) for line in text.splitlines()))


def md_cell(text: str) -> str:
    """Text for a table cell: `|` escaped and newlines as `<br>`, so the row stays one row."""
    return _isolate("<br>".join(_md_line(line, False) for line in text.splitlines()))


def html_text(text: str) -> str:
    """Text for HTML content or attributes; newlines become `<br>`."""
    escaped = "<br>".join(html.escape(line.strip()) for line in text.splitlines())
    return f"<bdi>{escaped}</bdi>" if has_rtl(text) else escaped
