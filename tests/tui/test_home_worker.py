"""Home reads another team in a worker: the keys keep answering while its files are read."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from okrtui.domain.models import Session, SessionKind, Team
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.help import HelpScreen
from okrtui.tui.screens.home import HomeScreen
from tests.conftest import TODAY
from tests.tui.settle import settle


async def test_keys_answer_while_another_team_is_read(demo_folder: Path) -> None:
    repository = Repository.open(demo_folder)
    repository.save_team(Team(id="ops", name="Operations"))
    started, release = threading.Event(), threading.Event()
    sessions = repository.sessions

    def slow(
        quarter: str, team_id: str | None = None, kind: SessionKind | None = None
    ) -> list[Session]:
        if team_id == "ops":
            started.set()
            assert release.wait(timeout=30), "the test never let the read finish"
        return sessions(quarter, team_id, kind)

    repository.sessions = slow  # type: ignore[method-assign]
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # the demo's second team, read at once
        await settle(pilot)
        assert app.team_id == "support"
        await pilot.press("t")  # the next team: Operations, whose files are slow today
        assert await asyncio.to_thread(started.wait, 30)
        await pilot.press("question_mark")  # answered while the read is stuck
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Operations" in str(app.screen.query_one("#quarter-label").render())
