"""A team's weekly or quarterly agenda: its steps in order, edited by keys, saved at once.

Built-in steps left off the agenda are listed under it, so one key puts them back. Every
change goes through `Store.update_team`; meetings already held keep their own copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.agenda import agenda, resolved, team_agenda, with_team_agenda
from okrtui.domain.agenda_edits import add_builtin, move_step, remove_step
from okrtui.domain.models import Agenda, SessionKind, Team
from okrtui.domain.text import escape_control
from okrtui.store import StoreError
from okrtui.tui.dialogs.agenda_step_form import AgendaStepForm
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from okrtui.store import Store
    from okrtui.tui.app import OkrApp

# Option ids: a step on the agenda, or a built-in step left off it.
ON, OFF = "on:", "off:"


class AgendaEditorScreen(Screen[None]):
    """The steps of one of a team's agendas; each change is saved into the team at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Back", tooltip="Back to the plan"),
        Binding("e", "edit", "Edit", tooltip="Edit the step's title and timebox (or enter)"),
        Binding("a", "add_discussion", "Discussion", tooltip="Add a discussion step here"),
        Binding("shift+up,K", "move(-1)", "Up", tooltip="Move the step one place earlier"),
        Binding("shift+down,J", "move(1)", "Down", tooltip="Move the step one place later"),
        Binding(
            "d,delete",
            "toggle_step",
            "Off/on",
            tooltip="Take the step off the agenda, or put a built-in step back",
        ),
        Binding("r", "reset", "Built-in", tooltip="Go back to the built-in agenda"),
    ]

    def __init__(self, team_id: str, kind: SessionKind) -> None:
        super().__init__()
        self.team_id = team_id
        self.kind = kind

    @property
    def repository(self) -> Store:
        """The app's repository."""
        return cast("OkrApp", self.app).repository

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="agenda-summary", markup=False)
        yield OptionList(id="agenda-steps")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"{'Weekly' if self.kind == 'weekly' else 'Quarterly'} agenda"
        self.redraw()
        self.query_one(OptionList).focus()

    # -- drawing ------------------------------------------------------------------------

    @property
    def team(self) -> Team:
        """The team as it is on disk now."""
        return self.repository.team(self.team_id)

    def redraw(self, select: str | None = None) -> None:
        """List the agenda's steps, then the built-in ones left off; cursor on `select`."""
        team = self.team
        own = team.weekly_agenda if self.kind == "weekly" else team.quarterly_agenda
        steps = [resolved(s, self.kind) for s in team_agenda(team, self.kind).steps]
        total = sum(s.minutes for s in steps)
        whose = "its own" if own is not None else "the built-in one"
        self.query_one("#agenda-summary", Label).update(
            f"{escape_control(team.name)}: {len(steps)} steps, {total} min ({whose}); "
            "meetings held keep theirs"
        )
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for number, step in enumerate(steps, start=1):
            line = Text(f"{number:>2} {escape_control(step.title)}")
            line.append(f"  {step.minutes} min", style="dim")
            if step.discussion:
                line.append("  discussion", style="italic")
                if step.prompt:
                    line.append(f": {escape_control(step.prompt)}", style="dim")
            listing.add_option(Option(line, id=ON + step.key))
        on_agenda = {s.key for s in steps}
        for step in agenda(self.kind):
            if step.key not in on_agenda:
                line = Text(f"   {step.title}  off the agenda (d puts it back)", style="dim")
                listing.add_option(Option(line, id=OFF + step.key))
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        if select is not None and select in ids:
            listing.highlighted = ids.index(select)
        elif highlighted is not None and listing.option_count:
            listing.highlighted = min(highlighted, listing.option_count - 1)
        else:
            listing.highlighted = 0

    # -- what the cursor is on ----------------------------------------------------------

    def _cursor(self) -> str:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return ""
        return listing.get_option_at_index(listing.highlighted).id or ""

    def _change(self, edit: Callable[[Agenda], Agenda | None], select: str | None = None) -> None:
        """Apply `edit` to the agenda as it is on disk now and save it; say why not."""
        kind = self.kind

        def change(team: Team) -> Team:
            return with_team_agenda(team, kind, edit(team_agenda(team, kind)))

        try:
            self.repository.update_team(self.team_id, change)
        except ValueError as exc:  # the edit would leave the agenda unusable
            self.notify(str(exc).capitalize() + ".", severity="warning", markup=False)
            return
        except StoreError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.redraw(select)

    # -- actions ------------------------------------------------------------------------

    def action_move(self, by: int) -> None:
        """Move the step under the cursor earlier or later."""
        cursor = self._cursor()
        if not cursor.startswith(ON):
            return
        key = cursor.removeprefix(ON)
        self._change(lambda own: move_step(self.kind, own, key, by), select=cursor)

    def action_toggle_step(self) -> None:
        """Take the step off the agenda (asking first for a discussion step), or put a
        built-in one back."""
        cursor = self._cursor()
        kind = self.kind
        if cursor.startswith(OFF):
            key = cursor.removeprefix(OFF)
            self._change(lambda own: add_builtin(kind, own, key), select=ON + key)
            return
        if not cursor.startswith(ON):
            return
        key = cursor.removeprefix(ON)
        step = next(s for s in team_agenda(self.team, kind).steps if s.key == key)
        if not step.discussion:
            self._change(lambda own: remove_step(kind, own, key), select=OFF + key)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda own: remove_step(kind, own, key))

        self.app.push_screen(
            ConfirmDialog(
                f"Remove the discussion step “{step.title}” from the agenda?",
                yes="Remove",
                no="Keep it",
            ),
            answered,
        )

    def action_edit(self) -> None:
        """Edit the step under the cursor (a built-in step off the agenda is put back)."""
        cursor = self._cursor()
        if cursor.startswith(OFF):
            self.action_toggle_step()
            return
        key = cursor.removeprefix(ON)
        team = self.team
        step = next((s for s in team_agenda(team, self.kind).steps if s.key == key), None)
        if step is not None:
            self._open(AgendaStepForm(team, self.kind, step))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add_discussion(self) -> None:
        """Add a discussion step of the team's own after the step under the cursor."""
        cursor = self._cursor()
        after = cursor.removeprefix(ON) if cursor.startswith(ON) else None
        self._open(AgendaStepForm(self.team, self.kind, after=after))

    def _open(self, form: AgendaStepForm) -> None:
        def saved(result: object) -> None:
            if result is not None:
                self.redraw()
                self.notify("Saved.", timeout=2)

        self.app.push_screen(form, saved)

    def action_reset(self) -> None:
        """Go back to the built-in agenda, after asking."""

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda own: None)

        self.app.push_screen(
            ConfirmDialog(
                "Go back to the built-in agenda? The team's own steps and timeboxes are dropped.",
                yes="Built-in agenda",
                no="Keep this one",
            ),
            answered,
        )
