"""The footer of every screen: Textual's, redrawn only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """A footer that keeps its keys while focus moves between widgets with the same bindings.

    Textual's footer rebuilds every key after each focus change; in a meeting, where Tab
    and Enter move focus from field to field, that rebuild was most of a key's cost.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: Hashable = None

    def _keys_shown(self, screen: Screen[object]) -> Hashable:
        """What the footer would draw: every shown binding, whether it is enabled, its tip."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._forget_removed_keys()
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)
            return
        shown = self._keys_shown(screen)
        if shown != self._shown:
            self._shown = shown
            super().bindings_changed(screen)

    def _forget_removed_keys(self) -> None:
        """Drop the bindings of the keys an earlier rebuild removed.

        Textual's footer binds each key it draws to its `compact` setting
        (`data_bind`) and forgets a key's binding only when `compact` changes, which it
        never does here: every rebuild kept the keys it removed alive, with their styles
        and caches. In a meeting, whose Enter rebuilds the footer, that was some twenty
        widgets a commit, each walked by every full garbage collection after it.
        """
        bound = getattr(self, "__watchers", {}).get("compact")
        if bound:
            bound[:] = [
                (node, callback)
                for node, callback in bound
                if not isinstance(node, FooterKey) or node.parent is self
            ]
