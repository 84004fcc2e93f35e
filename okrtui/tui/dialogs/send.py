"""Sending a meeting's minutes from the app: ask who gets them, then send in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from okrtui.domain.limits import TextLimits
from okrtui.domain.models import Session, Team
from okrtui.domain.text import escape_control
from okrtui.services.sending import ALL, PRESENT, SendError, recipients, send_minutes
from okrtui.services.settings import MailSettings
from okrtui.store import StoreError
from okrtui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

SEND_WORKER = "send-minutes"
TYPED = "typed"
CHOICE_NAMES = {
    ALL: "Every member with an email",
    PRESENT: "Those present",
    TYPED: "These addresses",
}
# Addresses typed for one message: as many as the person types, each checked as an email.
ADDRESSES_LIMITS = TextLimits(max_length=None, required=False, multiline=False)


class SendDialog(ModalScreen[list[str] | None]):
    """Asks who gets a finished meeting's minutes: every member with an email, those present,
    or addresses typed. Dismisses with what `okrtui send --to` takes (None: not sent)."""

    # The default choice, focused as the dialog opens: the list of choices, or the addresses
    # when nobody in the plan has an email.
    AUTO_FOCUS = ".default-choice"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "send", "Send"),
    ]

    def __init__(self, team: Team, session: Session, title: str, mail: MailSettings | None):
        super().__init__()
        self.team = team
        self.session = session
        self.title_text = title
        self.mail = mail
        # Who each choice reaches, or why it reaches nobody.
        self.reached: dict[str, list[str] | SendError] = {}
        for choice in (ALL, PRESENT):
            try:
                self.reached[choice] = recipients(team, session, [choice])
            except SendError as exc:
                self.reached[choice] = exc
        self.choice = next((c for c in (ALL, PRESENT) if self._reaches(c)), TYPED)

    def _reaches(self, choice: str) -> bool:
        return isinstance(self.reached.get(choice), list)

    def compose(self) -> ComposeResult:
        typed_first = "default-choice" if self.choice == TYPED else ""
        with Vertical(id="send-box", classes="history-dialog"):
            yield Label(f"Send the minutes of {escape_control(self.title_text)} to:", markup=False)
            with RadioSet(id="send-to", classes="" if typed_first else "default-choice"):
                for choice, name in CHOICE_NAMES.items():
                    reached = self.reached.get(choice)
                    if isinstance(reached, SendError):
                        name = f"{name} (none in the plan)"
                    elif reached is not None:
                        name = f"{name} ({len(reached)})"
                    yield RadioButton(
                        name,
                        value=choice == self.choice,
                        id=f"to-{choice}",
                        disabled=isinstance(reached, SendError),
                    )
            yield TextInput(
                limits=ADDRESSES_LIMITS,
                placeholder="name@example.com, another@example.com",
                id="send-addresses",
                classes=typed_first,
            )
            yield Static("", id="send-error", classes="-empty", markup=False)
            yield Static(self._who(), id="send-who", classes="hint", markup=False)
            yield Static(self._how(), classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Send (ctrl+s)", id="send", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def _who(self) -> str:
        reached = self.reached.get(self.choice)
        if isinstance(reached, list):
            return escape_control(f"To {', '.join(reached)}.")
        return "Type one or more addresses, between commas."

    def _how(self) -> str:
        if self.mail is None:
            return (
                "No mail server in your settings: the message is written as an .eml file in "
                "exports/, to send from your mail client."
            )
        return escape_control(f"Sent through {self.mail.host}.")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.choice = str(event.pressed.id).removeprefix("to-")
        self._error("")
        self.query_one("#send-who", Static).update(self._who())
        if self.choice == TYPED:
            self.query_one("#send-addresses", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._error("")
        if event.value and self.choice != TYPED:
            self.query_one(f"#to-{TYPED}", RadioButton).value = True

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        event.stop()
        self._error(event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send":
            self.action_send()
        else:
            self.action_cancel()

    def action_send(self) -> None:
        """Close with the chosen recipients; typed addresses are checked first."""
        if self.choice != TYPED:
            self.dismiss([self.choice])
            return
        typed = self.query_one("#send-addresses", Input).value
        try:
            if not typed.strip():
                raise SendError("Type one or more addresses, like name@example.com.")
            recipients(self.team, self.session, [typed])
        except SendError as exc:
            self._error(str(exc))
            self.query_one("#send-addresses", Input).focus()
            return
        self.dismiss([typed])

    def action_cancel(self) -> None:
        """Close without sending."""
        self.dismiss(None)

    def _error(self, message: str) -> None:
        error = self.query_one("#send-error", Static)
        error.update(escape_control(message))
        error.set_class(not message, "-empty")
        self.query_one("#send-addresses").set_class(bool(message), "-invalid")


def open_send(app: OkrApp, session_id: str) -> None:
    """Ask who gets a finished meeting's minutes, then mail them in the background.

    Without a mail server in the settings, the message is written as an `.eml` file instead
    (the dialog says so). What happened shows as a notification.
    """
    try:
        session = app.repository.session(session_id)
        if session.status != "completed":
            raise SendError("the meeting is not finished yet: finish it, then send its minutes.")
        team = app.repository.team(session.team_id)
    except (SendError, StoreError) as exc:
        app.notify(f"Not sent: {exc}", title="Send minutes", severity="error", markup=False)
        return
    from okrtui.tui.dialogs.export import minutes_title

    def answered(to: list[str] | None) -> None:
        if to:
            app.notify("Sending the minutes…", title="Send minutes", markup=False)
            app.run_worker(lambda: _send(app, session_id, to), thread=True, name=SEND_WORKER)

    dialog = SendDialog(team, session, minutes_title(session), app.settings.mail)
    app.push_screen(dialog, answered)


def _send(app: OkrApp, session_id: str, to: list[str]) -> None:
    """In a thread: make the minutes and send them; report on the event loop."""
    try:
        outcome = send_minutes(app.repository, session_id, to, app.settings.mail)
    except (SendError, StoreError) as exc:
        message, severity = f"Not sent: {exc}", "error"
    else:
        who = ", ".join(outcome.to)
        if outcome.eml is not None:
            message = f"Wrote {outcome.eml} for {who}: open it in your mail client to send it."
        else:
            message = f"Sent the minutes to {who}."
        severity = "information"
    app.call_from_thread(
        app.notify,
        escape_control(message),
        title="Send minutes",
        severity=severity,
        markup=False,
    )
