"""Key-result check-ins: one card per key result of the quarter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from okrtui.domain.history import previous_checkin
from okrtui.domain.meeting import set_checkin
from okrtui.domain.scoring import expected_pace
from okrtui.tui.widgets.steps.base import StepWidget
from okrtui.tui.widgets.steps.checkin_card import CheckInCard


class CheckInsStep(StepWidget):
    """Value, confidence (1/2/3) and note per key result; Enter moves through the fields."""

    def compose(self) -> ComposeResult:
        session = self.context.session
        if not session.kr_snapshots:
            yield Static("This team has no key results for the quarter.", classes="hint")
            return
        yield Static(
            "Type the new value, Enter; confidence 1 on track · 2 at risk · 3 off track; "
            "a note, Enter.",
            classes="hint",
        )
        pace = expected_pace(session.quarter, session.date)
        for number, snapshot in enumerate(session.kr_snapshots, start=1):
            previous = previous_checkin([*self.context.earlier, session], snapshot.kr.id, session)
            yield CheckInCard(number, snapshot, previous, pace, session.checkin(snapshot.kr.id))

    def focus_first(self) -> None:
        cards = list(self.query(CheckInCard))
        for card in cards:
            if card.checkin.value is None:
                card.query_one(Input).focus()
                return
        if cards:
            cards[0].query_one(Input).focus()

    @on(CheckInCard.Answered)
    def _answered(self, event: CheckInCard.Answered) -> None:
        event.stop()
        self._commit(event.card, event.changes)

    def _commit(self, card: CheckInCard, changes: dict[str, object]) -> None:
        session = set_checkin(self.context.session, card.snapshot.kr.id, **changes)  # type: ignore[arg-type]
        self.commit(session, f"check-in of {card.snapshot.kr.title}")
        card.saved(session.checkin(card.snapshot.kr.id))

    @on(CheckInCard.Done)
    def _next_card(self, event: CheckInCard.Done) -> None:
        event.stop()
        cards = list(self.query(CheckInCard))
        index = cards.index(event.card)
        if index + 1 < len(cards):
            cards[index + 1].query_one(Input).focus()

    def leave(self) -> None:
        for card in self.query(CheckInCard):
            changes = card.pending()
            if changes:
                self._commit(card, changes)
        super().leave()
