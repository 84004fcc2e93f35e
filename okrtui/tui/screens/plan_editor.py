"""The plan editor: teams, members, their agendas, and each quarter's objectives and key
results, as a tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Label, Tree
from textual.widgets.tree import TreeNode

from okrtui.domain import kr_words
from okrtui.domain.agenda import resolved, team_agenda
from okrtui.domain.models import Objective, SessionKind, Team
from okrtui.domain.quarters import next_quarter, previous_quarter, quarter_of
from okrtui.domain.text import one_line
from okrtui.store import StoreError
from okrtui.tui.dialogs.form import FormDialog
from okrtui.tui.dialogs.kr_form import KeyResultForm
from okrtui.tui.dialogs.member_form import MemberForm
from okrtui.tui.dialogs.objective_form import ObjectiveForm
from okrtui.tui.dialogs.team_form import TeamForm
from okrtui.tui.watch import DataWatch
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.plain_text import cell

if TYPE_CHECKING:
    from okrtui.store import Store
    from okrtui.tui.app import OkrApp

ItemKind = Literal["team", "members", "member", "agenda", "objectives", "objective", "kr"]


@dataclass(frozen=True)
class PlanItem:
    """What a line of the tree stands for."""

    kind: ItemKind
    team_id: str
    member_id: str | None = None
    objective_id: str | None = None
    kr_id: str | None = None
    agenda_kind: SessionKind | None = None


class PlanEditorScreen(Screen[None]):
    """Edit the plan by keyboard; each confirmed form is saved at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Short words for the footer; the tooltips are what the help screen shows.
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the home screen"),
        Binding("m", "add_member", "Member", tooltip="Add a member to the team"),
        Binding("o", "add_objective", "Objective", tooltip="Add an objective to the quarter"),
        Binding("k", "add_kr", "KR", tooltip="Add a key result to the objective"),
        Binding("e", "edit", "Edit", tooltip="Edit what the cursor is on (or enter)"),
        Binding(
            "d",
            "toggle_active",
            "Archive",
            tooltip="Deactivate or bring back a member; archive or restore an objective or KR",
        ),
        Binding("n", "new_team", "New team", show=False),
        Binding("left_square_bracket", "quarter(-1)", "Previous quarter", show=False),
        Binding("right_square_bracket", "quarter(1)", "Next quarter", show=False),
    ]

    def __init__(self, team_id: str | None = None) -> None:
        super().__init__()
        self.start_team_id = team_id
        self.quarter = ""

    @property
    def repository(self) -> Store:
        """The app's repository."""
        return cast("OkrApp", self.app).repository

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="plan-quarter", markup=False)
        tree: Tree[PlanItem] = Tree("Plan", id="plan-tree")
        tree.show_root = False
        tree.auto_expand = False
        yield tree
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Plan"
        app = cast("OkrApp", self.app)
        self.quarter = quarter_of(app.today)
        team_id = self.start_team_id
        if team_id and not self.repository.objectives(team_id, self.quarter):
            quarters = self.repository.objective_quarters(team_id)
            self.quarter = quarters[0] if quarters else self.quarter
        self.rebuild(PlanItem("team", team_id) if team_id else None)
        self.query_one(Tree).focus()
        # Another okrtui (an import, a second editor) may change the plan meanwhile.
        self.data_watch = DataWatch(self, ["plan"], self._plan_changed)

    def _plan_changed(self) -> None:
        """Redraw the plan as it is now, the cursor staying on what it was on."""
        node = cast("Tree[PlanItem]", self.query_one(Tree)).cursor_node
        self.rebuild(node.data if node is not None else None)

    # -- drawing ------------------------------------------------------------------------

    def rebuild(self, select: PlanItem | None = None) -> None:
        """Redraw the tree from the repository, putting the cursor on `select`."""
        self.query_one("#plan-quarter", Label).update(
            f"Objectives shown for {self.quarter}  ([ and ] change quarter)"
        )
        tree = cast("Tree[PlanItem]", self.query_one(Tree))
        tree.clear()
        teams = self.repository.teams()
        if not teams:
            tree.root.add_leaf(Text("No teams yet: press n to create one.", style="italic"))
        for team in teams:
            self._add_team(tree.root, team)
        tree.root.expand_all()
        if select is not None:
            self._move_to(tree, select)

    def _add_team(self, root: TreeNode[PlanItem], team: Team) -> None:
        label = cell(team.name, style="bold")
        if team.aligned_objective:
            label.append(f"  — aligned to: {one_line(team.aligned_objective)}", style="dim")
        node = root.add(label, PlanItem("team", team.id))
        members = node.add(
            Text(f"Members ({len(team.active_members)} active)"), PlanItem("members", team.id)
        )
        for member in team.members:
            text = cell(member.name)
            if member.role:
                text.append(f" · {one_line(member.role)}", style="dim")
            if not member.active:
                text.append("  (left the team)", style="italic dim")
            members.add_leaf(text, PlanItem("member", team.id, member_id=member.id))
        for kind in ("weekly", "quarterly"):
            self._add_agenda(node, team, kind)
        objectives = node.add(Text(f"Objectives {self.quarter}"), PlanItem("objectives", team.id))
        found = self.repository.objectives(team.id, self.quarter, include_archived=True)
        if not found:
            objectives.add_leaf(
                Text("none yet: press o to add one", style="italic dim"),
                PlanItem("objectives", team.id),
            )
        for objective in found:
            self._add_objective(objectives, objective)

    def _add_agenda(self, parent: TreeNode[PlanItem], team: Team, kind: SessionKind) -> None:
        own = team.weekly_agenda if kind == "weekly" else team.quarterly_agenda
        steps = [resolved(s, kind) for s in team_agenda(team, kind).steps]
        label = Text(f"{kind.capitalize()} agenda: ")
        label.append("its own" if own is not None else "built-in")
        label.append(
            f"  {len(steps)} steps, {sum(s.minutes for s in steps)} min (enter edits)", style="dim"
        )
        parent.add_leaf(label, PlanItem("agenda", team.id, agenda_kind=kind))

    def _add_objective(self, parent: TreeNode[PlanItem], objective: Objective) -> None:
        text = cell(objective.title, style="bold")
        if objective.archived:
            text.append("  (archived)", style="italic dim")
        node = parent.add(text, PlanItem("objective", objective.team_id, objective_id=objective.id))
        if not objective.key_results:
            node.add_leaf(
                Text("no key results yet: press k to add one", style="italic dim"),
                PlanItem("objective", objective.team_id, objective_id=objective.id),
            )
        for kr in objective.key_results:
            line = cell(kr.title)
            line.append(f"  {one_line(kr_words.goal(kr))}", style="dim")
            if kr.archived:
                line.append("  (archived)", style="italic dim")
            node.add_leaf(
                line, PlanItem("kr", objective.team_id, objective_id=objective.id, kr_id=kr.id)
            )

    def _move_to(self, tree: Tree[PlanItem], wanted: PlanItem) -> None:
        def visit(node: TreeNode[PlanItem]) -> TreeNode[PlanItem] | None:
            if node.data == wanted:
                return node
            for child in node.children:
                found = visit(child)
                if found is not None:
                    return found
            return None

        node = visit(tree.root)
        if node is not None:
            # A freshly built tree knows its line numbers only after the next refresh.
            self.call_after_refresh(tree.move_cursor, node)

    # -- what the cursor is on ------------------------------------------------------------

    @property
    def item(self) -> PlanItem | None:
        """The item under the cursor."""
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def _team(self) -> Team | None:
        item = self.item
        teams = self.repository.teams()
        if item is None:
            return teams[0] if teams else None
        return self.repository.team(item.team_id)

    def _objective(self, objective_id: str | None) -> Objective | None:
        found = self.repository.objectives(include_archived=True)
        return next((o for o in found if o.id == objective_id), None)

    def _open(self, form: FormDialog[Any], selected: Callable[[Any], PlanItem]) -> None:
        def saved(result: Any) -> None:
            if result is not None:
                self.rebuild(selected(result))
                self.notify("Saved.", timeout=2)

        self.app.push_screen(form, saved)

    # -- actions --------------------------------------------------------------------------

    def action_new_team(self) -> None:
        """Create a team."""
        self._open(TeamForm(), lambda team: PlanItem("team", team.id))

    def action_add_member(self) -> None:
        """Add a member to the team under the cursor."""
        team = self._team()
        if team is None:
            self.notify("Create a team first (n).", severity="warning")
            return
        self._open(
            MemberForm(team),
            lambda member: PlanItem("member", team.id, member_id=member.id),
        )

    def action_add_objective(self) -> None:
        """Add an objective to the team under the cursor, in the quarter shown."""
        team = self._team()
        if team is None:
            self.notify("Create a team first (n).", severity="warning")
            return
        self._open(
            ObjectiveForm(team.id, self.quarter),
            lambda o: PlanItem("objective", team.id, objective_id=o.id),
        )

    def action_add_kr(self) -> None:
        """Add a key result to the objective under the cursor."""
        item = self.item
        objective = self._objective(item.objective_id if item else None)
        if objective is None:
            found = self.repository.objectives(item.team_id, self.quarter) if item else []
            if len(found) != 1:
                self.notify("Put the cursor on an objective first.", severity="warning")
                return
            objective = found[0]
        target = objective
        self._open(
            KeyResultForm(target),
            lambda kr: PlanItem("kr", target.team_id, objective_id=target.id, kr_id=kr.id),
        )

    def action_edit(self) -> None:
        """Edit what is under the cursor."""
        item = self.item
        if item is None:
            return
        team = self.repository.team(item.team_id)
        objective = self._objective(item.objective_id)
        if item.kind == "member" and item.member_id:
            member = team.member(item.member_id)
            self._open(MemberForm(team, member), lambda _: item)
        elif item.kind == "kr" and objective is not None:
            kr = next((k for k in objective.key_results if k.id == item.kr_id), None)
            self._open(KeyResultForm(objective, kr), lambda _: item)
        elif item.kind == "objective" and objective is not None:
            self._open(ObjectiveForm(team.id, objective.quarter, objective), lambda _: item)
        elif item.kind == "team":
            self._open(TeamForm(team), lambda _: item)
        elif item.kind == "agenda" and item.agenda_kind is not None:
            from okrtui.tui.screens.agenda_editor import AgendaEditorScreen

            self.app.push_screen(
                AgendaEditorScreen(team.id, item.agenda_kind), lambda _: self.rebuild(item)
            )
        elif item.kind == "members":
            self.action_add_member()
        elif item.kind == "objectives":
            self.action_add_objective()

    def on_tree_node_selected(self, event: Tree.NodeSelected[PlanItem]) -> None:
        event.stop()
        self.action_edit()

    def action_toggle_active(self) -> None:
        """Deactivate (or bring back) a member; archive (or restore) an objective or KR."""
        item = self.item
        if item is None:
            return
        try:
            message = self._toggle(item)
        except StoreError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        if message:
            self.rebuild(item)
            self.notify(message, timeout=3, markup=False)

    def _toggle(self, item: PlanItem) -> str:
        repository = self.repository
        if item.kind == "member" and item.member_id:

            def toggle_member(team: Team) -> Team:
                members = [
                    m.model_copy(update={"active": not m.active}) if m.id == item.member_id else m
                    for m in team.members
                ]
                return team.model_copy(update={"members": members})

            team = repository.update_team(item.team_id, toggle_member)
            changed = next(m for m in team.members if m.id == item.member_id)
            if changed.active:
                return f"{changed.name} is back on the team."
            return f"{changed.name} left the team; their history stays."
        objective = self._objective(item.objective_id)
        if objective is None:
            self.notify("Choose a member, objective or key result to do that.")
            return ""
        if item.kind == "kr":

            def toggle_kr(now: Objective) -> Objective:
                krs = [
                    kr.model_copy(update={"archived": not kr.archived})
                    if kr.id == item.kr_id
                    else kr
                    for kr in now.key_results
                ]
                return now.model_copy(update={"key_results": krs})

            after = repository.update_objective(objective.id, toggle_kr)
            changed_kr = next(kr for kr in after.key_results if kr.id == item.kr_id)
            return "Key result archived." if changed_kr.archived else "Key result restored."
        after = repository.update_objective(
            objective.id, lambda now: now.model_copy(update={"archived": not now.archived})
        )
        return "Objective archived." if after.archived else "Objective restored."

    def action_quarter(self, step: int) -> None:
        """Show the objectives of the previous or next quarter."""
        self.quarter = next_quarter(self.quarter) if step > 0 else previous_quarter(self.quarter)
        self.rebuild(self.item)
