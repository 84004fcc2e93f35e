"""Editing the plan by keyboard: every confirmed form is on disk at once."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, Tree

from okrtui.domain.models import Member
from okrtui.domain.quarters import quarter_of
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.kr_form import KeyResultForm
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen, PlanItem
from okrtui.tui.widgets.kr_row import KrRow
from tests.conftest import TODAY

SIZE = (100, 36)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*text)


def cursor_item(app: OkrApp) -> PlanItem | None:
    node = app.screen.query_one(Tree).cursor_node
    return node.data if node is not None else None


async def move_to(pilot: Pilot[None], app: OkrApp, wanted: PlanItem) -> None:
    """Press down until the cursor is on `wanted` (bounded: the tree is small)."""
    for _ in range(40):
        if cursor_item(app) == wanted:
            return
        await pilot.press("down")
    raise AssertionError(f"never reached {wanted}")


async def test_facilitator_builds_a_plan_by_keys_and_it_survives_restart(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Support")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Ana")
        await pilot.press("enter")
        await type_text(pilot, "Ben")
        await pilot.press("enter")
        await type_text(pilot, "Chen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)

        await pilot.press("o")
        await type_text(pilot, "Delight customers")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("k")
        await type_text(pilot, "Close tickets")
        await pilot.press("tab", "tab")  # kind stays "increase"; on to the unit
        await type_text(pilot, "tickets")
        await pilot.press("tab")
        await type_text(pilot, "1,200")
        await pilot.press("tab")
        await type_text(pilot, "4.8k")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("k")
        await type_text(pilot, "Keep the score high")
        await pilot.press("tab", "enter", "down", "down", "enter")  # kind: maintain_min
        await pilot.press("tab", "tab")  # past the unit to the threshold
        await type_text(pilot, "4.5")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    plan = Repository.open(folder).plan()
    (team,) = plan.teams
    assert [m.name for m in team.members] == ["Ana", "Ben", "Chen"]
    (objective,) = plan.objectives
    assert objective.team_id == team.id
    assert objective.quarter == quarter_of(TODAY)
    assert objective.title == "Delight customers"
    increase, maintain = objective.key_results
    assert (increase.kind, increase.unit, increase.baseline, increase.target) == (
        "increase",
        "tickets",
        1200,
        4800,
    )
    assert (maintain.kind, maintain.baseline, maintain.target) == ("maintain_min", None, 4.5)


async def test_kr_form_shows_the_models_message_at_the_field(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Support")
        await pilot.press("ctrl+s", "o")
        await type_text(pilot, "Delight customers")
        await pilot.press("enter", "k")
        await type_text(pilot, "Close tickets")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "500")
        await pilot.press("tab")
        await type_text(pilot, "lots")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, KeyResultForm)
        assert "'lots' is not a number" in str(form.query_one("#target-error", Static).render())

        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "100")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        message = str(form.query_one("#target-error", Static).render())
        assert "needs a target above its baseline" in message
        assert Repository.open(folder).objectives()[0].key_results == []


async def test_editing_a_kr_target_is_on_disk_at_once(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        wanted = PlanItem("kr", "sales", objective_id="obj-upgrade", kr_id="kr-tier1")
        await move_to(pilot, app, wanted)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, KeyResultForm)
        target = form.query_one("#target", Input)
        target.focus()
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "650")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)
        assert cursor_item(app) == wanted
        # On disk before the app even closes.
        on_disk = Repository.open(demo_folder).objectives("sales")[0].key_results[0]
        assert (on_disk.id, on_disk.target, on_disk.baseline) == ("kr-tier1", 650, 0)


async def test_deactivated_member_stays_in_the_team_and_in_old_sessions(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await move_to(pilot, app, PlanItem("member", "sales", member_id="ben"))
        await pilot.press("d")
        await pilot.pause()
        label = app.screen.query_one(Tree).cursor_node
        assert label is not None and "left the team" in str(label.label)

    repository = Repository.open(demo_folder)
    team = repository.team("sales")
    ben = team.member("ben")
    assert ben is not None and not ben.active
    assert "ben" not in [m.id for m in team.active_members]
    first_meeting = repository.sessions("2026-Q4", "sales")[0]
    assert first_meeting.member_name("ben") == "Ben Okafor"
    assert "ben" in first_meeting.member_names


async def test_escape_with_unsaved_edits_asks_before_discarding(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Half-typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Half-typed"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "OnboardingScreen"
    assert Repository.open(tmp_path / "data").teams() == []


async def test_archived_kr_leaves_home_but_stays_in_the_plan(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await move_to(
            pilot, app, PlanItem("kr", "sales", objective_id="obj-upgrade", kr_id="kr-t2-price")
        )
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = [row.status.kr.id for row in app.screen.query(KrRow)]
        assert shown == ["kr-tier1", "kr-tier2", "kr-t1-price"]

    (objective,) = Repository.open(demo_folder).objectives("sales")
    archived = [kr.id for kr in objective.key_results if kr.archived]
    assert archived == ["kr-t2-price"]
    assert len(objective.key_results) == 4


async def test_next_quarter_gets_its_own_objectives(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "2027-Q1" in str(app.screen.query_one("#plan-quarter").render())
        await pilot.press("o")
        await type_text(pilot, "Grow the Tier 1 base")
        await pilot.press("enter")
        await pilot.pause()

    repository = Repository.open(demo_folder)
    assert [o.title for o in repository.objectives("sales", "2027-Q1")] == ["Grow the Tier 1 base"]
    assert len(repository.objectives("sales", "2026-Q4")) == 1


async def test_member_added_then_renamed_keeps_their_id(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("m")
        await type_text(pilot, "Fay Lund")
        await pilot.press("tab")
        await type_text(pilot, "Intern")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_item(app) == PlanItem("member", "sales", member_id="fay-lund")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, "qvist")
        await pilot.press("enter")
        await pilot.pause()

    team = Repository.open(demo_folder).team("sales")
    fay = team.member("fay-lund")
    assert fay is not None
    assert (fay.name, fay.role, fay.active) == ("Fay Lundqvist", "Intern", True)
    assert len(team.members) == 6


async def test_renaming_a_team_keeps_a_member_imported_while_the_form_was_open(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await move_to(pilot, app, PlanItem("team", "sales"))
        await pilot.press("e")
        await pilot.pause()
        # Another okrtui (a plan import, another facilitator) adds a member meanwhile.
        elsewhere = Repository.open(demo_folder)
        team = elsewhere.team("sales")
        noor = Member(id="noor", name="Noor Haddad")
        elsewhere.save_team(team.model_copy(update={"members": [*team.members, noor]}))
        await pilot.press("end")
        await type_text(pilot, " EMEA")
        await pilot.press("enter")
        await pilot.pause()

    team = Repository.open(demo_folder).team("sales")
    assert team.name == "Sales EMEA"
    assert team.member("noor") == noor
