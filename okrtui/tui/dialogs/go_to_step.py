"""Jump to an agenda step by its number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from okrtui.domain.agenda import Step
from okrtui.domain.text import escape_control


class GoToStepDialog(ModalScreen[int | None]):
    """Press a step's number to go there (Esc to stay); returns the step's index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Stay")]

    def __init__(self, steps: Sequence[Step]) -> None:
        super().__init__(classes="dialog-screen")
        self.steps = tuple(steps)

    def compose(self) -> ComposeResult:
        # A team's own step titles are its text: escaped, never read as markup.
        lines = [
            f" {n}  {escape_control(step.title)}" for n, step in enumerate(self.steps, start=1)
        ]
        with Vertical(classes="dialog"):
            yield Static("Go to step — press its number:\n\n" + "\n".join(lines), markup=False)

    def on_key(self, event: events.Key) -> None:
        if not self.is_current:
            return  # a digit typed after the one that chose: the dialog is going already
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.steps):
                event.stop()
                self.dismiss(index)
