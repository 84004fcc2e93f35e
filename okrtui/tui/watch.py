"""Redrawing a screen when another process changes what it shows.

A screen asks the store, on a slow timer, whether the parts of the data it shows changed
(`Store.changed_since`: a look at the files' status, nothing parsed), and redraws only when
they did. No busy loop: one timer per screen, and nothing is read while the screen is
hidden under another (it redraws when it comes back on top anyway).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, cast

from okrtui.store import StoreError
from okrtui.store.port import DataPart

if TYPE_CHECKING:
    from textual.screen import Screen

    from okrtui.tui.app import OkrApp

# How often home, history and the plan editor look at the files.
WATCH_SECONDS = 1.0


class DataWatch:
    """Calls `redraw` when one of `parts` of the store changed since the last look."""

    def __init__(
        self,
        screen: Screen[None],
        parts: Sequence[DataPart],
        redraw: Callable[[], None],
        every: float = WATCH_SECONDS,
    ) -> None:
        self.screen = screen
        self.parts = tuple(parts)
        self.redraw = redraw
        self.every = every
        self.looks = 0  # how many times it looked (tests: the first look after a save redraws)
        self._seen = self._versions()
        self._noticed = asyncio.Event()
        screen.set_interval(every, self.look)

    async def noticed(self) -> None:
        """Wait until the next change is noticed and redrawn (tests)."""
        self._noticed.clear()
        await self._noticed.wait()

    def _versions(self) -> tuple[Hashable, ...]:
        repository = cast("OkrApp", self.screen.app).repository
        return tuple(repository.version(part) for part in self.parts)

    def mark_seen(self) -> None:
        """What is on screen now is the data as it is (called before reading it again)."""
        try:
            self._seen = self._versions()
        except (StoreError, OSError):
            self._seen = ()

    def look(self) -> None:
        """Redraw when the data changed and the screen is in view."""
        if not in_view(self.screen):
            return
        self.looks += 1
        try:
            now = self._versions()
        except (StoreError, OSError):
            return  # a file being replaced this instant: the next look sees it
        if now != self._seen:
            self._seen = now
            self.redraw()
            self._noticed.set()


def in_view(screen: Screen[None]) -> bool:
    """True for the screen on top, and for one that shows through the screens above it.

    Textual's `Screen.is_current` also holds for the screen right under the top one when
    the top one is opaque (home under a meeting): home went on re-reading and rebuilding
    its rows at every save of the meeting, inside the meeting's keys.
    """
    stack = screen.app.screen_stack
    if screen not in stack:
        return False
    above = stack[stack.index(screen) + 1 :]
    return all(s.styles.background.a < 1 for s in above)
