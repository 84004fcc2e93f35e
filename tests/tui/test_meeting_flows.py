"""Guests at trainings and ratings, the question before finishing, and amending a meeting."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown

from okrtui.minutes import render
from okrtui.store import Repository
from okrtui.store.holders import this_process
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.minutes import MinutesScreen
from tests.store.holding_process import held_elsewhere
from tests.tui.meeting_helpers import FakeClock, demo_app, go_to_step, meeting, notifications
from tests.tui.settle import settle

WEEK6 = "2026-Q4-demo06"  # the demo's last finished meeting, newest in history


async def start_weekly(pilot: Pilot[None], app: OkrApp) -> None:
    await pilot.pause()
    app.action_start_weekly_meeting()
    await pilot.pause()
    meeting(app)


async def add_guest(pilot: Pilot[None], name: str) -> None:
    """On attendance: type a guest's name into the guest field."""
    await pilot.press("tab", *name, "enter")
    await pilot.pause()


def minutes_text(app: OkrApp) -> str:
    assert isinstance(app.screen, MinutesScreen), f"expected the minutes, got {app.screen!r}"
    return app.screen.query_one(Markdown).source


# -- guests ---------------------------------------------------------------------------------


async def test_a_guest_attends_presents_and_rates_and_the_minutes_show_it(
    demo_folder: Path,
) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_weekly(pilot, app)
        await add_guest(pilot, "Maya")
        screen = meeting(app)
        session_id = screen.context.session.id
        present = list(screen.context.session.present_ids)

        await go_to_step(pilot, "training")
        # Maya presents; attendees left blank: everyone present, Maya included.
        await pilot.press(*"Pricing stories", "enter", *"Maya", "enter", "enter", "enter")
        await pilot.press(*"From marketing", "enter")
        # Ben presents; Maya is named as an attendee.
        await pilot.press(*"Tier 1 pitch", "enter", *"ben", "enter", "enter")
        await pilot.press(*"maya, chen", "enter", "enter")
        await pilot.pause()
        first, second = Repository.open(demo_folder).session(session_id).trainings
        assert (first.presenter_id, first.presenter_name) == (None, "Maya")
        assert first.attendee_ids == present and first.attendee_guests == ["Maya"]
        assert second.presenter_id == "ben"
        assert (second.attendee_ids, second.attendee_guests) == (["chen"], ["Maya"])

        await go_to_step(pilot, "wrap_up")
        await pilot.press(*"Maya joined us", "enter")
        await pilot.press(*(["8"] * len(present)), "6")  # the guest is rated last
        await pilot.pause()
        saved = Repository.open(demo_folder).session(session_id)
        assert saved.guest_ratings == {"Maya": 6}
        assert len(saved.ratings) == len(present)

        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # for the steps this test leaves empty
        await pilot.press("y")
        await pilot.pause()
        text = minutes_text(app)
        assert "Given by Maya (guest), 10 min" in text
        assert "Maya (guest)" in text.split("Tier 1 pitch")[1]
        assert f"({len(present) + 1} ratings)" in text

    finished = Repository.open(demo_folder).session(session_id)
    html = render(finished, "html")
    assert "Given by Maya (guest), 10 min" in html
    document = json.loads(render(finished, "json"))
    trainings = document["session"]["trainings"]
    assert [t["attendee_guests"] for t in trainings] == [["Maya"], ["Maya"]]
    assert document["session"]["guest_ratings"] == {"Maya": 6}
    ratings = [*finished.ratings.values(), 6]
    assert document["average_rating"] == pytest.approx(sum(ratings) / len(ratings))


# -- finishing ------------------------------------------------------------------------------


async def test_finishing_with_empty_steps_asks_naming_them(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_weekly(pilot, app)
        session_id = meeting(app).context.session.id
        await go_to_step(pilot, "contributions")
        await pilot.press(*"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
        await go_to_step(pilot, "wrap_up")
        await pilot.press(*"Short one", "enter")

        for keep_open in ("n", "escape"):
            await pilot.press("f")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog), "f asks first"
            assert dialog.question == (
                "Nothing was entered in: Last week's commitments, Key-result check-ins, "
                "Experiences: wins, lessons, blockers, Mini-training, "
                "Next week's targets & actions. Finish anyway?"
            )
            await pilot.press(keep_open)
            await pilot.pause()
            assert meeting(app).context.session.status == "in_progress"
            assert Repository.open(demo_folder).session(session_id).status == "in_progress"

        await pilot.press("f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Closed 12 upgrades" in minutes_text(app)
    assert Repository.open(demo_folder).session(session_id).status == "completed"


# -- amending -------------------------------------------------------------------------------


async def open_history(pilot: Pilot[None], app: OkrApp) -> HistoryScreen:
    await pilot.pause()
    app.action_browse_history()
    await settle(pilot)  # history reads in a worker
    assert isinstance(app.screen, HistoryScreen)
    assert app.screen.current is not None and app.screen.current.id == WEEK6
    return app.screen


async def test_a_finished_meeting_is_amended_from_history(demo_folder: Path) -> None:
    before = Repository.open(demo_folder).session(WEEK6)
    clock = FakeClock()
    app = demo_app(demo_folder, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        assert meeting(app).context.session.id == WEEK6
        await go_to_step(pilot, "contributions")
        clock.advance(600)  # ten minutes of correcting
        amended_at = clock.now
        await pilot.press(*"eli", "enter", "2", "enter", *"Fixed the Tier 2 sheet", "enter")
        await pilot.pause()
        saved = Repository.open(demo_folder).session(WEEK6)
        assert "Fixed the Tier 2 sheet" in [c.text for c in saved.contributions]
        clock.advance(300)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("enter")  # its minutes, as corrected
        await pilot.pause()
        text = minutes_text(app)
        assert "Fixed the Tier 2 sheet" in text
        assert "amended on Thursday 12 November 2026 at 10:10 by" in text

    after = Repository.open(demo_folder).session(WEEK6)
    assert after.status == "completed"
    assert after.ended_at == before.ended_at
    assert after.step_seconds == before.step_seconds, "correcting is not meeting time"
    assert [(a.at, a.by) for a in after.amended] == [(amended_at, this_process().user)]
    assert Repository.open(demo_folder).in_progress("sales") is None
    for fmt in ("md", "html"):
        assert "amended on Thursday 12 November 2026 at 10:10" in render(after, fmt)
    document = json.loads(render(after, "json"))
    assert document["amended"] == [{"at": amended_at.isoformat(), "by": this_process().user}]


@pytest.fixture
def week6_held_elsewhere(demo_folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another okrtui process holding the demo's week-6 meeting."""
    with held_elsewhere(demo_folder, WEEK6) as process:
        yield process


async def test_amending_is_refused_while_the_meeting_is_open_elsewhere(
    demo_folder: Path, week6_held_elsewhere: subprocess.Popen[str]
) -> None:
    before = Repository.open(demo_folder).session(WEEK6)
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen), "the meeting does not open"
        said = notifications(app)
        assert any(
            "cannot be amended" in m and f"process {week6_held_elsewhere.pid}" in m for m in said
        )
    assert Repository.open(demo_folder).session(WEEK6) == before
