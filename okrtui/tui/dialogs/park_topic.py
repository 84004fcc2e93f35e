"""Park a topic: one short line kept for the team's next meeting."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from okrtui.domain.limits import FieldProblem, Fills
from okrtui.domain.models import ParkedTopic
from okrtui.tui.widgets.text_input import TextInput


class ParkTopicDialog(ModalScreen[str | None]):
    """Type the topic and press Enter to park it (escape: park nothing); returns the line."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Back")]
    AUTO_FOCUS = "#park-text"

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Park a topic for the next meeting", classes="dialog-title")
            yield TextInput(
                fills=Fills(ParkedTopic, "text", "The topic"),
                placeholder="the topic in a few words; Enter parks it",
                id="park-text",
            )
            yield Static("", id="park-text-error", classes="field-error")
            yield Label("enter park · escape back", classes="hint")

    def _problem(self, message: str) -> None:
        error = self.query_one("#park-text-error", Static)
        error.update(Text(message))
        error.add_class("-shown")

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        event.stop()
        self._problem(event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#park-text", TextInput)
        try:
            text = field.checked()
        except FieldProblem as problem:
            self._problem(str(problem))
            return
        self.dismiss(text)
