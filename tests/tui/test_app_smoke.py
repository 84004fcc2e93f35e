"""The app opens on the demo data and shows the team's key results."""

from __future__ import annotations

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY


async def test_app_opens_on_demo_team(demo_repository: Repository) -> None:
    app = OkrApp(demo_repository, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#summary").render())
        assert "Sales" in text
        assert "Upgrade 500 existing members from Tier 2 to Tier 1: 226 members" in text
