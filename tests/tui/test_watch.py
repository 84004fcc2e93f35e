"""Home and the plan editor redraw when another okrtui changes what they show."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static, Tree

from okrtui.domain.models import Member
from okrtui.store import Repository
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen
from tests.tui.meeting_helpers import FakeClock, demo_app
from tests.tui.settle import settle
from tests.tui.test_follow import live_meeting

NOTICED_WITHIN_SECONDS = 3.0  # the watch looks every second


async def test_home_shows_a_meeting_started_elsewhere_without_a_key(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        banner = home.query_one("#banner", Static)
        assert not banner.display
        noticed = asyncio.ensure_future(home.data_watch.noticed())
        live_meeting(demo_folder)  # another okrtui starts this week's meeting
        await asyncio.wait_for(noticed, NOTICED_WITHIN_SECONDS)
        await home.settled()
        await pilot.pause()
        assert banner.display
        assert "is in progress — press c to continue it" in str(banner.render())


async def test_the_plan_editor_shows_a_member_added_elsewhere(demo_folder: Path) -> None:
    app = demo_app(demo_folder, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PlanEditorScreen)

        def labels() -> list[str]:
            tree = editor.query_one(Tree)
            found: list[str] = []
            stack = [tree.root]
            while stack:
                node = stack.pop()
                found.append(str(node.label))
                stack.extend(node.children)
            return found

        assert not any("Fay Ortiz" in label for label in labels())
        noticed = asyncio.ensure_future(editor.data_watch.noticed())
        other = Repository.open(demo_folder)
        other.update_team(
            "sales",
            lambda t: t.model_copy(
                update={"members": [*t.members, Member(id="fay", name="Fay Ortiz")]}
            ),
        )
        await asyncio.wait_for(noticed, NOTICED_WITHIN_SECONDS)
        await pilot.pause()
        assert any("Fay Ortiz" in label for label in labels())
