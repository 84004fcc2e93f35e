"""Attendance: who is here (one key toggles), guests by name, and who facilitates."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.limits import Fills
from okrtui.domain.meeting import (
    add_guest,
    put_back_guest,
    remove_guest,
    set_facilitator,
    toggle_present,
)
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import Field, StepWidget, field
from okrtui.tui.widgets.text_input import TextInput


class AttendanceStep(StepWidget):
    """Active members listed; space or Enter toggles present/absent; guests added by name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_present", "Present/absent"),
        Binding("delete", "remove_guest", "Remove guest"),
    ]

    def compose(self) -> ComposeResult:
        yield from field(
            "Facilitator",
            TextInput(
                self.context.session.facilitator,
                fills=Fills(Session, "facilitator", "The facilitator's name"),
                placeholder="who runs this meeting",
                id="facilitator",
                # The last facilitator is already typed; any member is a few letters away.
                suggester=SuggestFromList(
                    list(self.context.session.member_names.values()), case_sensitive=False
                ),
            ),
        )
        yield Label("Who is here? (space toggles present/absent)", classes="field-label")
        yield OptionList(id="attendance-list", classes="entries")
        yield from field(
            "Guest",
            TextInput(
                fills=Fills(Session, "guests", "The guest's name"),
                placeholder="a guest's name, then Enter",
                id="guest-name",
            ),
        )

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        session = self.context.session
        listing = self.query_one("#attendance-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for member_id, name in session.member_names.items():
            mark = "[x]" if member_id in session.present_ids else "[ ]"
            status = "present" if member_id in session.present_ids else "absent"
            line = Text(f"{mark} {escape_control(name)}  ({status})")
            listing.add_option(Option(line, id=f"m:{member_id}"))
        for guest in session.guests:
            line = Text(f"[x] {escape_control(guest)}  (guest)")
            listing.add_option(Option(line, id=f"g:{guest}"))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def focus_first(self) -> None:
        self.move_to(self.query_one("#attendance-list", OptionList))

    def _highlighted_id(self) -> str | None:
        listing = self.query_one("#attendance-list", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_toggle_present(self) -> None:
        """Toggle the highlighted member present/absent."""
        option_id = self._highlighted_id()
        if option_id and option_id.startswith("m:"):
            member_id = option_id[2:]
            session = toggle_present(self.context.session, member_id)
            state = "present" if member_id in session.present_ids else "absent"
            self.commit(session, f"{session.member_name(member_id)} {state}")
            self.show_step()

    @on(OptionList.OptionSelected, "#attendance-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_present()

    def action_remove_guest(self) -> None:
        """Remove the highlighted guest (ctrl+z puts them back)."""
        option_id = self._highlighted_id()
        if option_id and option_id.startswith("g:"):
            name = option_id[2:]
            before = self.context.session
            self.commit(remove_guest(before, name), f"guest {name} removed")
            self.remember_undo(f"guest {name}", lambda s: put_back_guest(s, before, name))
            self.show_step()

    def field_committed(self, field: Field) -> None:
        """Enter in the guest or facilitator field: commit and save it now."""
        if not isinstance(field, Input):
            return  # every field of this step is one line
        if field.id == "facilitator":
            if self._commit_facilitator():
                self.move_to(self.query_one("#attendance-list", OptionList))
            return
        if field.id != "guest-name":
            return
        try:
            if field.value.strip():
                self.query_one("#guest-name", TextInput).checked()
            session = add_guest(self.context.session, field.value)
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        self.clear_error(field)
        field.value = ""
        self.commit(session, "guest added")
        self.show_step()

    @on(Input.Blurred, "#facilitator")
    def _facilitator(self, event: Input.Blurred) -> None:
        self._commit_facilitator()

    def _commit_facilitator(self) -> bool:
        """Commit the facilitator's name; False (said at the field) when it is refused."""
        name = self.checked_text(self.query_one("#facilitator", TextInput))
        if name is None:
            return False
        if name != self.context.session.facilitator:
            self.commit(set_facilitator(self.context.session, name), "facilitator")
        return True

    def leave(self) -> None:
        self._commit_facilitator()
        super().leave()
