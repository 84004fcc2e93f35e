"""History reads in a worker: typing stays quick, and a search waits for a pause in typing."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.widgets import Input

from okrtui.domain.models import Session
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY
from tests.tui.history_data import open_history, rows, settle, three_quarter_folder

SIZE = (120, 36)


async def test_typing_ten_characters_quickly_runs_one_search(tmp_path: Path) -> None:
    repository = Repository.open(three_quarter_folder(tmp_path))
    searched: list[tuple[str, tuple[str, ...]]] = []
    search = repository.search_sessions

    def counting(quarter: str, words: list[str]) -> list[Session]:
        searched.append((quarter, tuple(words)))
        return search(quarter, words)

    repository.search_sessions = counting  # type: ignore[method-assign]
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"lighthouse")  # ten characters, no pause between them
        await settle(pilot)
        # One search for the whole word: each older quarter searched once, not once a key.
        assert searched == [("2026-Q3", ("lighthouse",)), ("2026-Q2", ("lighthouse",))]
        assert rows(screen) == ["2026-Q3-demo02", "2026-Q3-demo01"]


async def test_keys_are_handled_while_a_search_runs(tmp_path: Path) -> None:
    repository = Repository.open(three_quarter_folder(tmp_path))
    started, release = threading.Event(), threading.Event()
    search = repository.search_sessions

    def slow(quarter: str, words: list[str]) -> list[Session]:
        started.set()
        assert release.wait(timeout=30), "the test never let the search finish"
        return search(quarter, words)

    repository.search_sessions = slow  # type: ignore[method-assign]
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"lighthouse")
        assert await asyncio.to_thread(started.wait, 30)  # the search is under way
        # The file search is stuck; the screen still takes every key and shows it.
        await pilot.press("space", *"project")
        await pilot.pause()
        assert screen.query_one("#search", Input).value == "lighthouse project"
        assert "reading…" in str(screen.query_one("#history-status").render())
        release.set()
        await settle(pilot)
        assert rows(screen) == ["2026-Q3-demo02", "2026-Q3-demo01"]
        assert "reading…" not in str(screen.query_one("#history-status").render())
