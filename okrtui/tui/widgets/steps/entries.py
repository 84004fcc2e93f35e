"""A step that collects entries (contributions, notes, trainings, commitments) with a form.

The form's fields are Inputs (a TextBox for paragraphs): Enter moves to the next field and,
in the last one, adds the entry (or saves the one being edited). The list above shows the
entries grouped; on the list, `e` or Enter edits, Delete removes (ctrl+z puts it back until
the step changes). Escape stops editing, empties the form and goes to the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.limits import FieldProblem
from okrtui.domain.meeting import ListField, remove_item, upsert_item
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.domain.validation import describe
from okrtui.tui.widgets.steps.base import Field, StepWidget, ensure_highlighted
from okrtui.tui.widgets.text_box import TextBox
from okrtui.tui.widgets.text_input import TextInput

__all__ = ["EntryListStep", "FieldProblem", "entries_list"]


class EntryListStep(StepWidget):
    """Base of the steps that keep a list of entries in one field of the session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_entry", "Edit"),
        Binding("delete,backspace", "delete_entry", "Delete"),
    ]

    FIELD: ClassVar[ListField]
    ENTRY_NAME: ClassVar[str] = "entry"
    FORM_FIELDS: ClassVar[Sequence[str]] = ()
    FIRST_FIELD: ClassVar[str | None] = None  # where a new entry starts; the first field if None
    EMPTY: ClassVar[str] = "Nothing yet."

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editing: str | None = None
        # While a member's update is edited before it is accepted: who sent it.
        self.proposed_by: str | None = None

    # -- for subclasses ------------------------------------------------------------------

    def build_item(self, item_id: str | None) -> Any:
        """The entry the form describes; raise FieldProblem naming the field at fault."""
        raise NotImplementedError

    def check_field(self, field_id: str) -> None:
        """Check one field when Enter leaves it; raise FieldProblem when it is wrong."""

    def load_form(self, item: Any) -> None:
        """Fill the form from an entry, to edit it."""
        raise NotImplementedError

    def reset_form(self) -> None:
        """Empty the form after an entry is added."""
        for field_id in self.FORM_FIELDS:
            self.form_field(field_id).value = ""

    def groups(self, items: list[Any]) -> list[tuple[str, list[Any]]]:
        """Entries under headings, in the order to show them."""
        return [("", items)]

    def describe(self, item: Any) -> str:
        """One line for an entry in the list (shown as plain text, control characters escaped)."""
        return str(item)

    # -- the list -----------------------------------------------------------------------

    @property
    def items(self) -> list[Any]:
        """This step's entries in the session."""
        return list(getattr(self.context.session, self.FIELD))

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        listing = self.query_one(".entries", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        items = self.items
        for heading, members in self.groups(items):
            if not members:
                continue
            if heading:
                listing.add_option(
                    Option(Text(escape_control(heading), style="bold"), disabled=True)
                )
            for item in members:
                line = Text("  " + escape_control(self.describe(item)))
                listing.add_option(Option(line, id=item.id))
        self.query_one(".entries-empty", Static).update("" if items else self.EMPTY)
        if not items and listing.has_focus:
            self.focus_first()  # the list is about to hide; keep the cursor somewhere visible
        listing.display = bool(items)
        if listing.option_count and highlighted is not None:
            listing.highlighted = min(highlighted, listing.option_count - 1)
        if listing.has_focus:
            ensure_highlighted(listing)

    def first_field(self) -> Field:
        """The form field a new entry starts in."""
        return self.form_field(self.FIRST_FIELD or self.FORM_FIELDS[0])

    def focus_first(self) -> None:
        if self.FORM_FIELDS:
            self.move_to(self.first_field())

    def _highlighted(self) -> Any | None:
        listing = self.query_one(".entries", OptionList)
        if not listing.has_focus or listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return next((i for i in self.items if i.id == option_id), None)

    def action_edit_entry(self) -> None:
        """Load the highlighted entry into the form."""
        item = self._highlighted()
        if item is None:
            return
        self.editing = item.id
        self.load_form(item)
        self.notify(f"Editing this {self.ENTRY_NAME}; Enter in the last field saves it.", timeout=3)
        self.focus_first()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_entry()

    def action_delete_entry(self) -> None:
        """Delete the highlighted entry; ctrl+z restores it until the step changes."""
        item = self._highlighted()
        if item is None:
            return
        field = self.FIELD
        # Its place in the whole list, which may hold other steps' entries too.
        index = list(getattr(self.context.session, field)).index(item)

        def restore(session: Session) -> Session:
            entries = list(getattr(session, field))
            entries.insert(min(index, len(entries)), item)
            return session.model_copy(update={field: entries})

        self.commit(remove_item(self.context.session, field, item.id), f"{self.ENTRY_NAME} deleted")
        self.remember_undo(f"the {self.ENTRY_NAME}", restore)
        if self.editing == item.id:
            self.editing = None
        self.show_step()

    def edit_proposed(self, item: Any, sender: str) -> None:
        """Load an entry a member sent into the form, to change it before it is added."""
        self.editing = item.id
        self.proposed_by = sender
        self.load_form(item)
        self.focus_first()

    def _keep_sender(self, item: Any) -> Any:
        """An entry edited here stays marked as sent by the member it came from."""
        if "from_member" not in type(item).model_fields:
            return item
        old = next((i for i in self.items if i.id == self.editing), None)
        sender = self.proposed_by or (old.from_member if old is not None else None)
        return item.model_copy(update={"from_member": sender}) if sender else item

    def action_clear_form(self) -> None:
        """Stop editing and empty the form."""
        self.editing = None
        self.proposed_by = None
        self.reset_form()
        for field_id in self.FORM_FIELDS:
            self.clear_error(self.form_field(field_id))

    def escaped(self, focused: Widget) -> None:
        """Escape: stop editing, empty the form, and (from a field) go to the list."""
        self.action_clear_form()
        super().escaped(focused)

    # -- the form -----------------------------------------------------------------------

    def field_committed(self, field: Field) -> None:
        """Enter in a form field: check it and move on; in the last one, add the entry now."""
        field_id = field.id or ""
        if field_id not in self.FORM_FIELDS:
            return
        try:
            self._check(field_id)
        except FieldProblem as problem:
            self.show_problem(problem)
            return
        self.clear_error(field)
        position = list(self.FORM_FIELDS).index(field_id)
        if position + 1 < len(self.FORM_FIELDS):
            self.move_to(self.form_field(self.FORM_FIELDS[position + 1]))
            return
        if self.submit_form():
            self.move_to(self.first_field())

    def _check(self, field_id: str) -> None:
        """The model's check of a text field, then the step's own."""
        field = self.form_field(field_id)
        if isinstance(field, TextInput | TextBox):
            field.checked()
        self.check_field(field_id)

    def submit_form(self) -> bool:
        """Add or save the entry the form describes; False (with a message) when it cannot."""
        for field_id in self.FORM_FIELDS:
            self.clear_error(self.form_field(field_id))
        try:
            for field_id in self.FORM_FIELDS:
                self._check(field_id)
            item = self.build_item(self.editing)
        except FieldProblem as problem:
            self.show_problem(problem)
            return False
        except ValidationError as exc:
            self.show_problem(self._located(exc))
            return False
        what = f"{self.ENTRY_NAME} {'saved' if self.editing else 'added'}"
        item = self._keep_sender(item)
        self.commit(upsert_item(self.context.session, self.FIELD, item), what)
        self.editing = None
        self.proposed_by = None
        self.reset_form()
        self.show_step()
        self.focus_first()
        return True

    def form_is_empty(self) -> bool:
        """True when nothing has been typed into the form."""
        return all(not self.form_field(f).value.strip() for f in self.required_fields())

    def required_fields(self) -> Sequence[str]:
        """Fields whose text means the facilitator has started an entry."""
        return self.FORM_FIELDS

    def leave(self) -> None:
        # A complete entry left in the form is kept; an incomplete one stays typed, unsaved.
        if not self.form_is_empty():
            self.submit_form()
        super().leave()

    def _located(self, exc: ValidationError) -> FieldProblem:
        """A model's refusal of the entry, at the field that typed the refused value."""
        name = next((str(part) for part in exc.errors()[0]["loc"] if isinstance(part, str)), "")
        for field in [*self.query(TextInput), *self.query(TextBox)]:
            if field.fills is not None and field.fills.name == name:
                return FieldProblem(field.id or "", field.fills.message(exc))
        return FieldProblem(
            self.FORM_FIELDS[-1],
            f"This {self.ENTRY_NAME} cannot be kept: {'; '.join(describe(exc))}",
        )


def entries_list() -> tuple[OptionList, Static]:
    """The list of entries and the line shown when there are none."""
    return OptionList(classes="entries"), Static("", classes="entries-empty hint")
