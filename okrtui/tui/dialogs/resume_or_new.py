"""Asked when a team already has a meeting in progress: resume it or start another."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from okrtui.domain.agenda import session_steps
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.meeting_clock import format_duration

ResumeChoice = Literal["resume", "new"]


class ResumeOrNewDialog(ModalScreen[ResumeChoice | None]):
    """Resume (r or Enter) the meeting in progress, start a new one (n), or cancel (Esc)."""

    # Focused as the dialog opens, by Textual (a key may answer it before its on_mount ran).
    AUTO_FOCUS = "#resume"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", "Resume"),
        Binding("n", "choose('new')", "Start a new one"),
        Binding("escape", "choose('')", "Cancel"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        titles = {step.key: step.title for step in session_steps(s)}
        where = escape_control(titles.get(s.current_step, "the start"))
        week = f"week {s.week}, " if s.week else ""
        with Vertical(classes="dialog"):
            yield Static(
                f"{escape_control(s.team_name or s.team_id)} has a {s.kind} meeting in progress: "
                f"{week}{s.date.isoformat()}, stopped at {where} after "
                f"{format_duration(s.duration_seconds)}.\n\nResume it where it stopped?",
                classes="dialog-text",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Resume (r)", id="resume", variant="primary")
                yield Button("Start a new one (n)", id="new")
                yield Button("Cancel (Esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id if event.button.id != "cancel" else "")

    def action_choose(self, choice: str | None) -> None:
        """Close with the choice (empty for cancel)."""
        if choice == "resume":
            self.dismiss("resume")
        elif choice == "new":
            self.dismiss("new")
        else:
            self.dismiss(None)
