"""The meeting screen's promises: undo of deletes, clocks and timeboxes, a remembered facilitator."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from okrtui.store import Repository
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.widgets.agenda_sidebar import AgendaSidebar
from okrtui.tui.widgets.meeting_clock import MeetingClock
from tests.tui.meeting_helpers import FakeClock, demo_app, holding_meeting, meeting, notifications


async def test_deleted_contribution_comes_back_with_ctrl_z_until_the_step_changes(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder, step="contributions") as held:
        screen, pilot = held.screen, held.pilot
        await pilot.press(*"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
        await pilot.press(*"eli", "enter", "enter", *"Fixed the price sheet", "enter")
        await pilot.press("shift+tab", "delete")  # the list highlights its first entry
        assert [c.text for c in screen.context.session.contributions] == ["Fixed the price sheet"]
        on_disk = Repository.open(demo_folder).session(screen.context.session.id)
        assert [c.text for c in on_disk.contributions] == ["Fixed the price sheet"]

        await pilot.press("ctrl+z")
        texts = [c.text for c in screen.context.session.contributions]
        assert texts == ["Closed 12 upgrades", "Fixed the price sheet"]
        on_disk = Repository.open(demo_folder).session(screen.context.session.id)
        assert [c.text for c in on_disk.contributions] == texts

        listing = screen.query_one("#step-contributions OptionList", OptionList)
        listing.focus()
        listing.highlighted = 1  # under "KR 1", the first entry
        await pilot.press("delete")
        await held.go_to("experiences")
        await held.go_to("contributions")
        await pilot.press("ctrl+z")
        assert [c.text for c in screen.context.session.contributions] == ["Fixed the price sheet"]


async def test_clocks_warn_when_a_timebox_is_exceeded_and_time_is_kept_per_step(
    demo_folder: Path,
) -> None:
    clock = FakeClock()
    async with holding_meeting(demo_folder, clock=clock) as held:
        screen = held.screen
        step_clock = screen.query_one("#step-clock", MeetingClock)
        clock.advance(100)
        screen.refresh_clocks()
        assert not step_clock.has_class("-over")
        clock.advance(30)  # 2:10 of a 2-minute attendance
        screen.refresh_clocks()
        assert step_clock.has_class("-over")
        assert "2:10/2m" in str(step_clock.render())
        await held.go_to("checkins")
        assert not step_clock.has_class("-over")
        assert screen.context.session.step_seconds["attendance"] == 130
        sidebar = str(screen.query_one(AgendaSidebar).render()).splitlines()
        numbers = {step.key: n for n, step in enumerate(screen.steps, start=1)}
        attendance = sidebar.index(f"✓{numbers['attendance']} Attendance")
        assert sidebar[attendance + 1].strip() == "2:10 of 2 min"
        assert f"▶{numbers['checkins']} Key-result check-ins" in sidebar


async def test_facilitator_is_suggested_from_members_and_remembered_for_the_next_meeting(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder) as held:
        app, pilot = held.app, held.pilot
        # Two letters and the right arrow take the member the field suggests.
        await pilot.press("shift+tab", "ctrl+u", *"da", "right", "enter")
        assert meeting(app).context.session.facilitator == "Dana Novak"
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.action_start_another_weekly_meeting()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert meeting(app).context.session.facilitator == "Dana Novak"


async def test_a_team_that_is_gone_gets_a_message_not_a_crash(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.team_id = "no-such-team"
        app.action_start_weekly_meeting()
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
        assert any("cannot start" in message for message in notifications(app))
