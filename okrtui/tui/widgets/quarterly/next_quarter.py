"""Draft next quarter: carry objectives and key results forward, edit, drop, add, then save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain import kr_words
from okrtui.domain.limits import Fills
from okrtui.domain.models import DraftKeyResult, DraftObjective, Objective
from okrtui.domain.next_quarter import (
    DraftError,
    add_key_result,
    add_objective,
    draft_next_quarter,
    edit_key_result,
    edit_objective,
    kr_problem,
    next_kind,
    planned_objectives,
)
from okrtui.domain.numbers import format_number, parse_number
from okrtui.domain.quarters import next_quarter
from okrtui.domain.text import escape_control
from okrtui.store import StoreError
from okrtui.tui.widgets.quarterly.base import QuarterlyStep
from okrtui.tui.widgets.steps.base import Field, field
from okrtui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


class NextQuarterStep(QuarterlyStep):
    """The draft as a list: e edit, t kind, d drop/keep, k new KR, o new objective, s save."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit"),
        Binding("t", "kind", "KR kind"),
        Binding("d,delete", "drop", "Drop/keep"),
        Binding("k", "add_kr", "New KR"),
        Binding("o", "add_objective", "New objective"),
        Binding("s", "save_plan", "Save into plan"),
    ]

    @dataclass
    class PlanSaveRequested(Message):
        """The room agreed on the draft: the meeting screen saves `objectives` into the plan
        (in one transaction) and answers with `plan_saved`."""

        step: NextQuarterStep
        objectives: list[Objective]

    def compose(self) -> ComposeResult:
        yield Static("", id="nq-heading", classes="hint")
        yield OptionList(id="draft-list")
        yield Static("", id="nq-status")
        # Objectives' and key results' titles are the same kind of text (a line).
        yield from field(
            "Title",
            TextInput(
                fills=Fills(DraftKeyResult, "title", "The title"),
                id="nq-title",
                select_on_focus=False,
            ),
        )
        yield from field(
            "Baseline (increase / decrease only)", Input(id="nq-baseline", select_on_focus=False)
        )
        yield from field(
            "Target, or the threshold to hold", Input(id="nq-target", select_on_focus=False)
        )

    def on_mount(self) -> None:
        # What the editor fields below the list are changing: (objective id, key result id).
        self.editing: tuple[str, str | None] | None = None
        self.save_armed = False
        # Only draw here: the draft is started when the step is entered, not when it mounts.
        self._render_draft()

    @property
    def target_quarter(self) -> str:
        """The quarter being drafted."""
        return next_quarter(self.quarter)

    @property
    def drafts(self) -> list[DraftObjective]:
        """The draft as the session holds it."""
        return self.context.session.next_quarter_plan

    def focus_first(self) -> None:
        self.move_to(self.query_one("#draft-list", OptionList))

    # -- the draft ---------------------------------------------------------------------------

    def show_step(self) -> None:
        if not self.drafts and not self.context.session.next_quarter_saved:
            self._start_draft()
        self._render_draft()

    def _render_draft(self) -> None:
        heading = (
            f"Draft of {self.target_quarter}: new baselines are this quarter's final values. "
            "e edit · t kind · d drop/keep · k new KR · o new objective · s save into the plan"
        )
        others = self._planned_elsewhere()
        if others:
            # Saving adds to the plan; say so before anyone expects it to replace.
            heading += (
                f"\n{self.target_quarter} already has {others} other objective"
                f"{'s' if others != 1 else ''} in the plan; saving adds these beside them."
            )
        self.query_one("#nq-heading", Static).update(heading)
        listing = self.query_one("#draft-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for objective in self.drafts:
            listing.add_option(Option(_objective_line(objective), id=f"o:{objective.id}"))
            for kr in objective.key_results:
                listing.add_option(
                    Option(
                        _kr_line(kr, objective.dropped, self._error_style()),
                        id=f"k:{objective.id}:{kr.id}",
                    )
                )
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
        self._show_status()

    def _start_draft(self) -> None:
        """Carry this quarter's objectives forward, each KR starting from its final value."""
        finals = {p.kr.id: p.final_value for p in self.paths()}
        finals |= {
            s.kr_id: s.final_value for s in self.context.session.scores if s.final_value is not None
        }
        # Descriptions and alignment come from the plan; titles and KRs from the review.
        planned = {o.id: o for o in self.context.objectives}
        objectives = [
            o.model_copy(
                update={
                    "description": planned[o.id].description if o.id in planned else "",
                    "aligned_to": planned[o.id].aligned_to if o.id in planned else "",
                }
            )
            for o in self.objectives()
        ]
        drafts = draft_next_quarter(objectives, finals)
        self._commit(drafts, f"next quarter drafted ({self.target_quarter})")

    def _planned_elsewhere(self) -> int:
        """Objectives of the drafted quarter already in the plan that this draft did not write."""
        try:
            planned = cast("OkrApp", self.app).repository.objectives(
                self.context.session.team_id, self.target_quarter
            )
        except StoreError:
            return 0
        drafted = {d.id for d in self.drafts}
        return sum(1 for o in planned if o.id not in drafted)

    def _commit(self, drafts: list[DraftObjective], what: str) -> None:
        self.save_armed = False
        session = self.context.session.model_copy(
            update={"next_quarter_plan": drafts, "next_quarter_saved": False}
        )
        self.commit(session, what)

    def _show_status(self) -> None:
        status = self.query_one("#nq-status", Static)
        session = self.context.session
        if session.next_quarter_saved:
            saved = Style(color=self.app.theme_variables["text-success"])
            status.update(Text(f"Saved into the plan for {self.target_quarter}.", style=saved))
        elif self.save_armed:
            status.update(Text("Press s again to save the draft into the plan.", style="bold"))
        else:
            status.update("")

    def _error_style(self) -> Style:
        """What a problem is written in: the theme's error colour, legible on light themes."""
        return Style(color=self.app.theme_variables["text-error"], bold=True)

    def _selected_ids(self) -> tuple[str, str | None] | None:
        listing = self.query_one("#draft-list", OptionList)
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id or ""
        parts = option_id.split(":")
        return (parts[1], parts[2] if len(parts) > 2 else None)

    def _find(self, ids: tuple[str, str | None]) -> tuple[DraftObjective, DraftKeyResult | None]:
        objective = next(d for d in self.drafts if d.id == ids[0])
        kr = next((k for k in objective.key_results if k.id == ids[1]), None)
        return objective, kr

    def _highlight(self, objective_id: str, kr_id: str | None) -> None:
        listing = self.query_one("#draft-list", OptionList)
        option_id = f"k:{objective_id}:{kr_id}" if kr_id else f"o:{objective_id}"
        listing.highlighted = listing.get_option_index(option_id)

    # -- keys on the list --------------------------------------------------------------------

    def action_edit(self) -> None:
        """Load the highlighted objective or key result into the fields below."""
        ids = self._selected_ids()
        if ids is None:
            return
        objective, kr = self._find(ids)
        self.editing = ids
        self.query_one("#nq-title", Input).value = kr.title if kr else objective.title
        baseline = kr.baseline if kr and kr.baseline is not None else None
        target = kr.target if kr and kr.target is not None else None
        # In the team's locale, so that Enter reads back the same number.
        locale = self.context.team.locale
        for input_id, value in (("#nq-baseline", baseline), ("#nq-target", target)):
            shown = "" if value is None else format_number(value, locale=locale)
            self.query_one(input_id, Input).value = shown
        for input_id in ("#nq-title", "#nq-baseline", "#nq-target"):
            editor = self.query_one(input_id, Input)
            editor.cursor_position = len(editor.value)
        self.move_to(self.query_one("#nq-title", Input))

    @on(OptionList.OptionSelected, "#draft-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_kind(self) -> None:
        """Cycle the highlighted key result's kind."""
        ids = self._selected_ids()
        if ids is None or ids[1] is None:
            return
        _, kr = self._find(ids)
        assert kr is not None
        kind = next_kind(kr.kind)
        self._commit(edit_key_result(self.drafts, kr.id, kind=kind), f"KR kind {kind}")
        self.show_step()

    def action_drop(self) -> None:
        """Drop the highlighted objective or key result from the draft, or keep it again."""
        ids = self._selected_ids()
        if ids is None:
            return
        objective, kr = self._find(ids)
        if kr is not None:
            drafts = edit_key_result(self.drafts, kr.id, dropped=not kr.dropped)
            title = escape_control(kr.title) or "new KR"
            what = f"{title} {'kept' if kr.dropped else 'dropped'}"
        else:
            drafts = edit_objective(self.drafts, objective.id, dropped=not objective.dropped)
            title = escape_control(objective.title) or "new objective"
            what = f"{title} {'kept' if objective.dropped else 'dropped'}"
        self._commit(drafts, what)
        self.show_step()

    def action_add_kr(self) -> None:
        """Add a key result to the highlighted objective and start editing it."""
        ids = self._selected_ids()
        if ids is None:
            self.notify("Add an objective first (o).")
            return
        drafts, kr_id = add_key_result(self.drafts, ids[0])
        self._commit(drafts, "new key result")
        self.show_step()
        self._highlight(ids[0], kr_id)
        self.action_edit()

    def action_add_objective(self) -> None:
        """Add an objective and start editing it."""
        drafts, objective_id = add_objective(self.drafts)
        self._commit(drafts, "new objective")
        self.show_step()
        self._highlight(objective_id, None)
        self.action_edit()

    def action_save_plan(self) -> None:
        """Save the kept objectives into next quarter's plan (asks for a second s first)."""
        try:
            objectives = planned_objectives(
                self.drafts, self.context.session.team_id, self.target_quarter
            )
        except DraftError as exc:
            self.query_one("#nq-status", Static).update(
                Text("Fix these first: " + "; ".join(exc.problems), style=self._error_style())
            )
            return
        if not self.save_armed:
            self.save_armed = True
            self._show_status()
            return
        self.save_armed = False
        self.post_message(self.PlanSaveRequested(self, objectives))

    def plan_saved(self, problem: str | None) -> None:
        """The screen's answer to `PlanSaveRequested`: None when the plan was saved."""
        if problem is not None:
            self.query_one("#nq-status", Static).update(
                Text(f"Not saved into the plan: {problem}", style=self._error_style())
            )
            return
        self.show_step()

    # -- the editor fields ---------------------------------------------------------------------

    def field_committed(self, field: Field) -> None:
        """Enter in the title, the baseline or the target of what is being edited."""
        if not isinstance(field, Input):
            return  # every field of this step is one line
        if field.id == "nq-title":
            self._title(field)
        elif field.id in ("nq-baseline", "nq-target"):
            self._number(field)

    def _title(self, field: Input) -> None:
        if self.editing is None:
            self.focus_first()
            return
        objective_id, kr_id = self.editing
        model = DraftKeyResult if kr_id is not None else DraftObjective
        try:
            title = Fills(model, "title", "The title").check(" ".join(field.value.split()))
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        if not title:
            self.show_error(field, "the title cannot be empty")
            return
        self.clear_error(field)
        if kr_id is None:
            self._commit(edit_objective(self.drafts, objective_id, title=title), "objective title")
            self.show_step()
            self._done_editing()
            return
        self._commit(edit_key_result(self.drafts, kr_id, title=title), "KR title")
        self.show_step()
        _, kr = self._find(self.editing)
        assert kr is not None
        if kr.kind in ("increase", "decrease"):
            self.move_to(self.query_one("#nq-baseline", Input))
        elif kr.kind == "milestone":
            self._done_editing()
        else:
            self.move_to(self.query_one("#nq-target", Input))

    def _number(self, field: Input) -> None:
        if self.editing is None or self.editing[1] is None:
            self.focus_first()
            return
        kr_id = self.editing[1]
        name = "baseline" if field.id == "nq-baseline" else "target"
        _, draft = self._find(self.editing)
        locale = self.context.team.locale
        unit = draft.unit if draft is not None else None
        try:
            value = (
                parse_number(field.value, locale=locale, unit=unit) if field.value.strip() else None
            )
        except ValueError as exc:
            self.show_error(field, str(exc))
            return
        self.clear_error(field)
        self._commit(edit_key_result(self.drafts, kr_id, **{name: value}), f"KR {name}")
        self.show_step()
        _, kr = self._find(self.editing)
        assert kr is not None
        if name == "baseline":
            self.move_to(self.query_one("#nq-target", Input))
            return
        problem = kr_problem(kr)
        if problem:
            # Stay on the field: the plan would refuse this key result.
            self.show_error(field, problem)
            return
        self._done_editing()

    def escaped(self, focused: Widget) -> None:
        """Escape (the step base's): stop editing and go back to the list."""
        self.action_stop_editing()

    def action_stop_editing(self) -> None:
        """Leave the fields (what was committed with Enter stays) and go back to the list."""
        for input_id in ("#nq-title", "#nq-baseline", "#nq-target"):
            self.clear_error(self.query_one(input_id, Input))
        self._done_editing()

    def _done_editing(self) -> None:
        if self.editing is not None:
            self._highlight(*self.editing)
        self.editing = None
        for input_id in ("#nq-title", "#nq-baseline", "#nq-target"):
            self.query_one(input_id, Input).value = ""
        self.focus_first()


def _objective_line(objective: DraftObjective) -> Text:
    title = escape_control(objective.title) or "(new objective: e to name it)"
    style = "dim strike" if objective.dropped else "bold"
    suffix = "  (dropped)" if objective.dropped else ""
    return Text(f"▸ {title}{suffix}", style=style)


def _kr_line(kr: DraftKeyResult, objective_dropped: bool, error: Style) -> Text:
    title = kr_words.title(kr, untitled="(new key result: e to edit it)")
    numbers = "done or % complete" if kr.kind == "milestone" else kr_words.goal(kr)
    line = Text(escape_control(f"    {title} · {kr_words.kind_word(kr.kind)} · {numbers}"))
    if kr.dropped or objective_dropped:
        line.stylize("dim strike")
        line.append("  (dropped)", style="dim")
        return line
    problem = kr_problem(kr)
    if problem:
        line.append(f"  ⚠ {problem}", style=error)
    return line
