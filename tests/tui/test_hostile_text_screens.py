"""Hostile text in a plan file and in stored records: every screen shows it as text.

Markup is shown literally and never read as a style, a link or an action; control characters
a data file holds are written visibly and never reach the terminal raw; a plan file with text
that typing refuses is refused in plain words.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w
from textual.widgets import DataTable, Input, Static

from okrtui.domain.models import KeyResult, Team
from okrtui.domain.plan import dump_plan
from okrtui.domain.text import STORED, escape_control
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.resume_or_new import ResumeOrNewDialog
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.screens.onboarding import OnboardingScreen
from okrtui.tui.screens.trends import TrendsScreen
from tests.conftest import TODAY
from tests.hostile_text import CONTROL, LONG, MARKUP, NEWLINE
from tests.tui.hostile_screens import (
    Walk,
    hostile_meetings,
    hostile_plan,
    screen_text,
    walk_stored_hostile,
)
from tests.tui.meeting_helpers import FakeClock

SIZE = (120, 40)
NEXT_WEEK = TODAY + timedelta(days=7)


def _rename_kr(folder: Path, kr_id: str, **fields: str) -> None:
    repository = Repository.open(folder)
    objective = repository.objectives("sales", "2026-Q4")[0]
    krs = [
        KeyResult.model_validate({**kr.model_dump(), **fields}) if kr.id == kr_id else kr
        for kr in objective.key_results
    ]
    repository.save_objective(objective.model_copy(update={"key_results": krs}))


def _rename_team(folder: Path, name: str) -> None:
    repository = Repository.open(folder)
    team = repository.team("sales")
    repository.save_team(Team.model_validate({**team.model_dump(), "name": name}, context=STORED))


async def test_checkin_on_a_kr_titled_with_a_closing_tag_is_saved_and_said(
    demo_folder: Path,
) -> None:
    _rename_kr(demo_folder, "kr-tier1", title="Fix [/] parser bugs")
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        while screen.step.key != "checkins":
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press(*"250", "enter", "1", "enter")
        await pilot.pause()
        status = str(screen.query_one("#save-status", Static).render())
        assert status.startswith("Saved") and "Fix [/] parser bugs" in status
        session_id = screen.context.session.id
    saved = Repository.open(demo_folder).session(session_id)
    assert [c.value for c in saved.checkins if c.kr_id == "kr-tier1"] == [250]


async def test_meeting_title_and_resume_dialog_show_a_team_name_as_typed(
    demo_folder: Path,
) -> None:
    for name in ("[@click=app.quit]q[/]", "[link=https://example.com]team[/link]"):
        _rename_team(demo_folder, name)
        app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("w")
            await pilot.pause()
            title = app.screen.query_one("#meeting-title", Static)
            assert str(title.render()).startswith(f"{name} weekly")
            await pilot.click(title)  # a live action here would quit the app
            await pilot.pause()
            assert app.is_running
            await pilot.press("ctrl+l")
        # A week later the meeting left open is no longer this week's: `w` asks about it.
        app = OkrApp(Repository.open(demo_folder), today=NEXT_WEEK, clock=FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, ResumeOrNewDialog)
            question = str(app.screen.query_one(".dialog-text", Static).render())
            assert question.startswith(f"{name} has a weekly meeting in progress")
            await pilot.press("escape")
        Repository.open(demo_folder).delete_session(
            Repository.open(demo_folder).sessions("2026-Q4", "sales")[-1].id
        )


async def test_trends_of_krs_whose_units_look_like_markup(demo_folder: Path) -> None:
    _rename_kr(demo_folder, "kr-tier1", unit="[beta] users")
    _rename_kr(demo_folder, "kr-tier2", unit="[/]")
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        table = app.screen.query_one("#trend-table", DataTable)
        assert str(table.get_row_at(0)[3]) == "38 [beta] users"
        assert "[beta] users" in screen_text(app)  # the chart's axis label
        await pilot.press("down")
        await pilot.pause()
        assert str(table.get_row_at(0)[3]).endswith(" [/]")


async def test_plan_file_with_markup_imports_and_every_screen_shows_it(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.toml"
    # The team's name first, the key results' titles and units among the rest.
    texts = ["Web [red]team", *(t for t in MARKUP if t != "Web [red]team")]
    plan_file.write_text(dump_plan(hostile_plan(texts)), encoding="utf-8")
    folder = tmp_path / "data"
    app = OkrApp(Repository.open(folder), today=TODAY, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("i", *str(plan_file), "enter")
        await pilot.pause()
        assert not isinstance(app.screen, OnboardingScreen), screen_text(app)
        hostile_meetings(Repository.open(folder), texts)
        walk = Walk(pilot, app)
        await walk.outside_meetings()
    assert "Web [red]team" in walk.seen[0]  # the team's name on home
    assert "Fix [/] parser bugs" in walk.everything
    assert "[@click=app.quit]q[/]" in walk.everything
    assert "[beta] users" in walk.everything
    Repository.open(folder).teams()  # the folder reopens


@pytest.mark.parametrize("text", [*CONTROL, NEWLINE, LONG], ids=ascii)
def test_plan_file_with_text_typing_refuses_is_refused_in_plain_words(
    tmp_path: Path, text: str
) -> None:
    from okrtui.domain.plan import PlanError
    from okrtui.store.plan_import import import_plan_file

    plan_file = tmp_path / "plan.toml"
    # Every text of the plan is `text` (a stored record cannot be that long, so it is swapped in).
    toml = dump_plan(hostile_plan(["x"])).replace('"x"', tomli_w.dumps({"v": text})[4:-1])
    plan_file.write_text(toml, encoding="utf-8")
    folder = tmp_path / "data"
    with pytest.raises(PlanError) as refused:
        import_plan_file(Repository.open(folder), plan_file)
    message = str(refused.value)
    assert "teams[0].name" in message or "name" in message
    assert "cannot contain" in message or "is too long" in message
    assert "Traceback" not in message
    assert Repository.open(folder).teams() == []


async def test_stored_control_characters_are_shown_visibly_on_every_screen(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    walk = await walk_stored_hostile(folder, SIZE, Walk.outside_meetings)
    assert escape_control(CONTROL[0]) in walk.everything  # `\x1b[2J`, shown as such
    assert "Fix [/] parser bugs" in walk.everything
    Repository.open(folder).teams()


def test_next_quarter_draft_from_stored_records_keeps_their_text(tmp_path: Path) -> None:
    from okrtui.domain.next_quarter import draft_next_quarter

    plan = hostile_plan([*CONTROL, NEWLINE])
    drafts = draft_next_quarter(plan.objectives, {})
    assert [d.title for d in drafts] == [o.title for o in plan.objectives]
    assert [kr.unit for kr in drafts[0].key_results] == [
        kr.unit for kr in plan.objectives[0].key_results
    ]


async def test_renaming_a_team_and_an_objective_whose_stored_records_hold_control_characters(
    tmp_path: Path,
) -> None:
    from okrtui.tui.dialogs.objective_form import ObjectiveForm
    from okrtui.tui.dialogs.team_form import TeamForm

    folder = tmp_path / "data"
    Repository.open(folder).save_plan(hostile_plan([*CONTROL, NEWLINE]))
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for form, field in (
            (TeamForm(app.repository.team("sales")), "#name"),
            (ObjectiveForm("sales", "2026-Q4", app.repository.objectives("sales")[0]), "#title"),
        ):
            app.push_screen(form)
            await pilot.pause()
            form.query_one(field, Input).value = "Renamed"
            for other in form.query("#aligned_objective, #description, #aligned_to"):
                # A legacy character in a field shown is refused until it is mended.
                assert isinstance(other, Input)
                other.value = "Mended"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is not form, [str(s.render()) for s in form.query(".field-error")]
    repository = Repository.open(folder)
    assert repository.team("sales").name == "Renamed"
    assert repository.team("sales").members[0].name == CONTROL[2]  # kept as stored
    objective = repository.objectives("sales")[0]
    assert objective.title == "Renamed"
    assert (
        objective.key_results[0].title
        == hostile_plan([*CONTROL, NEWLINE]).objectives[0].key_results[0].title
    )


async def test_editing_an_objective_keeps_its_untouched_multiline_description(
    demo_folder: Path,
) -> None:
    from okrtui.tui.dialogs.objective_form import ObjectiveForm

    repository = Repository.open(demo_folder)
    objective = repository.objectives("sales")[0]
    repository.save_objective(objective.model_copy(update={"description": "line one\nline two"}))
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = ObjectiveForm("sales", "2026-Q4", app.repository.objectives("sales")[0])
        app.push_screen(form)
        await pilot.pause()
        assert form.query_one("#description", Input).value == "line one\\nline two"
        form.query_one("#title", Input).value = "Renamed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
    kept = Repository.open(demo_folder).objectives("sales")[0]
    assert (kept.title, kept.description) == ("Renamed", "line one\nline two")
