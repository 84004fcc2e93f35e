"""Waiting for the screens that read in workers: history and home."""

from __future__ import annotations

from textual.pilot import Pilot

from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.home import HomeScreen


async def settle(pilot: Pilot[None]) -> None:
    """Let the app handle what was sent, then wait for the screen on top to be read and shown.

    History and home read in workers (history also waits for a pause in typing): a plain
    pause can return before the rows arrive.
    """
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, HistoryScreen | HomeScreen):
        await screen.settled()
        await pilot.pause()
