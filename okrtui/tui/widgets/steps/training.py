"""Mini-training: topic, presenter (member or guest), minutes, attendees, notes; none or several."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import (
    NotAtMeeting,
    Person,
    add_guest,
    attendees_of,
    guest_label,
    match_presenter,
    parse_attendees,
    parse_minutes,
    presenter_of,
)
from okrtui.domain.models import Training
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.widgets.steps.base import Field, field
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list
from okrtui.tui.widgets.text_box import NEW_LINE_HINT, TextBox
from okrtui.tui.widgets.text_input import TextInput

DEFAULT_MINUTES = "10"
# The fields that name people: a name there that matches nobody is asked about.
PEOPLE_FIELDS = ("training-presenter", "training-attendees")


class TrainingStep(EntryListStep):
    """Trainings given at this meeting; attendees default to everyone present."""

    FIELD = "trainings"
    ENTRY_NAME = "training"
    FORM_FIELDS = (
        "training-topic",
        "training-presenter",
        "training-minutes",
        "training-attendees",
        "training-notes",
    )
    EMPTY = "No mini-training this week (that is fine). Add one below."

    def compose(self) -> ComposeResult:
        listing, empty = entries_list()
        yield Label("Trainings (on the list: e edit · Delete)", classes="field-label")
        yield listing
        yield empty
        names = list(self.context.present_names().values())
        yield from field(
            "Topic",
            TextInput(
                fills=Fills(Training, "topic", "The topic"),
                placeholder="what was taught",
                id="training-topic",
            ),
        )
        yield from field(
            "Presenter",
            TextInput(
                fills=Fills(Training, "presenter_name", "The presenter"),
                placeholder="a member or a guest's name",
                id="training-presenter",
                suggester=SuggestFromList(
                    [*names, *map(guest_label, self.context.session.guests)],
                    case_sensitive=False,
                ),
            ),
        )
        yield from field("Minutes", Input(DEFAULT_MINUTES, id="training-minutes"))
        yield from field(
            "Attendees",
            Input(
                placeholder="names, commas; blank = everyone present",
                id="training-attendees",
            ),
        )
        yield from field(
            "Notes",
            TextBox(
                fills=Fills(Training, "notes", "The notes"),
                placeholder=f"optional; Enter adds, {NEW_LINE_HINT}",
                id="training-notes",
            ),
        )

    def _presenter(self) -> Person:
        """The member or guest named in the presenter field."""
        try:
            typed = self.query_one("#training-presenter", TextInput).checked()
            return match_presenter(typed, self.context.session)
        except ValueError as exc:
            raise FieldProblem("training-presenter", str(exc)) from None

    def _attendees(self) -> tuple[list[str], list[str]]:
        """(member ids, guest names) from the attendees field."""
        typed = self.query_one("#training-attendees", Input).value
        try:
            return parse_attendees(typed, self.context.session)
        except ValueError as exc:
            raise FieldProblem("training-attendees", str(exc)) from None

    def field_committed(self, field: Field) -> None:
        """Enter in a field; a person named there who is nobody here is asked about first."""
        stranger = self._stranger(field.id or "")
        if stranger is None:
            super().field_committed(field)
            return

        def answered(add: bool | None) -> None:
            if add:
                self.commit(add_guest(self.context.session, stranger), "guest added")
                self.field_committed(field)  # the next stranger, or on to the next field
            else:
                self.show_error(
                    field,
                    f"No member or guest is called '{stranger}': type a member's name, "
                    "or Enter again to add them as a guest",
                )
                self.move_to(field)

        self.app.push_screen(
            ConfirmDialog(
                f"No member or guest is called '{stranger}'. Add them as a guest?",
                "Add guest",
                "No",
            ),
            answered,
        )

    def _stranger(self, field_id: str) -> str | None:
        """The first name typed in a people field that is no member and no guest here."""
        if field_id not in PEOPLE_FIELDS:
            return None
        typed = self.query_one(f"#{field_id}", Input).value
        try:
            if field_id == "training-presenter":
                match_presenter(typed, self.context.session)
            else:
                parse_attendees(typed, self.context.session)
        except NotAtMeeting as stranger:
            return stranger.name
        except ValueError:
            return None  # said at the field by the usual check
        return None

    def check_field(self, field_id: str) -> None:
        value = self.form_field(field_id).value
        try:
            if field_id == "training-minutes":
                parse_minutes(value)
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None
        if field_id == "training-presenter":
            self._presenter()
        elif field_id == "training-attendees":
            self._attendees()

    def build_item(self, item_id: str | None) -> Training:
        for field_id in ("training-topic", "training-presenter", "training-minutes"):
            self.check_field(field_id)
        presenter = self._presenter()
        members, guests = self._attendees()
        return Training(
            id=item_id or new_id("t"),
            topic=self.query_one("#training-topic", TextInput).checked(),
            presenter_id=presenter.member_id,
            presenter_name=presenter.guest,
            minutes=parse_minutes(self.query_one("#training-minutes", Input).value),
            attendee_ids=members,
            attendee_guests=guests,
            notes=self.query_one("#training-notes", TextBox).checked(),
        )

    def load_form(self, item: Training) -> None:
        session = self.context.session
        self.query_one("#training-topic", TextInput).show_stored(item.topic)
        self.query_one("#training-presenter", Input).value = presenter_of(session, item)
        self.query_one("#training-minutes", Input).value = str(item.minutes)
        self.query_one("#training-attendees", Input).value = ", ".join(attendees_of(session, item))
        self.query_one("#training-notes", TextBox).show_stored(item.notes)

    def reset_form(self) -> None:
        super().reset_form()
        self.query_one("#training-minutes", Input).value = DEFAULT_MINUTES

    def describe(self, item: Training) -> str:
        session = self.context.session
        attending = len(attendees_of(session, item))
        return f"{item.topic} — {presenter_of(session, item)}, {item.minutes} min, {attending} attending"

    def required_fields(self) -> tuple[str, ...]:
        return ("training-topic",)
