"""Attendance: who is here (one key toggles), guests by name, and who facilitates."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.meeting import (
    add_guest,
    put_back_guest,
    remove_guest,
    set_facilitator,
    toggle_present,
)
from okrtui.tui.widgets.steps.base import StepWidget, field, settled


class AttendanceStep(StepWidget):
    """Active members listed; space or Enter toggles present/absent; guests added by name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_present", "Present/absent"),
        Binding("delete", "remove_guest", "Remove guest"),
        Binding("enter", "enter_field", "Commit the field", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield from field(
            "Facilitator",
            Input(
                self.context.session.facilitator,
                placeholder="who runs this meeting",
                id="facilitator",
            ),
        )
        yield Label("Who is here? (space toggles present/absent)", classes="field-label")
        yield OptionList(id="attendance-list", classes="entries")
        yield from field(
            "Guest",
            Input(placeholder="a guest's name, then Enter", id="guest-name"),
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
            listing.add_option(Option(Text(f"{mark} {name}  ({status})"), id=f"m:{member_id}"))
        for guest in session.guests:
            listing.add_option(Option(Text(f"[x] {guest}  (guest)"), id=f"g:{guest}"))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def focus_first(self) -> None:
        self.query_one("#attendance-list", OptionList).focus()

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

    async def action_enter_field(self) -> None:
        """Enter in the guest or facilitator field: commit and save it now."""
        field = self.focused_input("guest-name", "facilitator")
        await settled(field)
        if field.id == "facilitator":
            self._commit_facilitator()
            self.screen.set_focus(self.query_one("#attendance-list", OptionList))
            return
        try:
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

    def _commit_facilitator(self) -> None:
        name = self.query_one("#facilitator", Input).value.strip()
        if name != self.context.session.facilitator:
            self.commit(set_facilitator(self.context.session, name), "facilitator")

    def leave(self) -> None:
        self._commit_facilitator()
        super().leave()
