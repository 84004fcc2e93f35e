"""The step framework of the meeting screen: what every agenda step widget is and does.

The base class owns the mechanics; a step says what its fields are and what committing
one means. How to add a step (weekly or quarterly):

1. Write `okrtui/tui/widgets/steps/<key>.py` with one class deriving from `StepWidget`.
   Compose its fields in `compose()`; read everything from `self.context` (the session as
   it is now, the team, the quarter's objectives, the team's earlier sessions, today).
   A field whose text is kept in a record is a `TextInput` naming the model field it
   fills (`okrtui.domain.limits.Fills`): its length limit and required-ness come from the
   model, and `field.checked()` gives the text as the model keeps it or a `FieldProblem`
   in plain words. Put a record's text into it with `field.show_stored(text)`, which
   writes control characters visibly. Show user text as plain text (`rich.text.Text`), stored text through
   `okrtui.domain.text.escape_control`.
2. Enter in an Input of the step calls `field_committed(field)` (a priority binding of
   the base class, run while the key is handled, after the field has applied the keys
   typed before Enter). Never handle `Input.Submitted`: it arrives after the next keys.
   Override `field_committed` to say what a commit means: build the new Session with the
   pure helpers of `okrtui.domain.meeting` and call `self.commit(new_session, "what
   changed")`, then move the cursor with `self.move_to(widget)`, so keys typed right
   after Enter reach the next field. `commit` makes the session current, has the meeting
   screen's recorder write it at once and posts `SessionEdited`. Never save from a step.
3. Override `show_step()` to redraw from `context.session` when the step is entered (other
   steps may have changed it, e.g. attendance changes who can rate), `focus_first()` to put
   the cursor where typing starts, and `leave()` to commit a half-typed field when the
   facilitator moves to another step (call `super().leave()`, which drops the undo list).
4. For deletions, call `self.remember_undo(label, restore)` with a function that puts the
   entry back into a session; ctrl+z calls it until the step changes.
5. Bad input: call `self.show_error(input_widget, "plain words")` (a `field_error` Static
   with id `<input id>-error` must follow the input; `field()` below composes both) and
   keep what was typed. `self.clear_error(input_widget)` once it is fixed.
6. Register the class in `STEP_WIDGETS` in `okrtui/tui/widgets/step_registry.py` under the
   agenda step's key (`okrtui.domain.agenda`). Keys without a widget show `UnavailableStep`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import ClassVar, Protocol

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from okrtui.domain.agenda import Step
from okrtui.domain.limits import FieldProblem
from okrtui.domain.models import KRSnapshot, Objective, Session, Team
from okrtui.tui.widgets.text_input import TextInput


@dataclass
class MeetingContext:
    """What a step needs to know; the meeting screen keeps `session` current."""

    session: Session
    team: Team
    objectives: list[Objective]
    earlier: list[Session] = dataclass_field(default_factory=list)
    today: date = dataclass_field(default_factory=date.today)

    @property
    def snapshots(self) -> list[KRSnapshot]:
        """The key results this meeting reviews, in plan order."""
        return self.session.kr_snapshots

    def present_names(self) -> dict[str, str]:
        """Present members first, then the others: the order pickers offer names in."""
        names = self.session.member_names
        first = {m: names[m] for m in self.session.present_ids if m in names}
        return first | {m: n for m, n in names.items() if m not in first}


class Recorder(Protocol):
    """Writes a committed session at once (the meeting screen is one)."""

    def record(self, session: Session, what: str) -> bool:
        """Save `session` now, inside the handler of the key that committed it, so it is on
        disk before the next key is handled; False when it could not be saved (the
        recorder says so on screen)."""
        ...


def field(label: str, input_widget: Input) -> Iterator[Widget]:
    """A row with a short label and an input, then the place its error message appears."""
    yield Horizontal(Label(label, classes="field-row-label"), input_widget, classes="field-row")
    yield Static("", id=f"{input_widget.id}-error", classes="field-error")


# Longest wait for a field to apply keys already queued for it before Enter commits it.
SETTLE_TIMEOUT = 1.0


async def settled(widget: Widget) -> None:
    """Let `widget` apply the keys the app already forwarded to it (typed before Enter).

    In a burst of input the app forwards keys to the focused field's own queue faster than
    the field applies them; Enter must commit what was typed before it, not less.
    """
    if not widget.message_queue_size:
        return  # the usual case: nothing to wait for, the commit stays synchronous
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while widget.message_queue_size and time.monotonic() < deadline:
        await asyncio.sleep(0)  # the field's task runs and empties its queue
    await asyncio.sleep(0)  # and finishes the last key it took


class StepWidget(VerticalScroll):
    """Base of every agenda step's body. Attributes down (`context`), messages up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+z", "undo", "Undo delete", show=True),
        # Priority: run while Enter is handled, so the commit is saved and the focus has
        # moved before the next key is routed (keys typed after Enter reach the next field).
        Binding("enter", "commit_field", "Commit the field", show=False, priority=True),
    ]

    @dataclass
    class SessionEdited(Message):
        """An answer was committed: `session` is the new record, `previous` the one before."""

        previous: Session
        session: Session
        what: str

    @dataclass
    class FinishRequested(Message):
        """The facilitator asked to finish the meeting."""

    def __init__(self, context: MeetingContext, step: Step, recorder: Recorder) -> None:
        if not callable(getattr(recorder, "record", None)):
            raise TypeError(f"{type(self).__name__} needs a recorder that saves its commits")
        super().__init__(id=f"step-{step.key}", classes="step")
        self.context = context
        self.step = step
        self.recorder = recorder
        self._undo: list[tuple[str, Callable[[Session], Session]]] = []

    # -- for subclasses -----------------------------------------------------------------

    def field_committed(self, field: Input) -> None:
        """Enter in `field` (an Input of this step): commit what it says. Nothing by default."""

    def commit(self, session: Session, what: str) -> bool:
        """Make `session` the meeting's record and have it saved now; False if it was not."""
        previous = self.context.session
        self.context.session = session
        saved = self.recorder.record(session, what)
        self.post_message(self.SessionEdited(previous, session, what))
        return saved

    def move_to(self, widget: Widget) -> None:
        """Move the cursor at once (`widget.focus()` waits behind the keys already queued)."""
        self.screen.set_focus(widget)

    def focused_input(self) -> Input:
        """The focused Input of this step; SkipAction (the key goes on) otherwise."""
        focused = self.app.focused
        if not isinstance(focused, Input) or self not in focused.ancestors:
            raise SkipAction()
        return focused

    async def action_commit_field(self) -> None:
        """Enter: once the field has applied the keys typed before it, commit the field."""
        field = self.focused_input()
        await settled(field)
        self.field_committed(field)

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        """Say at the field what was not taken (a control character, text past the limit)."""
        event.stop()
        self.show_error(event.input, event.message)

    def checked_text(self, field: TextInput) -> str | None:
        """The field's text as the model keeps it, or None after saying at the field why not."""
        try:
            text = field.checked()
        except FieldProblem as problem:
            self.show_error(field, str(problem))
            return None
        self.clear_error(field)
        return text

    def show_problem(self, problem: FieldProblem) -> None:
        """Show a field's problem at that field and put the cursor there."""
        widget = self.query_one(f"#{problem.field_id}", Input)
        self.show_error(widget, str(problem))
        self.move_to(widget)

    def remember_undo(self, label: str, restore: Callable[[Session], Session]) -> None:
        """Offer ctrl+z to put back what was just deleted (until the step changes)."""
        self._undo.append((label, restore))
        self.notify(f"Deleted {label}. Press ctrl+z to undo.", timeout=4, markup=False)

    def show_error(self, input_widget: Widget, message: str) -> None:
        """Show a plain-words problem under a field; what was typed stays."""
        error = self.query_one(f"#{input_widget.id}-error", Static)
        error.update(Text(message))  # messages quote what was typed: never markup
        error.add_class("-shown")
        input_widget.add_class("-invalid")

    def clear_error(self, input_widget: Widget) -> None:
        """Hide a field's problem."""
        error = self.query_one(f"#{input_widget.id}-error", Static)
        error.update("")
        error.remove_class("-shown")
        input_widget.remove_class("-invalid")

    # -- hooks the meeting screen calls --------------------------------------------------

    def show_step(self) -> None:
        """The step is being entered: redraw from `context.session`."""

    def focus_first(self) -> None:
        """Put the cursor where the facilitator starts typing."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def leave(self) -> None:
        """The meeting moves to another step: commit pending input, forget undo."""
        self._undo.clear()

    def action_undo(self) -> None:
        """Put back the last deleted entry."""
        if not self._undo:
            self.notify("Nothing to undo in this step.", timeout=3)
            return
        label, restore = self._undo.pop()
        self.commit(restore(self.context.session), f"restored {label}")
        self.show_step()
        self.notify(f"Restored {label}.", timeout=3, markup=False)


class UnavailableStep(StepWidget):
    """Shown for an agenda step whose widget has not been built yet."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="unavailable"):
            yield Static(
                f"The step “{self.step.title}” is not available yet in this version of "
                "okrtui.\nMove on with pagedown (or ctrl+n); nothing is lost.",
                classes="unavailable-text",
            )
