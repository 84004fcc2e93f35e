"""Key-result check-ins: one card per key result of the quarter."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input, Static

from okrtui.domain.history import previous_checkin
from okrtui.domain.meeting import set_checkin
from okrtui.domain.scoring import expected_pace
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import Field, StepWidget, settled
from okrtui.tui.widgets.steps.checkin_card import CONFIDENCES, CheckInCard


class CheckInsStep(StepWidget):
    """Value, confidence (1/2/3) and note per key result; Enter moves through the fields.

    Enter in the value saves it and goes to the note, where the next key, if it is 1, 2 or
    3, picks the confidence (the confidence row never takes the focus, and a digit typed
    into the value is always a digit). Once something else is typed there, or the cursor
    leaves, digits are the note's. 1/2/3 are priority bindings, like the base class's Enter:
    the app runs them as it handles the key, so the answer is saved before the next key is
    routed anywhere (keys typed right after them belong to the note).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "confidence(0)", "On track", priority=True),
        Binding("2", "confidence(1)", "At risk", priority=True),
        Binding("3", "confidence(2)", "Off track", priority=True),
    ]

    def compose(self) -> ComposeResult:
        session = self.context.session
        if not session.kr_snapshots:
            yield Static("This team has no key results for the quarter.", classes="hint")
            return
        yield Static(
            "Type the new value, Enter; then confidence 1 on track · 2 at risk · 3 off "
            "track; a note, Enter.",
            classes="hint",
        )
        pace = expected_pace(session.quarter, session.date)
        for number, snapshot in enumerate(session.kr_snapshots, start=1):
            previous = previous_checkin([*self.context.earlier, session], snapshot.kr.id, session)
            checkin = session.checkin(snapshot.kr.id)
            locale = self.context.team.locale
            yield CheckInCard(number, snapshot, previous, pace, checkin, locale)

    def on_mount(self) -> None:
        # The card whose note was reached by Enter in its value: 1/2/3 pick its confidence.
        self._confidence_next: CheckInCard | None = None
        self._note_then = ""  # the note as it was when Enter in the value reached it

    def show_step(self) -> None:
        # A check-in may have reached the session without being typed here (accepted from
        # a member's update): the cards show the session's.
        for card in self.query(CheckInCard):
            checkin = self.context.session.checkin(card.snapshot.kr.id)
            if checkin is not None and checkin != card.checkin:
                card.load(checkin)

    def card_of(self, kr_id: str) -> CheckInCard | None:
        """The card of a key result."""
        return next((c for c in self.query(CheckInCard) if c.snapshot.kr.id == kr_id), None)

    def focus_first(self) -> None:
        cards = list(self.query(CheckInCard))
        for card in cards:
            if card.checkin.value is None:
                self.move_to(card.query_one(Input))
                return
        if cards:
            self.move_to(cards[0].query_one(Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # 1/2/3 exist (and show in the footer) only right after Enter in a value; anywhere
        # else they are typed digits.
        if action == "confidence":
            card = self._confidence_next
            return card is not None and self.app.focused is card.note_field
        return super().check_action(action, parameters)

    def _expect_confidence(self, card: CheckInCard | None) -> None:
        """Let 1/2/3 pick `card`'s confidence from its note (None: digits are text again)."""
        if self._confidence_next is not card:
            if self._confidence_next is not None:
                self._confidence_next.note_field.confidence_next = False
            self._confidence_next = card
            if card is not None:
                card.note_field.confidence_next = True
            self._note_then = card.note_field.value if card is not None else ""
            self.refresh_bindings()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self._confidence_next is not None and event.input is self._confidence_next.note_field:
            self._expect_confidence(None)  # the note has begun: digits are its own

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        card = self._confidence_next
        if card is not None and event.widget is card.note_field:
            self._expect_confidence(None)

    def _focused_card(self) -> tuple[Widget, CheckInCard]:
        """The focused widget and its card; SkipAction (the key goes on) outside a card."""
        focused = self.app.focused
        if focused is not None:
            for node in focused.ancestors:
                if isinstance(node, CheckInCard) and node.parent is self:
                    return focused, node
        raise SkipAction()

    def field_committed(self, field: Field) -> None:
        """Enter: commit and save the field, then move on (value → note, note → next card)."""
        _, card = self._focused_card()
        changes = card.pending()
        if changes:
            self._commit(card, changes)
        if field is card.value_field:
            ok, _ = card.parse_value()
            if ok:
                self.move_to(card.note_field)
                self._expect_confidence(card)
        elif field is card.note_field:
            ok, _ = card.parse_note()
            if ok:
                self._focus_next_card(card)

    async def action_confidence(self, index: int) -> None:
        """1/2/3 right after the value: save the confidence with the card's typed answers."""
        card = self._confidence_next
        if card is None or self.app.focused is not card.note_field:
            raise SkipAction()  # a digit typed into a field
        # Keys typed before this one may still be on their way into the note: then the
        # digit is the note's too, and goes in after them.
        await settled(card.note_field)
        if card.note_field.value != self._note_then:
            self._expect_confidence(None)
            raise SkipAction()
        self._expect_confidence(None)
        card.picker.confidence = CONFIDENCES[index]
        self._commit(card, {**card.pending(), "confidence": CONFIDENCES[index]})

    @on(CheckInCard.Answered)
    def _answered(self, event: CheckInCard.Answered) -> None:
        event.stop()
        self._commit(event.card, event.changes)

    def _commit(self, card: CheckInCard, changes: dict[str, object]) -> None:
        session = set_checkin(self.context.session, card.snapshot.kr.id, **changes)  # type: ignore[arg-type]
        self.commit(session, f"check-in of {escape_control(card.snapshot.kr.title)}")
        card.saved(session.checkin(card.snapshot.kr.id))

    def _focus_next_card(self, card: CheckInCard) -> None:
        cards = list(self.query(CheckInCard))
        index = cards.index(card)
        if index + 1 < len(cards):
            self.move_to(cards[index + 1].value_field)

    def leave(self) -> None:
        for card in self.query(CheckInCard):
            changes = card.pending()
            if changes:
                self._commit(card, changes)
        super().leave()
