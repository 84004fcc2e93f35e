"""Mini-training: topic, presenter (member or guest), minutes, attendees, notes; none or several."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from okrtui.domain.ids import new_id
from okrtui.domain.meeting import match_member, parse_minutes, required
from okrtui.domain.models import Training
from okrtui.tui.widgets.steps.base import field
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list

DEFAULT_MINUTES = "10"


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
        yield from field("Topic", Input(placeholder="what was taught", id="training-topic"))
        yield from field(
            "Presenter",
            Input(
                placeholder="a member or a guest's name",
                id="training-presenter",
                suggester=SuggestFromList(
                    [*names, *self.context.session.guests], case_sensitive=False
                ),
            ),
        )
        yield from field("Minutes", Input(DEFAULT_MINUTES, id="training-minutes"))
        yield from field(
            "Attendees",
            Input(placeholder="names, commas; blank = all present", id="training-attendees"),
        )
        yield from field("Notes", Input(placeholder="optional; Enter adds", id="training-notes"))

    def _presenter(self) -> tuple[str | None, str]:
        """(member id, guest name) from the presenter field."""
        session = self.context.session
        typed = self.query_one("#training-presenter", Input).value
        try:
            name = required(typed, "The presenter")
        except ValueError as exc:
            raise FieldProblem("training-presenter", str(exc)) from None
        try:
            return match_member(name, session.member_names, session.present_ids), ""
        except ValueError:
            # Not a member: a guest presented.
            return None, name

    def _attendees(self) -> list[str]:
        session = self.context.session
        typed = self.query_one("#training-attendees", Input).value
        if not typed.strip():
            return list(session.present_ids)
        found: list[str] = []
        for part in typed.split(","):
            if not part.strip():
                continue
            try:
                member = match_member(part, session.member_names, session.present_ids)
            except ValueError as exc:
                raise FieldProblem("training-attendees", str(exc)) from None
            if member not in found:
                found.append(member)
        return found

    def check_field(self, field_id: str) -> None:
        value = self.query_one(f"#{field_id}", Input).value
        try:
            if field_id == "training-topic":
                required(value, "The topic")
            elif field_id == "training-minutes":
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
        presenter_id, guest = self._presenter()
        return Training(
            id=item_id or new_id("t"),
            topic=required(self.query_one("#training-topic", Input).value, "The topic"),
            presenter_id=presenter_id,
            presenter_name=guest,
            minutes=parse_minutes(self.query_one("#training-minutes", Input).value),
            attendee_ids=self._attendees(),
            notes=self.query_one("#training-notes", Input).value.strip(),
        )

    def load_form(self, item: Training) -> None:
        session = self.context.session
        presenter = (
            session.member_name(item.presenter_id) if item.presenter_id else item.presenter_name
        )
        self.query_one("#training-topic", Input).value = item.topic
        self.query_one("#training-presenter", Input).value = presenter
        self.query_one("#training-minutes", Input).value = str(item.minutes)
        self.query_one("#training-attendees", Input).value = ", ".join(
            session.member_name(m) for m in item.attendee_ids
        )
        self.query_one("#training-notes", Input).value = item.notes

    def reset_form(self) -> None:
        super().reset_form()
        self.query_one("#training-minutes", Input).value = DEFAULT_MINUTES

    def describe(self, item: Training) -> str:
        session = self.context.session
        presenter = (
            session.member_name(item.presenter_id) if item.presenter_id else item.presenter_name
        )
        return f"{item.topic} — {presenter}, {item.minutes} min, {len(item.attendee_ids)} attending"

    def required_fields(self) -> tuple[str, ...]:
        return ("training-topic",)
