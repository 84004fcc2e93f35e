"""Textual bugs the tests found, and okrtui's work-arounds for them (okrtui/tui/textual_fixes.py).

Each work-around has two tests: one that Textual still has the bug (it fails the day a
Textual release fixes it: then delete the work-around and both tests), one that okrtui
does not suffer from it.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Header, OptionList
from textual.widgets._header import HeaderTitle

import okrtui.tui.app  # noqa: F401  (installs the work-arounds, as running okrtui does)
from okrtui.tui import textual_fixes


class MenuNotDrawnYet(App[None]):
    """An option list that has no size yet, like a Select's menu in the instant it opens."""

    CSS = "OptionList { display: none; }"

    def compose(self) -> ComposeResult:
        yield OptionList("Any kind", "Weekly", "Quarterly")


@pytest.mark.parametrize("direction", [-1, 1])
async def test_textual_still_raises_on_page_keys_before_an_option_list_is_laid_out(
    direction: int,
) -> None:
    app = MenuNotDrawnYet()
    async with app.run_test():
        menu = app.query_one(OptionList)
        menu.highlighted = 1
        try:
            textual_fixes.textual_move_page(menu, direction)  # type: ignore[arg-type]
        except KeyError:
            return
        pytest.fail(
            "Textual's OptionList._move_page no longer fails before layout: "
            "remove its work-around from okrtui/tui/textual_fixes.py and these tests"
        )


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


class Titled(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()


async def test_textual_still_raises_when_a_header_without_its_title_is_retitled() -> None:
    # The day this stops raising (pytest says DID NOT RAISE), Textual's Header allows for
    # its title being gone: remove the work-around from okrtui/tui/textual_fixes.py and these.
    app = Titled()
    header_type = type(
        "TextualHeader", (Header,), {"_on_mount": textual_fixes.textual_header_on_mount}
    )
    with pytest.raises(NoMatches):
        async with app.run_test() as pilot:
            header = header_type()
            await app.mount(header)
            await header.query_one(HeaderTitle).remove()
            app.sub_title = "Minutes"
            await pilot.pause()


async def test_a_screen_replaced_as_its_header_mounts_stops_nothing() -> None:
    # Found by the monkey on onboarding: saving the first team put home in its place while
    # the onboarding header's title redraw was still queued; Textual raised NoMatches.
    app = Titled()
    async with app.run_test() as pilot:
        header = app.query_one(Header)
        await header.query_one(HeaderTitle).remove()
        app.sub_title = "Minutes"
        await pilot.pause()
        assert app.is_running
