"""Text a person typed or a file held, made ready to show: never markup, never raw control codes.

A string handed to a Static, a table cell, a tree label or an option is read as markup by
Textual and Rich; a `Text` is not. Control characters a data file still holds (accepted by an
earlier version) are written visibly, so nothing from a file reaches the terminal raw.
"""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text

from okrtui.domain.text import escape_control, one_line


def plain(value: str, style: str = "") -> Text:
    """`value` as text to show, control characters written visibly."""
    return Text(escape_control(value), style=style)


def cell(value: str, style: str = "") -> Text:
    """A table cell shown exactly as typed, on one line."""
    return Text(one_line(value), style=style)


def cells(*values: str) -> list[Text]:
    """Table cells shown exactly as typed, each on one line."""
    return [cell(value) for value in values]


def markup_escaped(value: str) -> str:
    """`value` for a widget that only takes markup (a chart's axis label), shown literally."""
    return escape(escape_control(value))
