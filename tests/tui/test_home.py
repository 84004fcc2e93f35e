"""The home screen: the team's quarter at a glance, recent sessions, and the main actions."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, Select, Static

from okrtui.domain.models import KeyResult, Objective, Session, Team
from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.domain.scoring import expected_pace
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs import export
from okrtui.tui.screens import history, meeting
from okrtui.tui.widgets.kr_row import KrRow, KrStatus
from okrtui.tui.widgets.pace_bar import EMPTY, FILLED, MARKER
from tests.conftest import TODAY
from tests.tui.meeting_helpers import notifications
from tests.tui.settle import settle

SIZE = (100, 36)


async def past_support(pilot: Pilot[None]) -> None:
    """From the sales team, `t` past the demo's second team (support) to the next one."""
    assert isinstance(pilot.app, OkrApp) and pilot.app.team_id == "sales"
    await pilot.press("t")
    await settle(pilot)
    assert pilot.app.team_id == "support"
    await pilot.press("t")
    await settle(pilot)


def shown(row: KrRow) -> list[str]:
    """A key result row's lines as drawn on the screen."""
    return [row.render_line(y).text for y in range(row.size.height)]


def cells(table: DataTable[Any], row: int) -> list[str]:
    """A table row's text as shown."""
    return [str(cell) for cell in table.get_row_at(row)]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Record what the home actions hand over to the meeting, history and export modules."""
    seen: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        meeting,
        "open_meeting",
        lambda app, team, kind, quarter=None: seen.append(("meeting", team, kind)),
    )
    monkeypatch.setattr(history, "open_history", lambda app, team: seen.append(("history", team)))
    monkeypatch.setattr(export, "open_export", lambda app, sid: seen.append(("export", sid)))
    return seen


async def test_demo_home_shows_each_kr_with_progress_pace_confidence_and_trend(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list(app.screen.query(KrRow))
        assert [r.status.kr.id for r in rows] == [
            "kr-tier1",
            "kr-tier2",
            "kr-t1-price",
            "kr-t2-price",
        ]
        first = rows[0]
        title, line = shown(first)
        assert title.strip() == "Upgrade 500 existing members from Tier 2 to Tier 1"
        assert line.startswith("226 / 500 members ")
        assert " 45% " in line and "● on track" in line
        assert first.status.confidence == "on_track"
        # The bar between the percentage and the confidence, with today's pace marker.
        bar = line[line.index("45%") + 4 : line.index("●")].strip()
        assert set(bar) == {FILLED, EMPTY, MARKER}
        pace = expected_pace("2026-Q4", TODAY)
        assert bar.index(MARKER) == round(pace * len(bar)) - 1
        filled = round(226 / 500 * len(bar))
        assert bar.count(FILLED) == filled - (bar.index(MARKER) < filled)  # the marker on it
        assert len(first.status.values) == 6
        assert line.rstrip()[-1] in "▁▂▃▄▅▆▇█"  # the trend of the weekly values
        # A threshold is held or not: no pace marker, the threshold shown with its sign.
        price_line = shown(rows[2])[1]
        assert MARKER not in price_line
        assert price_line.startswith("$4,880 / ≥ $4,800 ")

        table = app.screen.query_one("#recent-table", DataTable)
        assert table.row_count == 6
        assert cells(table, 0)[:4] == ["2026-11-05", "weekly", "6", "completed"]
        assert not app.screen.query_one("#banner").display

        # What the team promised and has not yet closed, with who promised it.
        promised = app.screen.query_one("#commitments-table", DataTable)
        open_rows = [cells(promised, i) for i in range(promised.row_count)]
        assert ["Chen Wei", "12 Nov", "Run the third webinar with marketing"] in open_rows
        assert all(row[0] != "nothing open" for row in open_rows)


async def test_home_keys_hand_over_to_meetings_history_and_export(
    demo_repository: Repository, calls: list[tuple[object, ...]]
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "r", "h", "e")
        await pilot.pause()
    assert calls == [
        ("meeting", "sales", "weekly"),
        ("meeting", "sales", "quarterly"),
        ("history", "sales"),
        ("export", None),
    ]


async def test_meeting_in_progress_gets_a_banner_and_a_key_to_resume(
    demo_repository: Repository, calls: list[tuple[object, ...]]
) -> None:
    demo_repository.save_session(
        Session(
            id="2026-Q4-live01",
            team_id="sales",
            kind="weekly",
            quarter="2026-Q4",
            week=7,
            date=date(2026, 11, 12),
            started_at=datetime(2026, 11, 12, 10, 0),
        )
    )
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#banner", Static)
        assert banner.display
        assert "weekly meeting of 12 Nov 2026 is in progress" in str(banner.render())
        await pilot.press("c")
        await pilot.pause()
    assert calls == [("meeting", "sales", "weekly")]


async def test_team_picker_switches_team_and_falls_back_to_its_latest_quarter(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="Operations"))
    repository.save_objective(
        Objective(
            id="obj-ops",
            team_id="ops",
            quarter="2026-Q2",
            title="Ship faster",
            key_results=[KeyResult(id="kr-ops", title="Releases", baseline=2, target=8)],
        )
    )
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        select = app.screen.query_one("#team-select", Select)
        assert select.display and select.value == "sales"
        await past_support(pilot)
        assert app.team_id == "ops"
        assert "Operations · 2026-Q2" in str(app.screen.query_one("#quarter-label").render())
        assert [r.status.kr.id for r in app.screen.query(KrRow)] == ["kr-ops"]
        assert app.screen.query_one("#recent-table", DataTable).row_count == 1  # "no sessions"


async def test_opening_home_works_out_each_key_result_once(
    demo_repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Mount, the first ScreenResume and the team picker's first value all reach home as
    # it opens; the team is drawn for one of them only.
    worked_out: list[str] = []
    status_of = KrStatus.of

    def counted(kr: KeyResult, *args: Any) -> KrStatus:
        worked_out.append(kr.id)
        return status_of(kr, *args)

    monkeypatch.setattr(KrStatus, "of", counted)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.query(KrRow)) == 4
    assert worked_out == ["kr-tier1", "kr-tier2", "kr-t1-price", "kr-t2-price"]


async def test_back_from_the_keys_help_home_keeps_its_place_in_recent_sessions(
    demo_repository: Repository,
) -> None:
    # Nothing home shows changed while the help was open, so nothing is drawn again.
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#recent-table", DataTable)
        table.focus()
        await pilot.press("down", "down")
        rows = list(app.screen.query(KrRow))
        await pilot.press("question_mark")
        await pilot.press("escape")
        await settle(pilot)
        assert table.cursor_row == 2
        assert list(app.screen.query(KrRow)) == rows


async def test_back_from_a_meeting_home_shows_its_check_ins(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = cells(app.screen.query_one("#recent-table", DataTable), 0)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+l")  # leave the meeting; it stays in progress
        await pilot.pause()
        assert cells(app.screen.query_one("#recent-table", DataTable), 0) != before
        assert app.screen.query_one("#banner").display


async def test_choosing_a_team_in_the_picker_shows_that_team(demo_folder: Path) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="Operations"))
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#team-select", Select).value = "ops"
        await settle(pilot)
        assert app.team_id == "ops"
        assert "Operations" in str(app.screen.query_one("#quarter-label").render())
        assert not app.screen.query(KrRow)


async def test_single_team_needs_no_picker(tmp_path: Path) -> None:
    repository = Repository.open(tmp_path / "sales")
    repository.save_plan(sample_plan())  # the sales team alone
    for session in sample_sessions():
        repository.save_session(session)
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#team-select", Select).display


async def test_names_that_look_like_markup_show_as_typed(demo_folder: Path) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="[b]Ops[/]"))
    first = repository.sessions("2026-Q4", "sales")[0]
    repository.save_session(first.model_copy(update={"facilitator": "Ana [/]"}))
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#recent-table", DataTable)
        facilitators = [cells(table, i)[4] for i in range(table.row_count)]
        assert "Ana [/]" in facilitators
        await past_support(pilot)
        assert "[b]Ops[/]" in str(app.screen.query_one("#quarter-label").render())


async def test_choosing_a_team_whose_meeting_is_broken_says_so_and_keeps_the_app_open(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="Operations"))
    sales_meeting = repository.sessions("2026-Q4", "sales")[0]
    repository.save_session(
        sales_meeting.model_copy(update={"id": "2026-Q4-ops01", "team_id": "ops"})
    )
    quarter_file = demo_folder / "2026-Q4.json"
    data = json.loads(quarter_file.read_text())
    for document in data["sessions"].values():
        if document["id"] == "2026-Q4-ops01":
            del document["week"]  # a weekly meeting without its week number
    quarter_file.write_text(json.dumps(data))
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.query(KrRow)) == 4
        await past_support(pilot)
        assert app.team_id == "ops"
        message = str(app.screen.query_one("#objectives .empty", Label).render())
        assert "2026-Q4.json" in message and "2026-Q4-ops01" in message and "week" in message
        assert not app.screen.query(KrRow)
        assert app.screen.query_one("#recent-table", DataTable).row_count == 0
        await pilot.press("t")  # back to a team that can be read
        await settle(pilot)
        assert app.team_id == "sales"
        assert len(app.screen.query(KrRow)) == 4
        assert not app.screen.query("#objectives .empty")


async def test_a_team_whose_objective_is_broken_opens_nothing_and_says_why(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="Operations"))
    repository.save_objective(
        Objective(id="obj-ops", team_id="ops", quarter="2026-Q4", title="Ship faster")
    )
    plan_file = demo_folder / "okrtui.json"
    data = json.loads(plan_file.read_text())
    for document in data["objectives"].values():
        if document["id"] == "obj-ops":
            del document["title"]
    plan_file.write_text(json.dumps(data))
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.query(KrRow)) == 4
        await past_support(pilot)
        message = str(app.screen.query_one("#objectives .empty", Label).render())
        assert "okrtui.json" in message and "obj-ops" in message and "title" in message
        for key in ("w", "r", "h", "e", "p"):  # meetings, history, export, the plan editor
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == "HomeScreen", key
        said = notifications(app)
        assert len(said) == 5 and all("obj-ops" in m for m in said)
        await pilot.press("t")
        await settle(pilot)
        assert app.team_id == "sales" and len(app.screen.query(KrRow)) == 4
