"""Retrospective: what went well and what to change this quarter, as notes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import remove_item, upsert_item
from okrtui.domain.models import Note, NoteKind, Session
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.quarterly.base import QuarterlyStep
from okrtui.tui.widgets.steps.base import Field, field
from okrtui.tui.widgets.text_box import NEW_LINE_HINT, TextBox

RETRO_KINDS: dict[NoteKind, str] = {"went_well": "Went well", "to_change": "To change"}
INPUT_IDS: dict[NoteKind, str] = {"went_well": "went-well", "to_change": "to-change"}
NOTE_TEXT = Fills(Note, "text", "The note")


class RetrospectiveStep(QuarterlyStep):
    """Type a note and press Enter; in the list, e edits and delete removes (ctrl+z undoes)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit note"),
        Binding("delete,d", "delete", "Delete note"),
    ]

    def compose(self) -> ComposeResult:
        hint = f"Enter adds it, {NEW_LINE_HINT}"
        yield from field(
            "What went well?", TextBox(fills=NOTE_TEXT, id="went-well", placeholder=hint)
        )
        yield from field(
            "What should change?", TextBox(fills=NOTE_TEXT, id="to-change", placeholder=hint)
        )
        yield Label("Notes (e edits, delete removes)", classes="field-label")
        yield OptionList(id="retro-list")

    def on_mount(self) -> None:
        # The note being edited, if any: Enter in its field replaces it instead of adding.
        self.editing: str | None = None
        self.show_step()

    def focus_first(self) -> None:
        self.move_to(self.query_one("#went-well", TextBox))

    def _notes(self) -> list[Note]:
        return [n for n in self.context.session.notes if n.kind in RETRO_KINDS]

    def show_step(self) -> None:
        listing = self.query_one("#retro-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for kind, title in RETRO_KINDS.items():
            for note in (n for n in self._notes() if n.kind == kind):
                style = "green" if kind == "went_well" else "yellow"
                prompt = Text.assemble(Text(f"{title}: ", style=style), escape_control(note.text))
                listing.add_option(Option(prompt, id=note.id))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def field_committed(self, field: Field) -> None:
        """Enter in a note's field: add the note (or save the one being edited)."""
        if not isinstance(field, TextBox) or field.id not in INPUT_IDS.values():
            return
        kind: NoteKind = "went_well" if field.id == "went-well" else "to_change"
        text = self.checked_text(field)
        if text is None:
            return
        note_id = self.editing or new_id("n")
        note = Note(id=note_id, kind=kind, text=text)
        what = f"{RETRO_KINDS[kind].lower()} note " + ("edited" if self.editing else "added")
        self.editing = None
        field.value = ""
        self.commit(upsert_item(self.context.session, "notes", note), what)
        self.show_step()

    def _highlighted(self) -> Note | None:
        listing = self.query_one("#retro-list", OptionList)
        if listing.highlighted is None:
            return None
        note_id = listing.get_option_at_index(listing.highlighted).id
        return next((n for n in self._notes() if n.id == note_id), None)

    def action_edit(self) -> None:
        """Put the highlighted note back into its field to change it."""
        note = self._highlighted()
        if note is None:
            return
        self.editing = note.id
        field_input = self.query_one(f"#{INPUT_IDS[note.kind]}", TextBox)
        field_input.show_stored(note.text)
        self.move_to(field_input)

    @on(OptionList.OptionSelected, "#retro-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        """Delete the highlighted note (ctrl+z brings it back)."""
        note = self._highlighted()
        if note is None:
            return
        index = self.context.session.notes.index(note)

        def restore(session: Session) -> Session:
            notes = list(session.notes)
            notes.insert(min(index, len(notes)), note)
            return session.model_copy(update={"notes": notes})

        self.commit(remove_item(self.context.session, "notes", note.id), "note deleted")
        self.remember_undo("the note", restore)
        self.show_step()
