"""The history screen: quarter-at-a-time loading, filters, search, minutes, resume, delete."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Markdown, Select

from okrtui.domain.models import SessionKind
from okrtui.domain.sample import sample_sessions
from okrtui.store import NotFoundError, Repository
from okrtui.store.backends import FileBackend
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.delete_session import DeleteSessionDialog
from okrtui.tui.screens import meeting
from okrtui.tui.screens.minutes import MinutesScreen
from okrtui.tui.widgets.session_table import SessionTable
from tests.conftest import TODAY
from tests.tui.history_data import open_history, rows, settle, three_quarter_folder, two_team_folder

SIZE = (120, 36)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await settle(pilot)


async def test_opening_history_reads_only_the_newest_quarter(tmp_path: Path) -> None:
    folder = three_quarter_folder(tmp_path)
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # A fresh repository (no cache, reads counted from zero) from here on: what the
        # history screen reads is all that shows.
        fresh = Repository.open(folder)
        app.repository = fresh
        backend = fresh.backend
        assert isinstance(backend, FileBackend)
        reads = backend.reads
        screen = await open_history(pilot)
        assert screen.loaded == ["2026-Q4"]
        assert (reads["2026-Q4"] >= 1, reads["2026-Q3"], reads["2026-Q2"]) == (True, 0, 0)
        assert rows(screen) == [f"2026-Q4-demo0{w}" for w in range(6, 0, -1)]

        # Moving down to the end of the list reads the next quarter, and only that one.
        await pilot.press(*["down"] * 5)
        await settle(pilot)
        assert screen.loaded == ["2026-Q4", "2026-Q3"]
        assert (reads["2026-Q3"] >= 1, reads["2026-Q2"]) == (True, 0)
        assert rows(screen)[-2:] == ["2026-Q3-demo02", "2026-Q3-demo01"]

        # Choosing a quarter reads that quarter's file.
        screen.query_one("#quarter", Select).value = "2026-Q2"
        await settle(pilot)
        assert reads["2026-Q2"] >= 1
        assert rows(screen) == ["2026-Q2-demo02", "2026-Q2-demo01"]


async def test_history_holds_the_chosen_teams_meetings_until_any_team_is_chosen(
    tmp_path: Path,
) -> None:
    app = OkrApp(Repository.open(two_team_folder(tmp_path)), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.team_id = "support"
        screen = await open_history(pilot)
        assert {s.team_id for s in screen.sessions.values()} == {"support"}
        assert rows(screen) == [f"2026-Q4-help0{w}" for w in range(6, 0, -1)]
        await pilot.press("o")  # read 2026-Q3 too, still for Support only
        await settle(pilot)
        assert screen.loaded == ["2026-Q4", "2026-Q3"]
        assert {s.team_id for s in screen.sessions.values()} == {"support"}

        # Any team: both teams' meetings of the quarters already read (16 rows, so the
        # list goes on to read 2026-Q2 as well, as for any filter showing fewer than 20).
        screen.query_one("#team", Select).value = Select.NULL
        await settle(pilot)
        assert screen.loaded == ["2026-Q4", "2026-Q3", "2026-Q2"]
        assert sorted(rows(screen)) == sorted(
            f"{q}-{who}0{w}"
            for q, weeks in (("2026-Q4", 6), ("2026-Q3", 2), ("2026-Q2", 2))
            for who in ("demo", "help")
            for w in range(1, weeks + 1)
        )

        # Back to one team: what was loaded stays, and the list shows that team's again.
        screen.query_one("#team", Select).value = "sales"
        await settle(pilot)
        assert rows(screen)[0] == "2026-Q4-demo06" and len(rows(screen)) == 10


async def test_search_finds_last_months_meeting_by_a_word_from_its_notes(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)  # today is 12 November
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash")
        await type_text(pilot, "cold calls")
        assert rows(screen) == ["2026-Q4-demo02"]  # 8 October
        cell = screen.query_one(SessionTable).get_row("2026-Q4-demo02")[-1]
        assert isinstance(cell, Text)
        assert "lesson: Webinars convert better than cold calls for Tier 3" in str(cell)
        highlighted = {str(cell)[span.start : span.end] for span in cell.spans}
        assert {"cold", "calls"} <= highlighted

        await pilot.press("enter")  # from the search box to the list
        await pilot.press("enter")  # open the minutes
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        source = app.screen.query_one(Markdown).source
        assert "# Sales — weekly meeting, week 2" in source
        assert "Webinars convert better than cold calls for Tier 3" in source


async def test_search_reads_older_quarters_until_it_finds_enough(tmp_path: Path) -> None:
    repository = Repository.open(three_quarter_folder(tmp_path))
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash")
        await type_text(pilot, "lighthouse")
        assert rows(screen) == ["2026-Q3-demo02", "2026-Q3-demo01"]
        # Searched, not read whole: only the meetings holding the word were loaded.
        assert screen.searched["2026-Q3"] == ("lighthouse",)
        assert "2026-Q3" not in screen.loaded


async def test_filters_by_team_kind_and_status(demo_repository: Repository) -> None:
    unfinished = sample_sessions()[0].model_copy(
        update={
            "id": "2026-Q4-review1",
            "kind": "quarterly",
            "week": None,
            "status": "in_progress",
            "ended_at": None,
        }
    )
    demo_repository.save_session(unfinished)
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert len(rows(screen)) == 7
        screen.query_one("#kind", Select).value = "quarterly"
        await settle(pilot)
        assert rows(screen) == ["2026-Q4-review1"]
        screen.query_one("#kind", Select).value = Select.NULL
        screen.query_one("#status", Select).value = "completed"
        await settle(pilot)
        assert len(rows(screen)) == 6 and "2026-Q4-review1" not in rows(screen)
        screen.query_one("#status", Select).value = Select.NULL
        screen.query_one("#team", Select).value = Select.NULL
        await settle(pilot)
        # Every team's meetings: the demo's support team has some in 2026-Q4 and 2026-Q3.
        every = [s.id for q in demo_repository.quarters() for s in demo_repository.sessions(q)]
        assert sorted(rows(screen)) == sorted(every) and len(every) > 7


async def test_an_unfinished_meeting_can_be_resumed(
    demo_repository: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    week6 = sample_sessions()[5]
    unfinished = week6.model_copy(
        update={
            "id": "2026-Q4-going1",
            "week": 7,
            "date": TODAY,
            "started_at": week6.started_at + timedelta(days=7),
            "status": "in_progress",
            "ended_at": None,
        }
    )
    demo_repository.save_session(unfinished)
    calls: list[tuple[str, SessionKind]] = []
    monkeypatch.setattr(
        meeting,
        "open_meeting",
        lambda app, team_id, kind, quarter=None: calls.append((team_id, kind)),
    )
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert rows(screen)[0] == "2026-Q4-going1"
        await pilot.press("down")  # a finished meeting: nothing to resume
        await pilot.press("r")
        assert calls == []
        await pilot.press("up", "r")
        await settle(pilot)
        assert calls == [("sales", "weekly")]


async def test_deleting_asks_first_names_the_meeting_and_keeps_a_backup(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DeleteSessionDialog)
        question = str(dialog.query_one("#delete-question").render())
        assert question == "Delete Sales weekly · W6 of 2026-11-05?"
        await pilot.press("n")
        await settle(pilot)
        assert repository.session("2026-Q4-demo06").week == 6

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert rows(screen) == [f"2026-Q4-demo0{w}" for w in range(5, 0, -1)]
        with pytest.raises(NotFoundError):
            Repository.open(demo_folder).session("2026-Q4-demo06")
        backups = list((demo_folder / "backups").glob("2026-Q4.*demo06*.json"))
        assert len(backups) == 1
        assert '"2026-Q4-demo06"' in backups[0].read_text(encoding="utf-8")


async def test_scrolling_to_the_bottom_reads_the_next_quarter(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(three_quarter_folder(tmp_path)), today=TODAY)
    async with app.run_test(size=(120, 12)) as pilot:  # a short window: the list scrolls
        screen = await open_history(pilot)
        table = screen.query_one(SessionTable)
        assert table.max_scroll_y > 0
        assert screen.loaded == ["2026-Q4"]
        table.scroll_end(animate=False)
        await settle(pilot)
        assert screen.loaded == ["2026-Q4", "2026-Q3"]
        assert "2026-Q3-demo01" in rows(screen)
