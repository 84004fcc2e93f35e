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
2. Enter in a field of the step (an `Input`, or a `TextBox` for paragraphs, where ctrl+j
   starts a new line) calls `field_committed(field)` (a priority binding of the base
   class, run while the key is handled, after the field has applied the keys typed before
   Enter). Never handle `Input.Submitted`: it arrives after the next keys. Tab, shift+Tab
   and Escape are the base class's too, for the same reason: keys typed after them reach
   the widget they move to. Escape in a field goes to the step's list (`step_list`).
   Override `field_committed` to say what a commit means: build the new Session with the
   pure helpers of `okrtui.domain.meeting` and call `self.commit(new_session, "what
   changed")`, then move the cursor with `self.move_to(widget)`, so keys typed right
   after Enter reach the next field. `commit` makes the session current, has the meeting
   screen's recorder write it at once and posts `SessionEdited`. Never save from a step.
3. Override `show_step()` to redraw from `context.session` when the step is entered (other
   steps may have changed it, e.g. attendance changes who can rate), `focus_first()` to put
   the cursor where typing starts, and `leave()` to commit a half-typed field when the
   facilitator moves to another step (call `super().leave()`, which drops the undo list).
   Rules the base class keeps: a focused list always has a highlighted row, labels of
   `field()` rows share one column that fits the longest (or go above their fields when
   the step is narrow), and a message shown with `show_error` is scrolled into view.
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

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static

from okrtui.domain.agenda import Step
from okrtui.domain.limits import FieldProblem
from okrtui.domain.models import KRSnapshot, Objective, Session, Team
from okrtui.tui.widgets.text_box import TextBox
from okrtui.tui.widgets.text_input import TextInput

Field = Input | TextBox
"""A field a step commits with Enter: one line, or a box of paragraphs."""


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


class FieldRow(Horizontal):
    """A field's label and the field; the step sizes the label column (`fit_labels`)."""

    def __init__(self, label: str, input_widget: Widget) -> None:
        super().__init__(Label(label, classes="field-row-label"), input_widget, classes="field-row")
        self.label_text = label


def field(label: str, input_widget: Widget) -> Iterator[Widget]:
    """A row with a label and a field, then the place its error message appears."""
    yield FieldRow(label, input_widget)
    yield Static("", id=f"{input_widget.id}-error", classes="field-error")


# A field keeps at least this share of the step's width beside its label; else labels go
# above their fields.
FIELD_SHARE = 0.5


def reveal(widget: Widget) -> None:
    """Scroll `widget` (a message just shown) into view once it has been laid out."""
    widget.call_after_refresh(widget.scroll_visible, animate=False)


def show(widget: Static, content: VisualType) -> None:
    """Give `widget` new content only when it differs from what it shows.

    `Static.update` always asks for a layout of the whole screen; a card's lines and the
    meeting's title are given the same content again after most keys.
    """
    if widget.content != content:
        widget.update(content)


def ensure_highlighted(listing: OptionList) -> None:
    """Give a list a highlighted row (the first that can be chosen) if it has none."""
    current = listing.highlighted
    if current is not None and not listing.options[current].disabled:
        return
    for index, option in enumerate(listing.options):
        if not option.disabled:
            listing.highlighted = index
            return


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
        # Priority for the same reason: the focus has moved before the next key is routed.
        Binding("tab", "next_widget", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_widget", "Previous field", show=False, priority=True),
        Binding("escape", "escape", "Back to the list", show=False, priority=True),
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

    def field_committed(self, field: Field) -> None:
        """Enter in `field` (a field of this step): commit what it says. Nothing by default."""

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

    def focused_input(self) -> Field:
        """The focused field of this step; SkipAction (the key goes on) otherwise."""
        focused = self.app.focused
        if not isinstance(focused, Input | TextBox) or self not in focused.ancestors:
            raise SkipAction()
        return focused

    def focused_widget(self) -> Widget:
        """The focused widget of this step; SkipAction (the key goes on) otherwise."""
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            raise SkipAction()
        return focused

    async def action_commit_field(self) -> None:
        """Enter: once the field has applied the keys typed before it, commit the field."""
        field = self.focused_input()
        await settled(field)
        self.field_committed(field)

    async def action_next_widget(self) -> None:
        """Tab: once the focused widget has applied the keys typed before it, move on."""
        await settled(self.focused_widget())
        self.screen.focus_next()

    async def action_previous_widget(self) -> None:
        """Shift+Tab: as Tab, backwards."""
        await settled(self.focused_widget())
        self.screen.focus_previous()

    async def action_escape(self) -> None:
        """Escape: from a field, back to the step's list (the field keeps what it says)."""
        focused = self.focused_widget()
        await settled(focused)
        self.escaped(focused)

    def escaped(self, focused: Widget) -> None:
        """Escape was pressed on `focused`; from a field, the step's list takes the focus."""
        if isinstance(focused, Input | TextBox):
            listing = self.step_list()
            if listing is not None:
                self.move_to(listing)

    def step_list(self) -> OptionList | None:
        """The list Escape returns to: the step's first shown list with a row to choose."""
        for listing in self.query(OptionList):
            if listing.display and any(not option.disabled for option in listing.options):
                return listing
        return None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A focused list always shows which row its keys act on.
        if isinstance(event.widget, OptionList):
            ensure_highlighted(event.widget)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_labels()

    def fit_labels(self) -> None:
        """One label column that fits the longest label, or labels above their fields."""
        rows = list(self.query(FieldRow))
        if not rows:
            return
        column = max(cell_len(row.label_text) for row in rows) + 1
        width = self.scrollable_content_region.width
        stacked = width - column < width * FIELD_SHARE
        for row in rows:
            row.set_class(stacked, "-stacked")
            label = row.query_one(".field-row-label", Label)
            label.styles.width = None if stacked else column

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        """Say at the field what was not taken (a control character, text past the limit)."""
        event.stop()
        self.show_error(event.input, event.message)

    def checked_text(self, field: TextInput | TextBox) -> str | None:
        """The field's text as the model keeps it, or None after saying at the field why not."""
        try:
            text = field.checked()
        except FieldProblem as problem:
            self.show_error(field, str(problem))
            return None
        self.clear_error(field)
        return text

    def form_field(self, field_id: str) -> Field:
        """The field `#field_id` of this step."""
        widget = self.query_one(f"#{field_id}")
        if not isinstance(widget, Input | TextBox):
            raise TypeError(f"#{field_id} is not a field")
        return widget

    def show_problem(self, problem: FieldProblem) -> None:
        """Show a field's problem at that field and put the cursor there."""
        widget = self.form_field(problem.field_id)
        self.show_error(widget, str(problem))
        self.move_to(widget)

    def remember_undo(self, label: str, restore: Callable[[Session], Session]) -> None:
        """Offer ctrl+z to put back what was just deleted (until the step changes)."""
        self._undo.append((label, restore))
        self.notify(f"Deleted {label}. Press ctrl+z to undo.", timeout=4, markup=False)

    def show_error(self, input_widget: Widget, message: str) -> None:
        """Show a plain-words problem under a field, scrolled into view; what was typed stays."""
        error = self.query_one(f"#{input_widget.id}-error", Static)
        error.update(Text(message))  # messages quote what was typed: never markup
        error.add_class("-shown")
        input_widget.add_class("-invalid")
        reveal(error)

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
        """Put the cursor where the facilitator starts typing (its first field), at once."""
        for widget in self.query("*"):
            if widget.focusable:
                self.move_to(widget)
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
