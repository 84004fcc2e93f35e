"""Redraw the README's pictures: home, onboarding, a weekly meeting, a quarterly review and
history, on the demo data, as SVG; and the HTML minutes of a quarterly review of the demo,
as a PNG drawn by headless Chromium (Debian's `chromium`) at the width of an A4 page.

Run with `make screenshots`. The date is fixed so the pace markers do not move between runs.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from okrtui.domain.agenda import QUARTERLY_AGENDA
from okrtui.domain.history import earlier_sessions
from okrtui.domain.meeting import (
    add_time,
    finish,
    new_session,
    set_rating,
    set_summary,
    upsert_item,
)
from okrtui.domain.models import Note
from okrtui.domain.quarterly import computed_score, quarter_paths, set_score
from okrtui.minutes import render_html
from okrtui.services.demo import build_demo
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.home import HomeScreen

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 12)  # week 7 of the demo quarter, as in the tests
# The demo's quarterly review, held at the quarter's end; A4 is 794 pixels wide at 96 dpi.
REVIEW_DAY = date(2026, 12, 17)
# The picture ends under the second key result's chart.
A4_WIDTH, PICTURE_HEIGHT = 794, 1665
RATINGS = {"ana": 8, "ben": 9, "chen": 8, "dana": 7, "eli": 8}


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


def quarterly_review(demo: Repository) -> str:
    """The HTML minutes of a quarterly review of the demo's sales team, every score as the
    rules compute it from the weekly check-ins."""
    team = demo.team("sales")
    objectives = demo.objectives("sales", "2026-Q4")
    started = datetime(2026, 12, 17, 14, 0)
    review = new_session(
        "2026-Q4-review", team, objectives, "quarterly", REVIEW_DAY, started, "Ana Costa"
    )
    weekly = demo.sessions("2026-Q4", "sales", "weekly")
    for path in quarter_paths("2026-Q4", objectives, weekly):
        review = set_score(review, computed_score(path), objectives)
    review = set_summary(
        review, "Tier 1 upgrades ahead of pace; Tier 2 upgrades behind it while leads were paused."
    )
    notes = [
        Note(id="r-1", kind="went_well", text="Webinars with marketing's leads", member_id="chen"),
        Note(id="r-2", kind="to_change", text="Ask for leads before the quarter starts"),
    ]
    for note in notes:
        review = upsert_item(review, "notes", note)
    for step in QUARTERLY_AGENDA:  # each step took its timebox
        review = add_time(review, step.key, step.minutes * 60)
    for member, rating in RATINGS.items():
        review = set_rating(review, member, rating)
    review = finish(review, datetime(2026, 12, 17, 15, 30))
    return render_html(review, earlier_sessions(demo, review))


def minutes_picture(html_text: str, name: str) -> Path:
    """The top of the HTML minutes as Chromium draws them at A4 width, saved HERE/name."""
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("The minutes' picture needs Debian's chromium: apt-get install chromium")
    target = HERE / name
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "minutes.html"
        page.write_text(html_text, encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--window-size={A4_WIDTH},{PICTURE_HEIGHT}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ, "HOME": folder},
        )
    return target


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
            await screenshot(demo, "quarterly.svg", (120, 36), ["r", "enter", "pagedown"]),
        ]
        shots.append(minutes_picture(quarterly_review(demo), "minutes-quarterly.png"))
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
