"""Experiences: wins, lessons, blockers and ideas, each with an optional member."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import match_member
from okrtui.domain.models import Note, NoteKind
from okrtui.tui.widgets.steps.base import field
from okrtui.tui.widgets.steps.contributions import ANY_MEMBER_NAME
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list
from okrtui.tui.widgets.text_box import NEW_LINE_HINT, TextBox
from okrtui.tui.widgets.text_input import TextInput

KINDS: dict[str, NoteKind] = {"w": "win", "l": "lesson", "b": "blocker", "i": "idea"}
HEADINGS: dict[str, str] = {
    "win": "Wins",
    "lesson": "Lessons",
    "blocker": "Blockers",
    "idea": "Ideas",
}


def parse_kind(text: str) -> NoteKind:
    """A note kind from its word or first letter."""
    typed = text.strip().lower()
    for letter, kind in KINDS.items():
        if typed in (letter, kind, kind + "s"):
            return kind
    raise ValueError("choose the kind: w win, l lesson, b blocker or i idea")


class ExperiencesStep(EntryListStep):
    """Notes of kind win / lesson / blocker / idea, grouped by kind."""

    FIELD = "notes"
    ENTRY_NAME = "note"
    FORM_FIELDS = ("note-kind", "note-member", "note-text")
    EMPTY = "No experiences yet: a win, a lesson, a blocker, an idea?"

    def compose(self) -> ComposeResult:
        listing, empty = entries_list()
        yield Label("Experiences (on the list: e edit · Delete)", classes="field-label")
        yield listing
        yield empty
        yield from field(
            "Kind", Input(placeholder="w win · l lesson · b blocker · i idea", id="note-kind")
        )
        names = list(self.context.present_names().values())
        yield from field(
            "Who",
            TextInput(
                fills=ANY_MEMBER_NAME,
                placeholder="optional; blank = the team",
                id="note-member",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
        )
        yield from field(
            "What",
            TextBox(
                fills=Fills(Note, "text", "The note"),
                placeholder=f"the note; Enter adds, {NEW_LINE_HINT}",
                id="note-text",
            ),
        )

    def check_field(self, field_id: str) -> None:
        value = self.form_field(field_id).value
        session = self.context.session
        try:
            if field_id == "note-kind":
                self.query_one("#note-kind", Input).value = parse_kind(value)
            elif field_id == "note-member" and value.strip():
                member = match_member(value, session.member_names, session.present_ids)
                self.query_one("#note-member", Input).value = session.member_name(member)
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None

    def build_item(self, item_id: str | None) -> Note:
        self.check_field("note-kind")
        self.check_field("note-member")
        session = self.context.session
        who = self.query_one("#note-member", Input).value
        member = (
            match_member(who, session.member_names, session.present_ids) if who.strip() else None
        )
        text = self.query_one("#note-text", TextBox).checked()
        return Note(
            id=item_id or new_id("n"),
            kind=parse_kind(self.query_one("#note-kind", Input).value),
            text=text,
            member_id=member,
        )

    def load_form(self, item: Note) -> None:
        self.query_one("#note-kind", Input).value = item.kind
        self.query_one("#note-member", Input).value = (
            self.context.session.member_name(item.member_id) if item.member_id else ""
        )
        self.query_one("#note-text", TextBox).show_stored(item.text)

    def groups(self, items: list[Note]) -> list[tuple[str, list[Note]]]:
        return [
            (heading, [n for n in items if n.kind == kind]) for kind, heading in HEADINGS.items()
        ]

    def describe(self, item: Note) -> str:
        who = f" ({self.context.session.member_name(item.member_id)})" if item.member_id else ""
        return f"{item.text}{who}"

    def required_fields(self) -> tuple[str, ...]:
        return ("note-text",)
