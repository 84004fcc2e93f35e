"""The footer keeps no key it has removed: rebuilt at each change of keys, it stays its size."""

from __future__ import annotations

import gc
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from okrtui.tui.widgets.keys_footer import KeysFooter


class FieldWithAKey(Input):
    """A field whose own key shows in the footer while it has the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+o", "noop", "Only here")]

    def action_noop(self) -> None:
        """Nothing: the key is there to change what the footer shows."""


class TwoFields(App[None]):
    """One plain field and one with a key of its own: moving between them changes the keys."""

    def compose(self) -> ComposeResult:
        yield Input(id="plain")
        yield FieldWithAKey(id="keyed")
        yield KeysFooter()


def removed_keys_alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, FooterKey) and o.parent is None)


async def test_keys_the_footer_removed_are_not_kept_alive() -> None:
    app = TwoFields()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = removed_keys_alive()
        for n in range(21):  # ends on the field with its own key
            app.set_focus(app.query_one("#keyed" if n % 2 == 0 else "#plain"))
            await pilot.pause()
        # The footer was rebuilt each time: it shows the focused field's key.
        assert "Only here" in [key.description for key in app.query(FooterKey)]
        assert removed_keys_alive() <= before
