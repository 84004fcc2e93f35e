"""Layouts at both ends: 80×24 shows what matters without cutting it; 200×60 uses the width."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.widgets import Input, Markdown
from textual.widgets._markdown import MarkdownBlock, Static

from okrtui.domain.agenda import agenda
from okrtui.domain.models import SessionKind
from okrtui.domain.quarter_rollup import rollup_sessions, trainings_held
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.minutes import TABLE_MIN_WIDTH, MinutesScreen
from okrtui.tui.widgets.text_box import TextBox
from tests.conftest import TODAY
from tests.tui.history_data import open_history, rows, settle
from tests.tui.hostile_screens import screen_text
from tests.tui.meeting_helpers import holding_meeting


def _second_team(folder: Path) -> None:
    repository = Repository.open(folder)
    team = repository.team("sales")
    repository.save_team(team.model_copy(update={"id": "support", "name": "Support"}))


async def test_home_with_two_teams_at_80x24_shows_recent_meetings_and_open_commitments(
    demo_folder: Path,
) -> None:
    _second_team(demo_folder)
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        lines = text.splitlines()
        assert "Team  Sales" in lines[1]
        assert "47% of the quarter gone" in lines[1]  # the quarter line is not wrapped
        assert "Keep the average Tier 2 price at or above $2,900" in text  # every key result
        assert "Recent sessions" in text and "2026-11-05" in text and "2026-10-29" in text
        assert "Open commitments" in text and "Run the third webinar with marketing" in text
        body = app.screen.query_one("#home-body")
        assert body.max_scroll_y == 0  # all of it on screen, nothing below the fold


async def test_the_meeting_on_a_projector_uses_the_width(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="checkins", size=(200, 60)) as held:
        text = screen_text(held.app)
        for step in agenda("weekly"):
            assert step.title in text  # every agenda name in full
        screen = held.screen
        first, second, third = (screen.query_one(f"#card-{n}").region for n in (1, 2, 3))
        assert first.y == second.y and second.x > first.right  # side by side
        assert third.y > first.bottom - 1 and third.x == first.x
        bar = screen.query_one("#card-1 .card-bar", Static)
        drawn = str(bar.render())
        assert cell_len(drawn) <= first.width
        # The bar stretches with its card: the line fills it, bar and words, to the last cell.
        assert cell_len(drawn.rstrip()) == bar.content_size.width > 60


async def test_the_meeting_at_80x24_stacks_the_cards_and_cuts_no_line(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="checkins", size=(80, 24)) as held:
        screen = held.screen
        first, second = (screen.query_one(f"#card-{n}").region for n in (1, 2))
        assert second.y > first.bottom - 1 and second.x == first.x
        bar = str(screen.query_one("#card-1 .card-bar", Static).render())
        assert "pace" in bar and cell_len(bar) <= first.width


@pytest.mark.parametrize("kind", ["weekly", "quarterly"])
async def test_at_80x24_every_fields_hint_and_every_steps_hint_line_is_read_whole(
    demo_folder: Path, kind: SessionKind
) -> None:
    """A placeholder says what to type; cut, it says less (a training's attendees, say).
    The line under a step's title says which keys do what: wrapped, never cut."""
    async with holding_meeting(demo_folder, kind, size=(80, 24)) as held:
        for step in agenda(kind):
            screen = await held.go_to(step.key)
            await held.pilot.pause()
            for field in screen.query(f"#step-{step.key} Input").results(Input):
                if field.placeholder and field.display:
                    room = field.content_size.width - 1  # the cursor's cell
                    assert cell_len(field.placeholder) <= room, (step.key, field.placeholder)
            for hint in screen.query(f"#step-{step.key} .hint").results(Static):
                if not hint.display or not str(hint.render()).strip():
                    continue
                width = hint.content_size.width
                needed = hint.get_content_height(hint.container_size, held.app.size, width)
                assert needed <= hint.content_size.height, (step.key, str(hint.render()))
                lines = hint.render_lines(Region(0, 0, width, needed))
                drawn = " ".join("".join(s.text for s in line).strip() for line in lines)
                assert " ".join(str(hint.render()).split()) == " ".join(drawn.split())


async def test_history_at_80x24_shows_the_matched_word_in_every_row(
    demo_repository: Repository,
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"webinar")
        await settle(pilot)
        matched = [row for row in screen_text(app).splitlines() if "weekly · W" in row]
        assert len(matched) == len(rows(screen)) >= 2
        for row in matched:
            assert "webinar" in row.casefold(), row  # the word itself, not cut off at the edge


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_minutes_key_results_fit_the_screen(
    demo_repository: Repository, size: tuple[int, int]
) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MinutesScreen)
        markdown = app.screen.query_one(Markdown)
        source = markdown.source
        # The summary and the action items come first: bring the key results into view.
        heading = next(
            h for h in markdown.query(MarkdownBlock) if (h.source or "").strip() == "## Key results"
        )
        heading.scroll_visible(animate=False, top=True)
        await settle(pilot)
        text = screen_text(app)
        if size[0] < TABLE_MIN_WIDTH:  # stacked: each title whole, its figures beneath
            assert "| Key result | Previous |" not in source
            assert "• Upgrade 1,000 existing members from Tier 3 to Tier 2" in text
            assert "Target 1,000 members" in text  # its figures drawn, not only written
            assert "…" not in text  # no title or figure cut short
        else:
            assert "| Key result | Previous | Value |" in source
            assert "Upgrade 1,000 existing members from Tier 3 to Tier 2" in text
            assert "1,000 members" in text


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
@pytest.mark.parametrize("step", ["contributions", "next_week"])
async def test_the_key_result_legend_uses_the_width_it_has(
    demo_folder: Path, step: str, size: tuple[int, int]
) -> None:
    """On a projector every title is whole; at 80×24 every key result is still numbered, in
    two lines that break between key results, never inside one."""
    async with holding_meeting(demo_folder, step=step, size=size) as held:
        await held.pilot.pause()
        legend = held.screen.query_one(f"#step-{step} .legend", Static)
        lines = str(legend.render()).splitlines()
        assert len(lines) <= 2 and legend.region.height == len(lines)
        assert all(cell_len(line) <= legend.content_size.width for line in lines)
        entries = [e.strip() for line in lines for e in line.removeprefix("KRs: ").split(" · ")]
        assert [e.split(" ", 1)[0] for e in entries] == ["1", "2", "3", "4"]
        if size == (200, 60):
            titles = [s.kr.title for s in held.session.kr_snapshots]
            assert [e.split(" ", 1)[1] for e in entries] == titles


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_trainings_held_fit_at_80x24_and_stay_a_table_on_a_projector(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    """Every training's topic, presenter, minutes and attendance can be read whole at 80×24."""
    async with holding_meeting(demo_folder, "quarterly", step="trainings_held", size=size) as held:
        await held.pilot.pause()
        screen = held.screen
        table = screen.query_one("#trainings-table")
        stacked = screen.query_one("#trainings-stacked")
        assert table.display == (size == (200, 60)) != stacked.display
        assert held.app.focused is (table if table.display else stacked)
        # The step's side of the screen, right of the agenda (whose names may be cut).
        text = "\n".join(
            line.split("▕", 1)[1] for line in screen_text(held.app).splitlines() if "▕" in line
        )
        held_trainings = trainings_held(rollup_sessions(held.session, screen.context.earlier))
        assert len(held_trainings) >= 2
        for training in held_trainings:
            for part in (training.topic, training.presenter, training.attendance):
                assert part in text, (size, part)
            assert f"{training.minutes}" in text
        assert "…" not in text  # no cell cut short


async def test_at_80x24_a_long_facilitator_name_is_shown_whole_beside_the_clocks(
    demo_folder: Path,
) -> None:
    name = "Maria-Fernanda Oliveira-Santos"
    async with holding_meeting(demo_folder, size=(80, 24)) as held:
        await held.pilot.press("shift+tab", "ctrl+u", *name, "enter")
        await held.pilot.pause()
        assert held.session.facilitator == name
        header = held.screen.query_one("#meeting-header")
        lines = screen_text(held.app).splitlines()[: header.region.height]
        assert name in " ".join(line.strip() for line in lines)
        assert "Step 0:00" in lines[0] and "Meeting 0:00" in lines[0]


PARAGRAPH = (
    "Tier 1 upgrades are ahead of pace after the webinar, the portal is two weeks late, "
    "and Dana will ask marketing for the leads list before Friday's call."
)


@pytest.mark.parametrize(
    ("kind", "step", "box"),
    [
        ("weekly", "wrap_up", "summary"),
        ("weekly", "experiences", "note-text"),
        ("weekly", "training", "training-notes"),
        ("quarterly", "retrospective", "went-well"),
    ],
)
async def test_at_80x24_a_paragraph_stays_in_sight_as_it_is_typed(
    demo_folder: Path, kind: SessionKind, step: str, box: str
) -> None:
    """A 130-character summary or note wraps inside its box: every word can be read."""
    assert len(PARAGRAPH) >= 130
    async with holding_meeting(demo_folder, kind, step=step, size=(80, 24)) as held:
        field = held.screen.query_one(f"#{box}", TextBox)
        held.screen.set_focus(field)
        await held.pilot.press(*PARAGRAPH)
        await held.pilot.pause()
        assert field.text == PARAGRAPH
        assert field.region.height >= 3 and field.scroll_y == 0  # grown, not scrolled
        drawn = [line.split("▕", 1)[-1] for line in screen_text(held.app).splitlines()]
        assert " ".join(PARAGRAPH.split()) in " ".join(" ".join(drawn).split())
