"""Redraw the README's pictures: home on the demo data and onboarding, as SVG.

Run with `make screenshots`. The date is fixed so the pace markers do not move between runs.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from okrtui.cli import build_demo
from okrtui.store import Repository
from okrtui.tui.app import OkrApp

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 12)  # week 7 of the demo quarter, as in the tests


async def screenshot(repository: Repository, name: str, size: tuple[int, int]) -> Path:
    """Open the app headless at `size` and save what it shows as HERE/name."""
    app = OkrApp(repository, today=TODAY)
    async with app.run_test(size=size) as pilot:
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
        ]
    for shot in shots:
        print(f"wrote {shot.relative_to(Path.cwd()) if shot.is_relative_to(Path.cwd()) else shot}")


if __name__ == "__main__":
    asyncio.run(main())
