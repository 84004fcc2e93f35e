"""Quitting mid-meeting loses nothing committed; the meeting resumes where it stopped."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Static

from okrtui.domain.models import Session
from okrtui.store import Repository, SaveError
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.resume_or_new import ResumeOrNewDialog
from okrtui.tui.screens.home import HomeScreen
from tests.conftest import TODAY
from tests.tui.meeting_helpers import FakeClock, demo_app, go_to_step, holding_meeting, meeting


async def test_quit_during_checkins_then_resume_finds_every_answer(demo_folder: Path) -> None:
    clock = FakeClock()
    app = demo_app(demo_folder, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_start_weekly_meeting()
        await pilot.pause()
        session_id = meeting(app).context.session.id
        await pilot.press("down", "space")  # Ben is away
        clock.advance(100)
        await go_to_step(pilot, "checkins")
        await pilot.press(*"240", "enter", "2", *"Slow week", "enter")
        await pilot.press(*"4,950", "enter")
        clock.advance(200)
        # Committed answers are on disk already, before the app goes away.
        on_disk = Repository.open(demo_folder).session(session_id)
        assert on_disk.checkin("kr-tier1") is not None
        assert on_disk.checkin("kr-tier2") is not None
        assert on_disk.checkin("kr-tier2").value == 4950  # type: ignore[union-attr]
        await app.action_quit()

    app = demo_app(demo_folder, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")  # this week's meeting continues: one key
        await pilot.pause()
        screen = meeting(app)
        session = screen.context.session
        assert session.id == session_id
        assert screen.step.key == "checkins"
        assert session.present_ids == ["ana", "chen", "dana", "eli"]
        tier1 = session.checkin("kr-tier1")
        assert tier1 is not None
        assert (tier1.value, tier1.confidence, tier1.note) == (240, "at_risk", "Slow week")
        assert screen.query_one("#value-1", Input).value == "240"
        assert screen.query_one("#value-2", Input).value == "4,950"
        assert session.step_seconds["attendance"] == 100
        assert session.step_seconds["checkins"] == 200
        assert "3:20" in str(screen.query_one("#step-clock", Static).render())


async def test_w_continues_this_weeks_meeting_and_a_second_one_needs_a_yes(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder) as held:
        app, pilot = held.app, held.pilot
        first = held.session.id
        await pilot.press("ctrl+l")
        await pilot.press("w")
        await pilot.pause()
        assert meeting(app).context.session.id == first
        await pilot.press("ctrl+l")
        app.action_start_another_weekly_meeting()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.action_start_another_weekly_meeting()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert meeting(app).context.session.id != first
    weeklies = Repository.open(demo_folder).sessions("2026-Q4", "sales")
    assert [s.week for s in weeklies if s.status == "in_progress"] == [7, 7]


async def test_w_after_this_weeks_meeting_was_held_asks_before_another(
    demo_folder: Path,
) -> None:
    repository = Repository.open(demo_folder)
    async with holding_meeting(demo_folder) as held:
        app, pilot = held.app, held.pilot
        session_id = held.session.id
        await pilot.press("ctrl+l")
        session = repository.session(session_id)
        repository.save_session(
            session.model_copy(update={"status": "completed", "ended_at": held.clock()})
        )
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "was held on 12 Nov" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(repository.sessions("2026-Q4", "sales")) == 7


async def test_a_meeting_left_open_last_week_asks_resume_or_new(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder) as held:
        first = held.session.id
        await held.pilot.press("ctrl+l")
    app = OkrApp(Repository.open(demo_folder), today=TODAY + timedelta(days=7), clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ResumeOrNewDialog)
        await pilot.press("n")
        await pilot.pause()
        assert meeting(app).context.session.id != first
        assert meeting(app).context.session.week == 8


async def test_save_failure_warns_and_next_commit_writes_everything(
    demo_folder: Path, monkeypatch: object
) -> None:
    clock = FakeClock()
    app = demo_app(demo_folder, clock)
    real_save = app.repository.save_session
    broken = {"on": False}

    def save(session: Session, wait: bool = True) -> None:
        if broken["on"]:
            raise SaveError("the folder is read-only")
        real_save(session, wait)

    app.repository.save_session = save  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_start_weekly_meeting()
        await pilot.pause()
        screen = meeting(app)
        broken["on"] = True
        await pilot.press("down", "space")  # Ben away: not saved
        status = screen.query_one("#save-status", Static)
        assert "NOT SAVED" in str(status.render())
        assert status.has_class("-error")
        assert screen.context.session.present_ids == ["ana", "chen", "dana", "eli"]
        broken["on"] = False
        await pilot.press("down", "space")  # Chen away: this save writes both
        assert "Saved" in str(status.render())
        saved = Repository.open(demo_folder).session(screen.context.session.id)
        assert saved.present_ids == ["ana", "dana", "eli"]
