"""Every string of the hostile corpus pasted into every field of the plan's forms, the
onboarding form, the export dialog and history's search, then committed.

Each must leave the app running: the text is saved as typed (and the folder reopens with a
fresh repository), or it is refused with a plain message at the field. Nothing pasted ever
reaches the terminal as a raw control code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from okrtui.store import Repository, Store
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.export import ExportDialog
from okrtui.tui.dialogs.kr_form import KeyResultForm
from okrtui.tui.dialogs.member_form import MemberForm
from okrtui.tui.dialogs.objective_form import ObjectiveForm
from okrtui.tui.dialogs.team_form import TeamForm
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.onboarding import OnboardingScreen
from tests.conftest import TODAY
from tests.hostile_text import CORPUS, raw_control_bytes
from tests.tui.hostile_screens import screen_text

SIZE = (100, 30)
# Words that would mean a traceback or pydantic's own text reached the person.
NOT_PLAIN = ("Traceback", "ValidationError", "validation error", "pydantic", "input_value")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def plan_text(repository: Store) -> set[str]:
    """Every text of the plan, as `repository` reads it from the folder now."""
    records = [t.model_dump() for t in repository.teams(include_archived=True)]
    records += [o.model_dump() for o in repository.objectives(include_archived=True)]
    return set(_strings(records))


def messages(screen: Screen[Any]) -> list[str]:
    """The error lines a form shows now."""
    shown = [str(s.render()) for s in screen.query(".field-error").results(Static)]
    return [m for m in shown if m.strip()]


async def paste(pilot: Pilot[None], widget: Input | TextArea, text: str) -> str:
    """Empty the field and paste `text` into it; what the field holds afterwards."""
    widget.focus()
    if isinstance(widget, TextArea):
        widget.text = ""
        await pilot.pause()
        widget.insert(text)
        await pilot.pause()
        return widget.text
    widget.value = ""
    widget.insert_text_at_cursor(text)
    await pilot.pause()
    return widget.value


def assert_plain(found: list[str]) -> None:
    assert found, "refused without a word at the field"
    for message in found:
        assert not any(word in message for word in NOT_PLAIN), message
        assert raw_control_bytes(message) == []


FormFactory = Callable[[Store], Screen[Any]]
# Each form, the fields it has, and valid values for the fields not being tried.
FORMS: dict[str, tuple[FormFactory, tuple[str, ...], dict[str, str]]] = {
    "new team": (lambda r: TeamForm(), ("name", "aligned_objective", "members"), {"name": "Ops"}),
    "team": (lambda r: TeamForm(r.team("sales")), ("name", "aligned_objective"), {}),
    "new member": (
        lambda r: MemberForm(r.team("sales")),
        ("name", "role", "email"),
        {"name": "Sam"},
    ),
    "member": (
        lambda r: MemberForm(r.team("sales"), r.team("sales").members[0]),
        ("name", "role", "email"),
        {},
    ),
    "new objective": (
        lambda r: ObjectiveForm("sales", "2026-Q4"),
        ("title", "description", "aligned_to"),
        {"title": "Grow"},
    ),
    "objective": (
        lambda r: ObjectiveForm("sales", "2026-Q4", r.objectives("sales", "2026-Q4")[0]),
        ("title", "description", "aligned_to"),
        {},
    ),
    "new key result": (
        lambda r: KeyResultForm(r.objectives("sales", "2026-Q4")[0]),
        ("title", "unit", "baseline", "target", "weight"),
        {"title": "Ship", "baseline": "0", "target": "10"},
    ),
}


@pytest.mark.parametrize("form_name", FORMS)
async def test_every_hostile_string_in_every_field_of_a_plan_form(
    demo_folder: Path, form_name: str
) -> None:
    make, field_ids, valid = FORMS[form_name]
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for field_id in field_ids:
            form: Any = None
            kept: str | None = None
            for text in CORPUS:
                if form is None or app.screen is not form:  # saved: open the form again
                    form = make(app.repository)
                    app.push_screen(form)
                    await pilot.pause()
                    for other, value in valid.items():
                        if other != field_id:
                            form.query_one(f"#{other}", Input).value = value
                form.clear_errors()
                widget = form.query_one(f"#{field_id}")
                assert isinstance(widget, Input | TextArea)
                held = await paste(pilot, widget, text)
                assert raw_control_bytes(screen_text(app)) == []
                if held != text:  # not taken as it was pasted: the field says why
                    assert_plain(messages(form))
                await pilot.press("ctrl+s")
                await pilot.pause()
                if app.screen is form:  # refused on commit, in plain words
                    assert_plain(messages(form))
                elif field_id in ("name", "role", "title", "unit", "description", "aligned_to"):
                    assert held.strip() in plan_text(app.repository)
                    kept = held.strip()
                else:
                    plan_text(app.repository)
                assert app.is_running
            if app.screen is form:
                form.dismiss(None)
                await pilot.pause()
            # Once a field has had every string: a fresh repository reads what was kept last.
            reopened = plan_text(Repository.open(demo_folder))
            assert kept is None or kept in reopened, f"{field_id}: {kept!r} not in the folder"


async def test_every_hostile_string_as_the_plan_file_to_import(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, OnboardingScreen)
        field = screen.query_one("#plan-path", Input)
        for text in CORPUS:
            await paste(pilot, field, text)
            assert raw_control_bytes(screen_text(app)) == []
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
            assert_plain([str(screen.query_one("#plan-path-error", Static).render())])
    assert Repository.open(tmp_path / "data").teams() == []


async def test_every_hostile_string_as_the_export_path(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    repository = Repository.open(demo_folder)
    session = repository.sessions("2026-Q4", "sales")[-1]
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for text in CORPUS:
            dialog = ExportDialog(session, [], "Sales weekly")
            exported: list[Path | None] = []
            app.push_screen(dialog, exported.append)
            await pilot.pause()
            held = await paste(pilot, dialog.query_one("#export-path", Input), text)
            assert raw_control_bytes(screen_text(app)) == []
            if held != text:
                assert_plain([str(dialog.query_one("#path-error", Static).render())])
            await pilot.press("ctrl+s")
            await pilot.pause()
            if app.screen is dialog:
                assert_plain([str(dialog.query_one("#path-error", Static).render())])
                dialog.dismiss(None)
                await pilot.pause()
            else:
                assert exported and exported[0] is not None and exported[0].is_file()
            assert app.is_running
    Repository.open(demo_folder).sessions("2026-Q4")


async def test_every_hostile_string_as_a_history_search(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        search = screen.query_one("#search", Input)
        for text in CORPUS:
            held = await paste(pilot, search, text)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert raw_control_bytes(screen_text(app)) == []
            if held != text:
                status = str(screen.query_one("#history-status", Static).render())
                assert status.startswith("Search: Not pasted")
            assert app.is_running
