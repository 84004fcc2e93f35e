"""Asks before deleting a meeting, naming it; `y` deletes, `n` or Esc keeps it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from okrtui.domain.text import escape_control


class DeleteSessionDialog(ModalScreen[bool]):
    """Dismisses with True when the person confirms the deletion."""

    # Focused as the dialog opens, by Textual (a key may answer it before its on_mount ran).
    AUTO_FOCUS = "#no"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Delete"),
        Binding("n,escape", "answer(False)", "Keep"),
    ]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-box", classes="history-dialog"):
            yield Label(f"Delete {escape_control(self.label)}?", id="delete-question", markup=False)
            yield Label("A copy of its quarter's file goes into backups/ first.", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Delete (y)", id="yes", variant="error")
                yield Button("Keep (n)", id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
