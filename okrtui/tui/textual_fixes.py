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

`Header._on_mount` (Textual 8.2.8, `textual/widgets/_header.py`): the header redraws its title
whenever the app's or the screen's title changes, and looks its title widget up each time,
allowing for the screen being gone but not for the title widget being gone. A screen replaced
in the instant its header mounts (the first team saved on the onboarding screen, home taking
its place) leaves that redraw queued: it raises `NoMatches`, which stops the app. To
reproduce: remove a mounted header's `HeaderTitle`, then set `app.sub_title`.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header, OptionList
from textual.widgets._header import HeaderTitle

# Textual's own method, kept so the work-around can call it and its test can show the bug.
textual_move_page = OptionList._move_page


def _move_page_once_laid_out(self: OptionList, direction: _widget_navigation.Direction) -> None:
    # Until the list has a size it has no lines to page through: such a key does nothing.
    if self.scrollable_content_region:
        textual_move_page(self, direction)


textual_header_on_mount = Header._on_mount


def _header_titled_while_it_has_a_title(self: Header, event: Mount) -> None:
    def show_title() -> None:
        # A header on its way out has no title left to redraw (nor, maybe, a screen).
        for title in self.query(HeaderTitle).results(HeaderTitle):
            try:
                title.update(self.format_title())
            except NoScreen:
                return

    for node in (self.app, self.screen):
        self.watch(node, "title", show_title)
        self.watch(node, "sub_title", show_title)


def apply() -> None:
    """Install the work-arounds (once; applying again changes nothing)."""
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign]
    Header._on_mount = _header_titled_while_it_has_a_title  # type: ignore[method-assign,assignment]
