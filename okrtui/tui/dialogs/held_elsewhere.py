"""Asked when a meeting is open in another okrtui process: follow it live, or take it over."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.store import Holder

HeldChoice = Literal["view", "take_over"]


class HeldElsewhereDialog(ModalScreen[HeldChoice | None]):
    """Follow the meeting live, read-only (v or Enter), take it over (t), or cancel (Esc)."""

    # Focused as the dialog opens, by Textual (a key may answer it before its on_mount ran).
    AUTO_FOCUS = "#view"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "choose('view')", "Follow it"),
        Binding("t", "choose('take_over')", "Take over"),
        Binding("escape", "choose('')", "Cancel"),
    ]

    def __init__(self, session: Session, holder: Holder) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.holder = holder

    def compose(self) -> ComposeResult:
        s = self.session
        week = f"week {s.week}, " if s.week else ""
        with Vertical(classes="dialog"):
            yield Static(
                Text(
                    f"This {s.kind} meeting of {escape_control(s.team_name or s.team_id)} ({week}"
                    f"{s.date.isoformat()}) is open elsewhere: {escape_control(self.holder.describe())}.\n\n"
                    "Follow it live (read-only: each answer shows as it is saved), or take it over? "
                    "Taking over moves the meeting here; "
                    "the other screen can no longer save it."
                ),
                classes="dialog-text",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Follow it (v)", id="view", variant="primary")
                yield Button("Take over (t)", id="take_over", variant="warning")
                yield Button("Cancel (Esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id if event.button.id != "cancel" else "")

    def action_choose(self, choice: str | None) -> None:
        """Close with the choice (None for cancel)."""
        if choice == "view":
            self.dismiss("view")
        elif choice == "take_over":
            self.dismiss("take_over")
        else:
            self.dismiss(None)
