"""Wrap-up: the summary, a 1–10 rating per person present (guests too), and finishing."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.limits import Fills
from okrtui.domain.meeting import (
    Person,
    people_present,
    person_label,
    rate,
    rating_of,
    set_summary,
)
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import Field, StepWidget, field
from okrtui.tui.widgets.text_box import NEW_LINE_HINT, TextBox


class WrapUpStep(StepWidget):
    """Summary (Enter saves), ratings by digit keys on the list (0 = 10), then Finish."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(d), f"rate({d or 10})", f"Rate {d or 10}", show=False) for d in range(10)),
        Binding("f", "finish", "Finish meeting"),
    ]

    def compose(self) -> ComposeResult:
        yield from field(
            "Summary",
            TextBox(
                self.context.session.summary,
                fills=Fills(Session, "summary", "The summary"),
                placeholder=f"one or two sentences; Enter saves, {NEW_LINE_HINT}",
                id="summary",
            ),
        )
        yield Label(
            "How was this meeting? Pick a person, press 1–9 (0 = 10)", classes="field-label"
        )
        yield OptionList(id="ratings-list", classes="entries")
        yield Static("", id="ratings-list-error", classes="field-error")
        yield Static("", id="ratings-average", classes="hint")
        yield Button("Finish the meeting (f)", id="finish", variant="success")
        yield Static("", id="finish-error", classes="field-error")

    def on_mount(self) -> None:
        self._people: list[Person] = []
        self.show_step()

    def show_step(self) -> None:
        session = self.context.session
        listing = self.query_one("#ratings-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        people = people_present(session)
        self._people = people
        for index, person in enumerate(people):
            rating = rating_of(session, person)
            shown = f"{rating:>2}" if rating else " –"
            listing.add_option(
                Option(
                    Text(f"{shown}  {escape_control(person_label(session, person))}"),
                    id=str(index),
                )
            )
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
        ratings = [r for r in (rating_of(session, p) for p in people) if r is not None]
        average = (
            f"Average {sum(ratings) / len(ratings):.1f} from {len(ratings)} of {len(people)}"
            if ratings
            else ""
        )
        self.query_one("#ratings-average", Static).update(average)

    def focus_first(self) -> None:
        # The summary first; once written, the ratings, where f finishes the meeting.
        if self.context.session.summary:
            self.move_to(self.query_one("#ratings-list", OptionList))
        else:
            self.move_to(self.query_one("#summary", TextBox))

    def field_committed(self, field: Field) -> None:
        """Enter in the summary: save it and go on to the ratings."""
        if field.id == "summary" and self._commit_summary():
            self.move_to(self.query_one("#ratings-list", OptionList))

    @on(TextBox.Blurred, "#summary")
    def _summary_left(self, event: TextBox.Blurred) -> None:
        self._commit_summary()

    def _commit_summary(self) -> bool:
        """Save the summary; False (said at the field) when the model refuses it."""
        text = self.checked_text(self.query_one("#summary", TextBox))
        if text is None:
            return False
        if text != self.context.session.summary:
            self.commit(set_summary(self.context.session, text), "summary")
        return True

    def action_rate(self, rating: int) -> None:
        """Give the highlighted attendee this rating and move to the next one."""
        listing = self.query_one("#ratings-list", OptionList)
        if not listing.has_focus or listing.highlighted is None:
            return
        index = listing.highlighted
        person = self._people[index]
        try:
            session = rate(self.context.session, person, rating)
        except ValueError as exc:
            self.show_error(listing, str(exc))
            return
        self.clear_error(listing)
        self.commit(session, f"rating of {person_label(session, person)}")
        self.show_step()
        listing.highlighted = min(index + 1, listing.option_count - 1)

    @on(Button.Pressed, "#finish")
    def _finish_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_finish()

    def action_finish(self) -> None:
        """Finish the meeting once it has a summary."""
        if not self._commit_summary():
            return
        summary = self.query_one("#summary", TextBox)
        if not self.context.session.summary:
            self.show_error(summary, "Write a short summary before finishing the meeting.")
            self.move_to(summary)
            return
        self.post_message(self.FinishRequested())

    def leave(self) -> None:
        self._commit_summary()
        super().leave()
