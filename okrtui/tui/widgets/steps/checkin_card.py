"""One key result's check-in: last value, new value, target, progress, pace, confidence, note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.confidence import CONFIDENCES
from okrtui.domain.history import CheckInPoint
from okrtui.domain.limits import FieldProblem, Fills
from okrtui.domain.models import CheckIn, Confidence, KRSnapshot
from okrtui.domain.numbers import format_number, parse_milestone, parse_number
from okrtui.domain.scoring import holds, progress
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.pace_bar import MIN_BAR, pace_bar_text
from okrtui.tui.widgets.steps.base import reveal, show
from okrtui.tui.widgets.text_input import TextInput

BAR_WIDTH = 30  # before the card has a width; then the bar takes the card's width


class ConfidencePicker(Widget):
    """The card's confidence: 1 on track, 2 at risk, 3 off track, the chosen one marked.

    It never takes the focus: the step picks it with 1/2/3 from the card's fields (right
    after Enter in the value), so digits typed into a field are never swallowed.
    """

    confidence: reactive[Confidence | None] = reactive(None)

    def render(self) -> Content:
        parts = []
        for number, value in enumerate(CONFIDENCES, start=1):
            word = f"{number} {confidence_words.word(value)}"
            if value == self.confidence:
                style = f"bold reverse {confidence_words.theme_variable(value)}"
                parts.append(Content.styled(word, style))
            else:
                parts.append(Content(word))
        return Content("  ").join(parts)


class NoteInput(TextInput):
    """The card's note; right after Enter in the value, 1/2/3 go to the step (confidence).

    Textual leaves a key a focused field types out of every binding; while
    `confidence_next` is set the digits are let through to the step's bindings.
    """

    confidence_next = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self.confidence_next and key in CONFIDENCE_KEYS:
            return False
        return super().check_consume_key(key, character)


# The keys that pick a confidence, by its position in CONFIDENCES.
CONFIDENCE_KEYS = ("1", "2", "3")


class CheckInCard(Vertical):
    """The check-in of one key result; posts `Answered` with what changed on blur.

    Enter and the confidence keys are handled by the step (`CheckInsStep`), so that they
    commit and move the focus while the key itself is handled.
    """

    @dataclass
    class Answered(Message):
        """The facilitator committed part of this key result's check-in."""

        card: CheckInCard
        kr_id: str
        changes: dict[str, Any]

    def __init__(
        self,
        number: int,
        snapshot: KRSnapshot,
        previous: CheckInPoint | None,
        pace: float,
        checkin: CheckIn | None,
        locale: str,
    ) -> None:
        super().__init__(classes="checkin-card", id=f"card-{number}")
        self.locale = locale  # the team's: numbers are typed and shown in it
        self.number = number
        self.snapshot = snapshot
        self.previous = previous
        self.pace = pace
        self.checkin = checkin or CheckIn(kr_id=snapshot.kr.id)
        self._shown_value = self.checkin.value

    def compose(self) -> ComposeResult:
        kr = self.snapshot.kr
        yield Static(
            f"{self.number}. {escape_control(kr.title)}", classes="card-title", markup=False
        )
        yield Static("", classes="card-facts")
        yield Static("", classes="card-bar")
        with Horizontal(classes="card-row"):
            yield Label("New value" if kr.is_numeric else "% done", classes="card-label")
            yield Input(
                self._value_text(self.checkin.value),
                placeholder=self._example(),
                id=f"value-{self.number}",
                classes="card-value",
            )
        # What was typed is quoted in the message: plain text, never markup.
        yield Static("", id=f"value-{self.number}-error", classes="field-error", markup=False)
        with Horizontal(classes="card-row"):
            yield Label("Confidence", classes="card-label")
            picker = ConfidencePicker(id=f"confidence-{self.number}", classes="card-confidence")
            picker.confidence = self.checkin.confidence
            yield picker
        with Horizontal(classes="card-row"):
            yield Label("Note", classes="card-label")
            yield NoteInput(
                self.checkin.note,
                fills=Fills(CheckIn, "note", "The note"),
                placeholder="what moved it?",
                id=f"note-{self.number}",
            )
        yield Static("", id=f"note-{self.number}-error", classes="field-error")

    def on_mount(self) -> None:
        self.show_numbers(self.checkin.value)

    # The card of the focused field is marked by a class rather than `:focus-within`: for
    # that, Textual matched every rule against every widget of the card left and of the
    # card entered at each focus change (Enter, Tab, a step change), a third of a
    # commit's time. Only the card's own border and background change: only the card is
    # matched again, and its widgets are told to draw on the new background.
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_focus()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_focus()

    def _show_focus(self) -> None:
        focused = self.has_focus_within
        if self.has_class("-focused") != focused:
            self.set_class(focused, "-focused", update=False)
            self.app.stylesheet.apply(self, animate=True)
            for widget in self.walk_children():
                widget.notify_style_update()

    def on_resize(self) -> None:
        self.show_numbers(self._shown_value)

    def _example(self) -> str:
        """A placeholder in the key result's own unit, so people see what they may type."""
        kr = self.snapshot.kr
        if not kr.is_numeric:
            return "60% or done"
        sample = kr.target if kr.target is not None else 1200
        return f"e.g. {kr_words.value(kr, sample, word_unit=False, locale=self.locale)}"

    def _value_text(self, value: float | None) -> str:
        if value is None:
            return ""
        return format_number(value, "%" if not self.snapshot.kr.is_numeric else "", self.locale)

    def show_numbers(self, value: float | None) -> None:
        """Redraw the facts line and the progress bar for a value."""
        self._shown_value = value
        kr = self.snapshot.kr
        last = self.previous.checkin.value if self.previous else None
        facts = [
            f"last {kr_words.value(kr, last, locale=self.locale)}"
            + (f" (week {self.previous.week})" if self.previous and self.previous.week else "")
        ]
        facts.append(f"target {kr_words.target(kr, self.locale)}")
        if value is not None and last is not None:
            facts.append(f"Δ {kr_words.change(kr, value - last, self.locale)}")
        show(self.query_one(".card-facts", Static), Text(escape_control(" · ".join(facts))))
        shown = value if value is not None else last
        bar = self.query_one(".card-bar", Static)
        if kr.kind in ("maintain_min", "maintain_max"):
            if shown is None:
                show(bar, "no value yet")
            elif holds(kr, shown):
                show(bar, Content.styled("holds the threshold", "$text-success"))
            else:
                side = "below" if kr.kind == "maintain_min" else "above"
                show(bar, Content.styled(f"{side} the threshold", "$text-error"))
            return
        share = progress(kr, shown)
        words = f" {share:.0%} · pace {self.pace:.0%}"
        room = bar.content_size.width
        width = max(MIN_BAR, room - len(words)) if room else BAR_WIDTH
        line = pace_bar_text(
            share, self.pace, width, self.app.theme_variables.get, self.rich_style.color
        )
        line.append(words)
        show(bar, line)

    # -- committing -------------------------------------------------------------------

    def parse_value(self) -> tuple[bool, float | None]:
        """(ok, value) from the value field; on a problem, shows it at the field."""
        field = self.query_one(f"#value-{self.number}", Input)
        error = self.query_one(f"#value-{self.number}-error", Static)
        try:
            value = self._read(field.value)
        except ValueError as exc:
            _show_problem(field, error, str(exc))
            return False, None
        _show_problem(field, error, "")
        return True, value

    def _read(self, text: str) -> float | None:
        """The value the field's text stands for (None when blank); ValueError if none."""
        kr = self.snapshot.kr
        if not text.strip():
            return None
        if kr.is_numeric:
            return parse_number(text, locale=self.locale, unit=kr.unit)
        return parse_milestone(text, locale=self.locale)

    def parse_note(self) -> tuple[bool, str]:
        """(ok, note) from the note field; on a problem, shows it at the field."""
        field = self.note_field
        error = self.query_one(f"#note-{self.number}-error", Static)
        try:
            note = field.checked()
        except FieldProblem as problem:
            _show_problem(field, error, str(problem))
            return False, ""
        _show_problem(field, error, "")
        return True, note

    def pending(self) -> dict[str, Any]:
        """What the fields say that the saved check-in does not (valid answers only)."""
        changes: dict[str, Any] = {}
        ok, value = self.parse_value()
        if ok and value != self.checkin.value:
            changes["value"] = value
        ok, note = self.parse_note()
        if ok and note != self.checkin.note:
            changes["note"] = note
        return changes

    @property
    def value_field(self) -> Input:
        """The field where the new value is typed."""
        return self.query_one(f"#value-{self.number}", Input)

    @property
    def note_field(self) -> NoteInput:
        """The field where the note is typed."""
        return self.query_one(f"#note-{self.number}", NoteInput)

    @property
    def picker(self) -> ConfidencePicker:
        """The confidence picker (1/2/3)."""
        return self.query_one(ConfidencePicker)

    def load(self, checkin: CheckIn) -> None:
        """Show a check-in the meeting got from elsewhere (a member's accepted update)."""
        self.checkin = checkin
        self.value_field.value = self._value_text(checkin.value)
        self.picker.confidence = checkin.confidence
        self.note_field.show_stored(checkin.note)
        self.show_numbers(checkin.value)

    def saved(self, checkin: CheckIn | None) -> None:
        """The step committed this check-in: it is now the reference for changes."""
        if checkin is not None:
            self.checkin = checkin
        self.show_numbers(self.checkin.value)

    def _answer(self, changes: dict[str, Any]) -> None:
        if changes:
            self.post_message(self.Answered(self, self.snapshot.kr.id, changes))

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        self._answer(self.pending())

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id == f"value-{self.number}":
            # The preview follows the field exactly: a blank or unreadable field shows no
            # new value (and no change since last week).
            try:
                value = self._read(event.value)
            except ValueError:
                value = None
            self.show_numbers(value)


def _show_problem(field: Input, error: Static, message: str) -> None:
    """Show `message` under a card's field (scrolled into view), or hide the field's problem
    when it is empty."""
    show(error, Text(message))
    error.set_class(bool(message), "-shown")
    field.set_class(bool(message), "-invalid")
    if message:
        reveal(error)
