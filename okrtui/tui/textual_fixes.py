"""Work-arounds for bugs in Textual 8.2 that okrtui's tests found; applied when the app loads.

Each names the bug it works around, has a test in `tests/tui/test_textual_fixes.py` that
shows the bug is still in Textual without the work-around, and is to go when that test fails.

`OptionList._move_page` (Textual 8.2.8, `textual/widgets/_option_list.py`): Page Up or Page
Down on an option list that has options and a highlight but has not been laid out yet (a
Select's menu opened by the key just before) looks the highlight up in `_index_to_line`,
which is still empty, and raises `KeyError`, which stops the app. To reproduce: an
`OptionList("a", "b", "c")` styled `display: none`, `highlighted = 1`, then
`action_page_down()`. No upstream issue or pull request for it was found in
Textualize/textual up to 8.2.8; kagan-sh/kagan-legacy issue 31 reports the same traceback
from another app.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.widgets import OptionList

# Textual's own method, kept so the work-around can call it and its test can show the bug.
textual_move_page = OptionList._move_page


def _move_page_once_laid_out(self: OptionList, direction: _widget_navigation.Direction) -> None:
    # Until the list has a size it has no lines to page through: such a key does nothing.
    if self.scrollable_content_region:
        textual_move_page(self, direction)


def apply() -> None:
    """Install the work-arounds (once; applying again changes nothing)."""
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign]
