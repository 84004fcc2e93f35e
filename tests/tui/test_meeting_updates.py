"""Members' own updates in the meeting: each step shows those waiting for it, and one key
accepts one (or loads it into the form first), so nothing is typed twice."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from textual.widgets import Input, Static

from okrtui.services.updates import compose_update
from okrtui.store import Repository
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.widgets.text_box import TextBox
from tests.tui.meeting_helpers import holding_meeting

SENT_AT = datetime(2026, 11, 12, 8, 30)


def send(folder: Path, member: str, kind: str, **typed: str) -> str:
    """A member sends an update from their own okrtui (another store on the folder)."""
    repository = Repository.open(folder)
    update = compose_update(repository, "sales", member, kind, now=SENT_AT, **typed)  # type: ignore[arg-type]
    repository.submit_update(update)
    return update.id


def panel(screen: MeetingScreen) -> Static:
    return screen.query_one("#pending-updates", Static)


def inbox(folder: Path) -> list[str]:
    return [u.id for u in Repository.open(folder).pending_updates("sales")]


async def test_a_contribution_sent_before_the_meeting_is_accepted_with_one_key(
    demo_folder: Path,
) -> None:
    send(demo_folder, "ben", "contribution", text="Ana ran the upgrade webinar", whose="ana")
    async with holding_meeting(demo_folder, step="contributions") as held:
        shown = str(panel(held.screen).render())
        assert panel(held.screen).display
        assert "Ben Okafor: contribution of Ana Costa — Ana ran the upgrade webinar" in shown
        await held.pilot.press("ctrl+y")
        await held.pilot.pause()
        [saved] = held.saved().contributions
        assert (saved.member_id, saved.text, saved.from_member) == (
            "ana",
            "Ana ran the upgrade webinar",
            "ben",
        )
        assert inbox(demo_folder) == []  # it left the inbox: it is the meeting's entry now
        assert not panel(held.screen).display
        assert "Saved" in str(held.screen.query_one("#save-status", Static).render())


async def test_an_update_sent_during_the_meeting_shows_and_is_edited_first(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder, step="experiences") as held:
        assert not panel(held.screen).display
        noticed = asyncio.ensure_future(held.screen.inbox_watch.noticed())
        send(demo_folder, "chen", "experience", experience="blocker", text="CRM is down")
        await asyncio.wait_for(noticed, 3.0)
        await held.pilot.pause()
        assert "Chen Wei: blocker — CRM is down" in str(panel(held.screen).render())
        await held.pilot.press("ctrl+f")
        await held.pilot.pause()
        text = held.screen.query_one("#note-text", TextBox)
        assert text.value == "CRM is down"
        text.focus()
        await held.pilot.press("end", *" since Monday", "enter")
        await held.pilot.pause()
        [note] = [n for n in held.saved().notes if n.kind == "blocker"]
        assert (note.text, note.from_member) == ("CRM is down since Monday", "chen")
        assert inbox(demo_folder) == []


async def test_a_checkin_is_accepted_onto_its_card(demo_folder: Path) -> None:
    send(demo_folder, "dana", "checkin", kr="1", value="240", confidence="at risk")
    send(demo_folder, "dana", "target", text="Call ten members")  # waits for next_week
    async with holding_meeting(demo_folder, step="checkins") as held:
        assert "Dana Novak: check-in of" in str(panel(held.screen).render())
        await held.pilot.press("ctrl+y")
        await held.pilot.pause()
        checkin = held.saved().checkin("kr-tier1")
        assert checkin is not None
        assert (checkin.value, checkin.confidence, checkin.from_member) == (240, "at_risk", "dana")
        assert held.screen.query_one("#value-1", Input).value == "240"
        assert len(inbox(demo_folder)) == 1  # the target waits for its own step
        await held.go_to("next_week")
        assert "Dana Novak: target of Dana Novak — Call ten members" in str(
            panel(held.screen).render()
        )
