"""The parking lot: a topic parked from any step, shown in the minutes, offered next time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.park_topic import ParkTopicDialog
from okrtui.tui.dialogs.parked_topics import ParkedTopicsDialog
from tests.conftest import TODAY
from tests.tui.meeting_helpers import (
    app_on_day,
    finish_from_wrap_up,
    go_to_step,
    meeting,
    start_meeting,
)

TOPIC = "Loyalty points for Tier 1 upgrades"


async def park(pilot: Pilot[None], *keys: str) -> ParkTopicDialog | None:
    """ctrl+k, type, Enter: the dialog if it is still open (the line was refused)."""
    await pilot.press("ctrl+k")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ParkTopicDialog)
    await pilot.press(*keys, "enter")
    await pilot.pause()
    screen = pilot.app.screen
    return screen if isinstance(screen, ParkTopicDialog) else None


async def test_a_topic_parked_mid_step_is_in_the_minutes_and_offered_next_week(
    demo_folder: Path,
) -> None:
    async with app_on_day(demo_folder, TODAY).run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        await go_to_step(pilot, "checkins")  # the cursor is in a value field
        refused = await park(pilot, *"   ")
        assert refused is not None, "an empty topic is not parked"
        message = str(refused.query_one("#park-text-error", Static).render())
        assert "topic" in message.lower() and "Traceback" not in message
        await pilot.press("ctrl+u", *TOPIC, "enter")
        await pilot.pause()
        screen = meeting(pilot.app)
        assert [t.text for t in screen.context.session.parked] == [TOPIC]
        assert screen.step.key == "checkins"  # the meeting goes on where it was
        # Kept with the team at once, not only when the meeting finishes.
        assert [t.text for t in Repository.open(demo_folder).parked_topics("sales")] == [TOPIC]
        minutes = await finish_from_wrap_up(pilot)
        assert f"## Parked for a later meeting\n\n- {TOPIC}" in minutes

    async with app_on_day(demo_folder, TODAY + timedelta(days=7)).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app, OkrApp)
        pilot.app.action_start_weekly_meeting()
        await pilot.pause()
        await pilot.pause()
        # Not while the room takes attendance and checks the key results...
        assert meeting(pilot.app).step.key == "attendance"
        await go_to_step(pilot, "checkins")
        # ...but where the discussion starts.
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        offer = pilot.app.screen
        assert isinstance(offer, ParkedTopicsDialog), "the experiences step offers the topic"
        assert TOPIC in str(
            offer.query_one("#parked-list", OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("b")  # take it up as an issue
        await pilot.pause()
        screen = meeting(pilot.app)
        session = screen.context.session
        assert [(n.kind, n.text) for n in session.notes] == [("blocker", TOPIC)]
        stored = Repository.open(demo_folder)
        assert [t.status for t in stored.parked_topics("sales")] == ["taken_up"]
        assert [(i.text, i.status) for i in stored.issues("sales")] == [(TOPIC, "open")]
        await pilot.press("ctrl+l")
        await pilot.pause()
