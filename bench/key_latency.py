"""Key to screen during a meeting: from a key press to the first frame that shows it.

A frame is the compositor's update handed to the driver (`App._display`); the headless driver
then writes nothing, so a real terminal adds its own write on top. The clock starts as the key
is posted and stops at the first frame drawn once the app's state shows what the key did: a
character in the note, a check-in saved by Enter, the next step on screen after pgdn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrtui.store import Repository

SIZE = (120, 40)
# Textual draws at most this many frames a second: a key waits up to one frame for its picture.
FRAMES_PER_SECOND = 60
# Cleared this often so the note never meets its length limit (the clear is not timed).
NOTE_CHUNK = 40


@dataclass
class FrameClock:
    """Times keys to the frame that shows them, by watching every frame the app draws."""

    started: float = 0.0
    started_cpu: float = 0.0
    shows: Callable[[], bool] | None = None
    seen: float | None = None
    seen_cpu: float = 0.0
    times: list[float] = field(default_factory=list)
    # The process's CPU seconds over the same span: on a loaded machine wall time mostly
    # measures the wait for a core, this what okrtui itself spent.
    cpu_times: list[float] = field(default_factory=list)

    def watch(self, app: Any) -> None:
        """Wrap the app's display so each frame is checked against the key being timed."""
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and self.shows is not None and self.shows():
                self.seen = time.perf_counter()
                self.seen_cpu = time.process_time()
                self.shows = None

        app._display = timed_display

    async def key(self, pilot: Any, key: str, shows: Callable[[], bool]) -> None:
        """Press `key`; record the seconds until a frame is drawn in which `shows()` holds."""
        self.seen = None
        self.shows = shows
        self.started = time.perf_counter()
        self.started_cpu = time.process_time()
        await pilot.press(key)
        for _ in range(100):  # a frame is due within 1/FRAMES_PER_SECOND once the app idles
            if self.seen is not None:
                break
            await pilot.pause()
        if self.seen is None:
            raise RuntimeError(f"no frame showed what {key!r} did")
        self.times.append(self.seen - self.started)
        self.cpu_times.append(self.seen_cpu - self.started_cpu)


def _text_of(widget: Any) -> str:
    """What a one-line or a multi-line field holds."""
    return str(getattr(widget, "value", None) or getattr(widget, "text", "") or "")


async def meeting_latencies(
    folder: Path, team_id: str, today: date, keys: int
) -> dict[str, FrameClock]:
    """Key to frame for `keys` presses each of typing, committing, changing step."""
    from textual.widgets import Input

    from okrtui.tui.app import OkrApp
    from okrtui.tui.screens.meeting import MeetingScreen
    from okrtui.tui.widgets.steps.checkin_card import CheckInCard

    app = OkrApp(Repository.open(folder), today=today)
    clocks = {"typing": FrameClock(), "commit": FrameClock(), "step": FrameClock()}
    async with app.run_test(size=SIZE) as pilot:
        for clock in clocks.values():
            clock.watch(app)
        app.team_id = team_id
        app.action_start_weekly_meeting()
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, MeetingScreen):
            raise RuntimeError("w did not open the meeting")
        while screen.step.key != "checkins":
            await pilot.press("pagedown")
            await pilot.pause()

        # Typing: a character in the first key result's note.
        note = screen.query_one("#note-1")
        note.focus()
        await pilot.pause()
        typed = ""
        for n in range(keys):
            if n % NOTE_CHUNK == 0 and typed:
                await pilot.press("ctrl+u")  # not timed
                typed = ""
            typed += "abcdefghij"[n % 10]

            def typed_in(expected: str = typed) -> bool:
                return _text_of(note) == expected

            await clocks["typing"].key(pilot, typed[-1], typed_in)

        # Commit: Enter in the value field saves the check-in.
        value = screen.query_one("#value-1", Input)
        kr_id = screen.query_one("#card-1", CheckInCard).checkin.kr_id
        for n in range(keys):
            value.focus()
            value.value = ""
            await pilot.press(*str(100 + n))  # not timed

            def saved(wanted: float = float(100 + n)) -> bool:
                checkin = screen.context.session.checkin(kr_id)
                return checkin is not None and checkin.value == wanted

            await clocks["commit"].key(pilot, "enter", saved)

        # Step change: pgdn to the next step and pgup back, each timed.
        steps = [s.key for s in screen.steps]
        at = steps.index("checkins")
        for n in range(keys):
            key, to = ("pagedown", steps[at + 1]) if n % 2 == 0 else ("pageup", steps[at])

            def arrived(target: str = to) -> bool:
                shown = screen.query_one(f"#step-{target}").display
                return screen.step.key == target and bool(shown)

            await clocks["step"].key(pilot, key, arrived)
    return clocks
