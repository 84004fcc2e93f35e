"""A discussion step of the team's own agenda: its prompt, then notes, each with an optional owner.

One class runs every discussion step; the step's key tells its notes apart from those of
the meeting's other discussion steps.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import Person, match_person, person_label
from okrtui.domain.models import DiscussionNote
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import field
from okrtui.tui.widgets.steps.contributions import ANY_MEMBER_NAME
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list
from okrtui.tui.widgets.text_input import TextInput


def note_owner(session_note: DiscussionNote) -> Person | None:
    """Who a discussion note belongs to: a member, a guest, or nobody in particular."""
    if session_note.member_id is not None:
        return Person(session_note.member_id)
    if session_note.guest:
        return Person(None, session_note.guest)
    return None


class DiscussionStep(EntryListStep):
    """Notes of one discussion step: what was said, and who owns it (optional)."""

    FIELD = "discussion_notes"
    ENTRY_NAME = "note"
    # In the order Enter walks them: the note, then who (blank is fine), which adds it.
    FORM_FIELDS = ("discussion-text", "discussion-who")
    EMPTY = "Nothing noted yet."

    def compose(self) -> ComposeResult:
        listing, empty = entries_list()
        # The prompt is the team's text: shown escaped, never as markup.
        yield Static(
            escape_control(self.step.prompt) if self.step.prompt else "Talk it through.",
            classes="discussion-prompt",
            markup=False,
        )
        yield Label("Notes (on the list: e edit · Delete)", classes="field-label")
        yield listing
        yield empty
        names = [*self.context.present_names().values(), *self.context.session.guests]
        yield from field(
            "Note",
            TextInput(
                fills=Fills(DiscussionNote, "text", "The note"),
                placeholder="what was said or agreed; Enter goes to who",
                id="discussion-text",
            ),
        )
        yield from field(
            "Who",
            TextInput(
                fills=ANY_MEMBER_NAME,
                placeholder="optional: a member or a guest; Enter adds",
                id="discussion-who",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
        )

    @property
    def items(self) -> list[DiscussionNote]:
        """The notes of this step only."""
        return [n for n in self.context.session.discussion_notes if n.step_key == self.step.key]

    def check_field(self, field_id: str) -> None:
        if field_id != "discussion-who":
            return
        who = self.query_one("#discussion-who", Input)
        if not who.value.strip():
            return
        session = self.context.session
        try:
            who.value = person_label(session, match_person(who.value, session))
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None

    def build_item(self, item_id: str | None) -> DiscussionNote:
        session = self.context.session
        typed = self.query_one("#discussion-who", Input).value
        try:
            owner = match_person(typed, session) if typed.strip() else None
        except ValueError as exc:
            raise FieldProblem("discussion-who", str(exc)) from None
        return DiscussionNote(
            id=item_id or new_id("dn"),
            step_key=self.step.key,
            text=self.query_one("#discussion-text", TextInput).checked(),
            member_id=owner.member_id if owner else None,
            guest=owner.guest if owner and owner.member_id is None else "",
        )

    def load_form(self, item: DiscussionNote) -> None:
        owner = note_owner(item)
        self.query_one("#discussion-who", Input).value = (
            person_label(self.context.session, owner) if owner else ""
        )
        self.query_one("#discussion-text", TextInput).show_stored(item.text)

    def describe(self, item: DiscussionNote) -> str:
        owner = note_owner(item)
        return f"{item.text} ({person_label(self.context.session, owner)})" if owner else item.text

    def required_fields(self) -> tuple[str, ...]:
        return ("discussion-text",)
