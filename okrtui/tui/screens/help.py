"""The help screen: the keys of the screen beneath it, read from its active bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for every binding active on `screen` that has a description.

    A binding's tooltip, when it has one, is the longer explanation of its footer word.
    The keys this screen defines come first, then the app's, then the rest (focus, widgets).
    """
    own = type(screen).__dict__.get("BINDINGS", [])

    def rank(active: ActiveBinding) -> int:
        if active.node is screen and active.binding in own:
            return 0
        return 1 if active.node is screen.app else 2

    rows: dict[str, list[str]] = {}
    for active in sorted(screen.active_bindings.values(), key=rank):
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        shown = screen.app.get_key_display(binding)
        does = rows.setdefault(binding.tooltip or binding.description, [])
        if shown not in does:
            does.append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Lists what each key does on the screen the user came from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Back"),
        Binding("question_mark,f1", "dismiss", "Back", show=False),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.keys = screen_keys(screen)
        self.title_text = f"Keys on {screen.sub_title}" if screen.sub_title else "Keys"

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            table = DataTable[Text](id="help-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Does")
            for keys, description in self.keys:
                table.add_row(Text(keys), Text(description))
            yield table
            yield Label("Press escape to go back. ctrl+p finds any command.", classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)
