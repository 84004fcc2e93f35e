"""Redraw the README's pictures: home, onboarding, a weekly meeting, a quarterly review and
history, on the demo data, as SVG.

Run with `make screenshots`. The date is fixed so the pace markers do not move between runs.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from okrtui.services.demo import build_demo
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.home import HomeScreen

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 12)  # week 7 of the demo quarter, as in the tests


def fixed_clock() -> datetime:
    """A clock that never moves, so the meeting clocks read the same on every run."""
    return datetime(2026, 11, 12, 10, 0)


async def screenshot(
    repository: Repository, name: str, size: tuple[int, int], keys: Sequence[str] = ()
) -> Path:
    """Open the app headless at `size`, press `keys` (one pause after each), save HERE/name."""
    app = OkrApp(repository, today=TODAY, clock=fixed_clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            if isinstance(app.screen, HistoryScreen | HomeScreen):  # read in a worker
                await app.screen.settled()
                await pilot.pause()
        written = app.save_screenshot(filename=name, path=str(HERE))
    return Path(written)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Repository.open(Path(folder) / "demo")
        build_demo(demo)
        empty = Repository.open(Path(folder) / "empty")
        shots = [
            await screenshot(demo, "home.svg", (120, 36)),
            await screenshot(demo, "home-projector.svg", (200, 60)),
            await screenshot(empty, "onboarding.svg", (100, 28)),
            await screenshot(demo, "history.svg", (120, 32), ["h"]),
            await screenshot(
                demo, "quarterly.svg", (120, 36), ["r", "enter", "pagedown"]
            ),
        ]
        # Last: it leaves a meeting in progress in the demo folder.
        shots.append(
            await screenshot(
                demo,
                "weekly-checkins.svg",
                (120, 36),
                ["w", "pagedown", "pagedown", *"241", "enter", "1", *"Two renewals", "enter"],
            )
        )
    for shot in shots:
        print(f"wrote {shot.relative_to(Path.cwd()) if shot.is_relative_to(Path.cwd()) else shot}")


if __name__ == "__main__":
    asyncio.run(main())
