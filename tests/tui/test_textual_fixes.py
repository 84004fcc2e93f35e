"""Textual bugs the tests found, and okrtui's work-arounds for them (okrtui/tui/textual_fixes.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import OptionList

import okrtui.tui.app  # noqa: F401  (installs the work-arounds, as running okrtui does)


class MenuNotDrawnYet(App[None]):
    """An option list that has no size yet, like a Select's menu in the instant it opens."""

    CSS = "OptionList { display: none; }"

    def compose(self) -> ComposeResult:
        yield OptionList("Any kind", "Weekly", "Quarterly")


async def test_page_keys_reaching_a_menu_before_it_is_drawn_stop_nothing() -> None:
    # Found by the monkey on the history screen: Down opened a filter's menu and the Page Up
    # right behind it raised KeyError in Textual, which stopped the app.
    app = MenuNotDrawnYet()
    async with app.run_test() as pilot:
        menu = app.query_one(OptionList)
        menu.highlighted = 1
        menu.action_page_up()
        menu.action_page_down()
        await pilot.pause()
        assert app.is_running
        assert menu.highlighted == 1
