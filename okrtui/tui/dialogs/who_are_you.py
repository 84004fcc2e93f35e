"""Asked first in a browser when no proxy named the person: which member are you?

The answer is this app's person (`okrtui.services.identity`): the name that "open
elsewhere" shows and that a new meeting offers as its facilitator.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.text import one_line
from okrtui.services.identity import PERSON, choose_person
from okrtui.tui.widgets.text_input import TextInput


class WhoAreYouDialog(ModalScreen[str]):
    """Pick your name among the team's members (Enter), or type a guest's name."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, members: list[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.members = members

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="who-are-you"):
            yield Static("Who are you?", classes="dialog-title")
            yield Static(
                "Your name is what others see when you hold a meeting open.",
                classes="hint",
            )
            if self.members:
                yield OptionList(
                    *(
                        Option(Text(one_line(name)), id=str(i))
                        for i, name in enumerate(self.members)
                    ),
                    id="who-members",
                )
            yield Static("Not listed? Type your name and press Enter:", classes="field-label")
            yield TextInput(fills=PERSON, id="who-guest")
            yield Static("", id="who-error", classes="field-error", markup=False)

    def on_mount(self) -> None:
        if self.members:
            self.query_one("#who-members", OptionList).focus()
        else:
            self.query_one("#who-guest", TextInput).focus()

    @on(OptionList.OptionSelected, "#who-members")
    def _member(self, event: OptionList.OptionSelected) -> None:
        self._choose(self.members[int(event.option.id or 0)])

    @on(Input.Submitted, "#who-guest")
    def _guest(self, event: Input.Submitted) -> None:
        self._choose(self.query_one("#who-guest", TextInput).typed)

    @on(TextInput.Refused, "#who-guest")
    def _refused(self, event: TextInput.Refused) -> None:
        self._say(event.message)

    def _choose(self, name: str) -> None:
        try:
            chosen = choose_person(name)
        except ValueError as exc:
            self._say(str(exc))
            return
        self.dismiss(chosen)

    def _say(self, message: str) -> None:
        error = self.query_one("#who-error", Static)
        error.update(message)
        error.add_class("-shown")
