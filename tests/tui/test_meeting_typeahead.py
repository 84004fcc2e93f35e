"""Keys typed right after Enter reach the next field, and the answer is saved before them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from okrtui.domain.models import Session
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.meeting import MeetingScreen
from tests.quick_keys import burst
from tests.tui.meeting_helpers import FakeClock, demo_app, go_to_step

NOTE = "Three renewals"


async def open_checkins(app: OkrApp, pilot: Pilot[None]) -> MeetingScreen:
    """Start the demo team's meeting and go to the check-ins."""
    return await open_step(app, pilot, "checkins")


def saved_checkin(folder: Path, session_id: str, kr_id: str) -> tuple[float | None, str, str]:
    """(value, confidence, note) of a check-in as a fresh repository reads it from disk."""
    session = Repository.open(folder).session(session_id)
    checkin = session.checkin(kr_id)
    assert checkin is not None, "the check-in was not saved"
    return checkin.value, str(checkin.confidence), checkin.note


def value_error(screen: MeetingScreen) -> str:
    error = screen.query_one("#value-1-error", Static)
    return str(error.render()) if error.has_class("-shown") else ""


async def test_typing_ahead_of_enter_fills_the_next_fields(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        await pilot.press(*"1200", "enter", "1", *NOTE, "enter")
        await pilot.pause()
        assert screen.query_one("#value-1", Input).value == "1200"
        assert value_error(screen) == ""
        assert screen.query_one("#note-1", Input).value == NOTE
        session_id = screen.context.session.id
    assert saved_checkin(demo_folder, session_id, "kr-tier1") == (1200, "on_track", NOTE)


async def test_a_burst_of_keys_lands_field_by_field(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        burst(app, [*"1200", "enter", "1", *NOTE, "enter", *"950"])
        for _ in range(50):  # bounded: until the last key has reached the second card
            await pilot.pause()
            if screen.query_one("#value-2", Input).value == "950":
                break
        assert screen.query_one("#value-1", Input).value == "1200"
        assert value_error(screen) == ""
        assert screen.query_one("#note-1", Input).value == NOTE
        assert screen.query_one("#value-2", Input).value == "950"
        session_id = screen.context.session.id
    assert saved_checkin(demo_folder, session_id, "kr-tier1") == (1200, "on_track", NOTE)


async def test_enter_saves_before_the_next_key_is_handled(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkins(app, pilot)
        value = screen.query_one("#value-1", Input)
        saved: list[tuple[Session, str]] = []
        save = app.repository.save_session

        def recording_save(session: Session, wait: bool = True) -> None:
            # What the value field holds when the save happens: the keys typed after
            # Enter must not have reached it yet (nor anywhere else).
            saved.append((session, value.value))
            save(session, wait)

        app.repository.save_session = recording_save  # type: ignore[method-assign]
        await pilot.press(*"1200")
        burst(app, ["enter", "2"])
        for _ in range(50):
            await pilot.pause()
            if saved and len(saved) >= 2:
                break
        first, field_text = saved[0]
        checkin = first.checkin("kr-tier1")
        assert checkin is not None and checkin.value == 1200
        assert field_text == "1200"
        assert value.value == "1200"
        assert screen.context.session.checkin("kr-tier1").confidence == "at_risk"  # type: ignore[union-attr]


async def open_step(app: OkrApp, pilot: Pilot[None], key: str) -> MeetingScreen:
    """Start the demo team's meeting and go to the step `key`."""
    await pilot.pause()
    app.action_start_weekly_meeting()
    await pilot.pause()
    return await go_to_step(pilot, key)


async def settle_until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let the app work until `done()` holds (bounded)."""
    for _ in range(50):
        await pilot.pause()
        if done():
            return


async def test_guests_typed_in_one_burst_are_each_added(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, "attendance")
        await pilot.press("tab")
        burst(app, [*"Maya", "enter", *"Lee", "enter"])
        await settle_until(pilot, lambda: len(screen.context.session.guests) == 2)
        assert screen.context.session.guests == ["Maya", "Lee"]
        assert screen.query_one("#guest-name", Input).value == ""
        session_id = screen.context.session.id
    assert Repository.open(demo_folder).session(session_id).guests == ["Maya", "Lee"]


async def test_keys_typed_right_after_tab_land_in_the_next_field(demo_folder: Path) -> None:
    # Under load a terminal hands the app Tab and the next letters in one read: the cursor
    # must have moved before the letters are routed, or they go to the list and are lost.
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, "attendance")
        burst(app, ["tab", *"Raj", "enter", "shift+tab", "shift+tab"])
        await settle_until(pilot, lambda: screen.context.session.guests == ["Raj"])
        assert screen.context.session.guests == ["Raj"]
        focused = app.focused
        assert focused is not None and focused.id == "facilitator"


async def test_an_experience_typed_in_one_burst_is_added_whole(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(app, pilot, "experiences")
        burst(app, [*"lesson", "enter", "enter", *"Ask early", "enter", *"win"])
        await settle_until(pilot, lambda: screen.query_one("#note-kind", Input).value == "win")
        notes = screen.context.session.notes
        assert [(n.kind, n.text) for n in notes] == [("lesson", "Ask early")]
        assert screen.query_one("#note-kind", Input).value == "win"
        session_id = screen.context.session.id
    saved = Repository.open(demo_folder).session(session_id).notes
    assert [(n.kind, n.text) for n in saved] == [("lesson", "Ask early")]
