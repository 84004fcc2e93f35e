"""First run: an empty data folder opens on onboarding, and each of its three paths works."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from okrtui.domain.plan import dump_plan
from okrtui.domain.sample import sample_plan
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.onboarding import OnboardingScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen
from okrtui.tui.widgets.kr_row import KrRow
from tests.conftest import TODAY

SIZE = (100, 36)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*text)


async def clear_input(pilot: Pilot[None]) -> None:
    await pilot.press("home", "ctrl+k")


def error_text(app: OkrApp) -> str:
    return str(app.screen.query_one("#plan-path-error", Static).render())


async def test_empty_folder_opens_on_onboarding(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        assert app.team_id is None
    # Looking is not writing: nothing is created until the user chooses something.
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


async def test_newcomer_imports_a_plan_file_after_fixing_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # paths typed relative to where okrtui was started
    good = tmp_path / "plan.toml"
    good.write_text(dump_plan(sample_plan()), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(
        dump_plan(sample_plan()).replace('kind = "increase"', 'kind = "grow"', 1),
        encoding="utf-8",
    )
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, "nothing.toml")
        await pilot.pause()
        assert "There is no such file" in error_text(app)

        await clear_input(pilot)
        await type_text(pilot, bad.name)
        await pilot.press("enter")
        await pilot.pause()
        # The import's own message, naming the field, shown where the path was typed.
        assert isinstance(app.screen, OnboardingScreen)
        assert "kind" in error_text(app) and "must be one of" in error_text(app)
        assert Repository.open(tmp_path / "data").teams() == []

        await clear_input(pilot)
        await type_text(pilot, good.name)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen.query(KrRow)) == 4

    reopened = Repository.open(tmp_path / "data")
    assert [t.name for t in reopened.teams()] == ["Sales"]
    assert len(reopened.objectives("sales")) == 1


async def test_newcomer_creates_a_team_with_the_form(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Support")
        await pilot.press("tab")
        await type_text(pilot, "Happy customers")
        await pilot.press("tab")
        await type_text(pilot, "Ana Costa")
        await pilot.press("enter")
        await type_text(pilot, "Ben")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Next stop: the plan editor, to add the team's objectives.
        assert isinstance(app.screen, PlanEditorScreen)
        assert app.team_id == "support"

    team = Repository.open(tmp_path / "data").team("support")
    assert team.name == "Support"
    assert team.aligned_objective == "Happy customers"
    assert [m.name for m in team.members] == ["Ana Costa", "Ben"]


async def test_newcomer_opens_the_demo_in_its_own_folder(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.team_id == "sales"
        assert len(app.screen.query(KrRow)) == 4
        assert app.screen.query_one("#recent-table", DataTable).row_count == 6
    # The demo lives in DATA/demo; the user's own folder stays empty.
    assert Repository.open(tmp_path / "data" / "demo").teams()[0].name == "Sales"
    assert Repository.open(tmp_path / "data").teams() == []
