"""KR trends: every check-in of a key result, from this quarter or an earlier one."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.trends import TrendsScreen
from tests.conftest import TODAY
from tests.tui.history_data import settle, three_quarter_folder
from tests.tui.hostile_screens import screen_text


async def test_trends_show_each_checkin_with_confidence_and_note(tmp_path: Path) -> None:
    app = OkrApp(Repository.open(three_quarter_folder(tmp_path)), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        picker = screen.query_one("#kr-list", OptionList)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
        assert labels[0] == "2026-Q4 · Upgrade 500 existing members from Tier 2 to Tier 1"
        assert "2026-Q3 · Upgrade 500 existing members from Tier 2 to Tier 1" in labels

        await pilot.press("down", "down")  # the Tier 1 price
        await settle(pilot)
        table = screen.query_one("#trend-table", DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[3] for row in cells] == [
            "$4,920",
            "$4,870",
            "$4,790",
            "$4,760",
            "$4,835",
            "$4,880",
        ]
        assert cells[3][4:] == ["● off track", "Agreed a discount floor with the director."]

        # A key result of an earlier quarter: its check-ins come from that quarter's meetings.
        picker.highlighted = labels.index(
            "2026-Q3 · Upgrade 500 existing members from Tier 2 to Tier 1"
        )
        await settle(pilot)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[1] for row in cells] == ["2026-07-02", "2026-07-09"]
        assert [row[3] for row in cells] == ["38 members", "71 members"]


async def test_text_that_looks_like_markup_shows_as_typed(tmp_path: Path) -> None:
    from okrtui.domain.models import CheckIn
    from okrtui.domain.sample import sample_plan, sample_sessions
    from okrtui.tui.widgets.session_table import SessionTable

    repository = Repository.open(tmp_path / "data")
    repository.save_plan(sample_plan())
    week1 = sample_sessions()[0]
    checkins = [CheckIn(kr_id="kr-tier1", value=38, confidence="on_track", note="[/] [red]x")]
    session = week1.model_copy(
        update={"summary": "[bold]not bold[/] [/]", "checkins": checkins + week1.checkins[1:]}
    )
    repository.save_session(session)
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        row = app.screen.query_one(SessionTable).get_row(session.id)
        assert str(row[-1]) == "[bold]not bold[/] [/]"
        await pilot.press("t")
        await settle(pilot)
        table = app.screen.query_one("#trend-table", DataTable)
        assert str(table.get_row_at(0)[-1]) == "[/] [red]x"


async def test_a_continued_key_result_shows_its_whole_line_across_quarters(
    tmp_path: Path,
) -> None:
    from textual.widgets import Static

    folder = three_quarter_folder(tmp_path)
    repository = Repository.open(folder)
    q4 = repository.objectives("sales", "2026-Q4")[0]
    krs = [
        kr.model_copy(update={"continues": kr.id}) if kr.id == "kr-tier1" else kr
        for kr in q4.key_results
    ]
    repository.save_objective(q4.model_copy(update={"key_results": krs}))
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        title = str(screen.query_one("#trend-title", Static).render())
        assert "2026-Q3 → 2026-Q4 · 8 check-ins" in title
        table = screen.query_one("#trend-table", DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[1] for row in cells[:3]] == ["2026-07-02", "2026-07-09", "2026-10-01"]
        assert [row[2] for row in cells[:3]] == ["Q3 W1", "Q3 W2", "Q4 W1"]

        # Picked from the earlier quarter, the line is the same.
        picker = screen.query_one("#kr-list", OptionList)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
        picker.highlighted = labels.index(
            "2026-Q3 · Upgrade 500 existing members from Tier 2 to Tier 1"
        )
        await settle(pilot)
        assert table.row_count == 8


async def test_trend_is_drawn_by_date_from_finished_meetings_only(demo_folder: Path) -> None:
    repository = Repository.open(demo_folder)
    # A meeting left half-way, with a check-in nobody finished, is not part of the trend.
    draft = repository.sessions("2026-Q4", "sales")[-1]
    draft = draft.model_copy(
        update={"id": "2026-Q4-draft", "status": "in_progress", "ended_at": None}
    )
    repository.save_session(draft)
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        table = screen.query_one("#trend-table", DataTable)
        dates = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        finished = [s for s in repository.sessions("2026-Q4", "sales") if s.status == "completed"]
        assert dates == [s.date.isoformat() for s in finished]
        text = screen_text(app)
        assert "meeting date" in text
        assert f"{finished[0].date:%d %b}" in text and f"{finished[-1].date:%d %b}" in text
