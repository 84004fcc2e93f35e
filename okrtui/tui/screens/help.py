"""The help screen: the keys of the screen beneath it, read from its active bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for every binding active on `screen` that has a description."""
    rows: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        shown = screen.app.get_key_display(binding)
        rows.setdefault(binding.description, [])
        if shown not in rows[binding.description]:
            rows[binding.description].append(shown)
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
            yield Label(self.title_text, classes="dialog-title")
            table = DataTable[str](id="help-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Does")
            for keys, description in self.keys:
                table.add_row(keys, description)
            yield table
            yield Label("Press escape to go back. ctrl+p finds any command.", classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)
