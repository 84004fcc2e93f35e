"""Bad input in each step gets a plain message at the field; nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.tui.app import OkrApp
from okrtui.tui.screens.meeting import MeetingScreen
from tests.tui.meeting_helpers import FakeClock, demo_app, meeting


def error_text(screen: MeetingScreen, field_id: str) -> str:
    """The message shown under a field ('' when hidden)."""
    error = screen.query_one(f"#{field_id}-error", Static)
    return str(error.render()) if error.display else ""


async def open_step(app: OkrApp, pilot: Pilot[None], number: int) -> MeetingScreen:
    await pilot.pause()
    app.action_start_weekly_meeting()
    await pilot.pause()
    await pilot.press("ctrl+g", str(number))
    await pilot.pause()
    return meeting(app)


async def test_checkin_rejects_a_word_and_keeps_it(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 3)
        await pilot.press(*"lots", "enter")
        assert "'lots' is not a number" in error_text(screen, "value-1")
        assert screen.query_one("#value-1", Input).value == "lots"
        assert screen.context.session.checkin("kr-tier1") is None
        await pilot.press("ctrl+u", *"4.8k", "enter")
        assert error_text(screen, "value-1") == ""
        assert screen.context.session.checkin("kr-tier1").value == 4800  # type: ignore[union-attr]


async def test_attendance_refuses_an_empty_or_repeated_guest(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 1)
        await pilot.press("tab", "enter")
        assert "type the guest's name" in error_text(screen, "guest-name")
        await pilot.press(*"Maya", "enter", *"maya", "enter")
        assert "already listed" in error_text(screen, "guest-name")
        assert screen.context.session.guests == ["Maya"]


async def test_contribution_needs_a_known_member_and_text(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 4)
        await pilot.press(*"zed", "enter")
        assert "no member called 'zed'" in error_text(screen, "contrib-member")
        await pilot.press("ctrl+u", *"ben", "enter", *"9", "enter")
        assert "there is no key result 9" in error_text(screen, "contrib-kr")
        await pilot.press("ctrl+u", "enter", "enter")
        assert "What they did cannot be empty" in error_text(screen, "contrib-text")
        assert screen.context.session.contributions == []
        assert screen.query_one("#contrib-member", Input).value == "Ben Okafor"


async def test_experience_needs_a_kind(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 5)
        await pilot.press(*"rant", "enter")
        assert "choose the kind" in error_text(screen, "note-kind")
        assert screen.query_one("#note-kind", Input).value == "rant"


async def test_training_minutes_must_be_a_number(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 6)
        await pilot.press("enter")
        assert "The topic cannot be empty" in error_text(screen, "training-topic")
        await pilot.press(*"Pricing", "enter", *"Maya", "enter", "ctrl+u", *"ten", "enter")
        assert "whole number of minutes" in error_text(screen, "training-minutes")
        await pilot.press("ctrl+u", *"10", "enter", "enter", "enter")
        [training] = screen.context.session.trainings
        assert (training.presenter_id, training.presenter_name) == (None, "Maya")


async def test_commitment_due_date_cannot_be_before_the_meeting(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 7)
        await pilot.press(*"dana", "enter", *"Share the dashboard", "enter", "enter")
        await pilot.press("ctrl+u", *"2026-11-01", "enter")
        assert "cannot be before the meeting (2026-11-12)" in error_text(screen, "commit-due")
        await pilot.press("ctrl+u", *"next friday", "enter")
        assert "'next friday' is not a date" in error_text(screen, "commit-due")
        assert screen.context.session.commitments == []
        assert screen.query_one("#commit-text", Input).value == "Share the dashboard"


async def test_finishing_needs_a_summary(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, 8)
        await pilot.press("tab", "f")
        assert "Write a short summary" in error_text(screen, "summary")
        assert screen.context.session.status == "in_progress"
        assert app.screen is screen
