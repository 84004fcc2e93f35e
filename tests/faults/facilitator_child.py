"""A real okrtui app, headless, running a weekly meeting that a test can drive from outside.

Run as `python facilitator_child.py FOLDER`. It opens the app on FOLDER, starts the sales
team's weekly meeting, goes to the check-ins and prints `held SESSION_ID`. Then, for each
line `value N` on stdin, it types N into the first key result's value and Enter, and prints
the meeting's save status line; `quit` leaves the app the way ctrl+q does.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.widgets.steps.checkin_card import CheckInCard
from tests.tui.meeting_helpers import go_to_step

TODAY = date(2026, 11, 12)


async def facilitate(folder: Path) -> None:
    """Start the meeting, then answer commands until `quit`."""
    app = OkrApp(Repository.open(folder), today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.team_id = "sales"
        await pilot.press("w")
        await pilot.pause()
        screen = await go_to_step(pilot, "checkins")
        print(f"held {screen.context.session.id}", flush=True)
        while True:
            command = (await asyncio.to_thread(sys.stdin.readline)).split()
            if not command or command[0] == "quit":
                break
            field = screen.query(CheckInCard).first().query_one(Input)
            field.focus()
            field.value = ""
            await pilot.press(*command[1], "enter")
            await pilot.pause()
            print(str(screen.query_one("#save-status", Static).render()), flush=True)
        await pilot.press("ctrl+q")


if __name__ == "__main__":
    asyncio.run(facilitate(Path(sys.argv[1])))
