"""Work-arounds for bugs in Textual 8.2 that okrtui's tests found; applied when the app loads.

Each names the bug it works around and is to go when a Textual release fixes it.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_once_laid_out(self: OptionList, direction: _widget_navigation.Direction) -> None:
    # A page key that reaches an option list before it has been laid out (a Select's menu
    # opened by the key just before it) found no line for the highlighted option and
    # raised KeyError, stopping the app. Until the list has a size, such a key does nothing.
    if self.scrollable_content_region:
        _move_page(self, direction)


def apply() -> None:
    """Install the work-arounds (once; applying again changes nothing)."""
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign]
