"""Bad input in each step gets a plain message at the field; nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from okrtui.tui.dialogs.confirm import ConfirmDialog
from tests.tui.meeting_helpers import error_text, holding_meeting


async def test_checkin_rejects_a_word_and_keeps_it(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="checkins") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press(*"lots", "enter")
        assert "'lots' is not a number" in error_text(screen, "value-1")
        assert screen.query_one("#value-1", Input).value == "lots"
        assert screen.context.session.checkin("kr-tier1") is None
        await pilot.press("ctrl+u", *"4.8k", "enter")
        assert error_text(screen, "value-1") == ""
        assert screen.context.session.checkin("kr-tier1").value == 4800  # type: ignore[union-attr]


async def test_attendance_refuses_an_empty_or_repeated_guest(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="attendance") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press("tab", "enter")
        assert "type the guest's name" in error_text(screen, "guest-name")
        await pilot.press(*"Maya", "enter", *"maya", "enter")
        assert "already listed" in error_text(screen, "guest-name")
        assert screen.context.session.guests == ["Maya"]


async def test_contribution_needs_a_known_member_and_text(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="contributions") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press(*"zed", "enter")
        assert "no member called 'zed'" in error_text(screen, "contrib-member")
        await pilot.press("ctrl+u", *"ben", "enter", *"9", "enter")
        assert "there is no key result 9" in error_text(screen, "contrib-kr")
        await pilot.press("ctrl+u", "enter", "enter")
        assert "What they did cannot be empty" in error_text(screen, "contrib-text")
        assert screen.context.session.contributions == []
        assert screen.query_one("#contrib-member", Input).value == "Ben Okafor"


async def test_experience_needs_a_kind(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="experiences") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press(*"rant", "enter")
        assert "choose the kind" in error_text(screen, "note-kind")
        assert screen.query_one("#note-kind", Input).value == "rant"


async def test_training_minutes_must_be_a_number(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="training") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press("enter")
        assert "The topic cannot be empty" in error_text(screen, "training-topic")
        # Maya is nobody here yet: asked, and added as a guest.
        await pilot.press(*"Pricing", "enter", *"Maya", "enter", "y", "ctrl+u", *"ten", "enter")
        assert "whole number of minutes" in error_text(screen, "training-minutes")
        await pilot.press("ctrl+u", *"10", "enter", "enter", "enter")
        [training] = screen.context.session.trainings
        assert (training.presenter_id, training.presenter_name) == (None, "Maya")


async def test_commitment_due_date_cannot_be_before_the_meeting(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="next_week") as held:
        screen, pilot = held.screen, held.pilot
        # Past the kind (a target) and the key result (none), to the due date.
        await pilot.press(*"dana", "enter", *"Share the dashboard", "enter", "enter", "enter")
        await pilot.press("ctrl+u", *"2026-11-01", "enter")
        assert "cannot be before the meeting (2026-11-12)" in error_text(screen, "commit-due")
        await pilot.press("ctrl+u", *"next friday", "enter")
        assert "'next friday' is not a date" in error_text(screen, "commit-due")
        assert screen.context.session.commitments == []
        assert screen.query_one("#commit-text", Input).value == "Share the dashboard"


async def test_finishing_needs_a_summary(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="wrap_up") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press("tab", "f")
        assert "Write a short summary" in error_text(screen, "summary")
        assert screen.context.session.status == "in_progress"
        assert held.app.screen is screen


async def test_a_presenter_or_attendee_who_is_nobody_here_is_asked_about_not_guessed(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder, step="training") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press(*"Pricing", "enter", *"Bne", "enter")
        assert isinstance(held.app.screen, ConfirmDialog)
        assert "No member or guest is called 'Bne'" in held.app.screen.question
        await pilot.press("n")  # a typo: nothing is added, the field says why
        assert "No member or guest is called 'Bne'" in error_text(screen, "training-presenter")
        assert screen.context.session.guests == []
        await pilot.press("ctrl+u", *"Raj from finance", "enter", "y")
        assert held.saved().guests == ["Raj from finance"]
        assert held.app.focused is screen.query_one("#training-minutes", Input)
        await pilot.press("enter", *"ben, Lea", "enter")
        assert isinstance(held.app.screen, ConfirmDialog)
        await pilot.press("y", "enter")
        [training] = held.saved().trainings
        assert (training.presenter_id, training.presenter_name) == (None, "Raj from finance")
        assert (training.attendee_ids, training.attendee_guests) == (["ben"], ["Lea"])
