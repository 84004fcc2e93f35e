"""Runs the real app headless through weekly meetings on a data folder; the kill test kills it.

Run as `python -m tests.faults.meeting_child FOLDER` from the project's root. It imports Textual
and okrtui once, then serves commands read on stdin, so each of the fifty-odd kills costs a
fork, not a fresh interpreter:

    start     fork a child that prints `pid P`, opens FOLDER in the app, starts (or resumes)
              the weekly meeting and types answers step by step, finishing meetings and
              starting new ones until it is killed. Around every save of a session it
              prints `saving JSON` (before the save is called) and `ack ID CPU` (after it
              returned); `resuming ID` when it answers the resume dialog. When the child
              dies, this process prints `died S` (S = the killing signal, or -code when
              it ended by itself).

The app is not changed: the child wraps `repository.save_session` to print those lines.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from okrtui.domain.models import Session
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.resume_or_new import ResumeOrNewDialog
from okrtui.tui.screens.meeting import MeetingScreen
from tests.quick_keys import press_quickly

TODAY = date(2026, 11, 12)
# A child never killed stops after this many meetings, so a lost test run cannot spin forever.
MAX_MEETINGS = 20

# What the facilitator types in each weekly step (the keys of tests/tui/test_meeting_whole.py
# with shorter texts, one answer per entry). Typed again on resume, on top of the saved ones.
STEP_KEYS: dict[str, list[tuple[str, ...]]] = {
    "attendance": [("down", "down", "down", "down", "space"), ("tab", *"Maya", "enter")],
    "commitments_review": [("d",), ("x",)],
    "checkins": [
        (*"250", "enter", "1", *"Two won", "enter"),
        (*"1.2k", "enter", "2", "enter"),
        (*"$4,800", "enter", "1", "enter"),
        ("enter", "tab", "enter"),
    ],
    "contributions": [
        (*"ben", "enter", "1", "enter", *"12 upgrades", "enter"),
        (*"chen", "enter", "enter", *"Webinar", "enter"),
        ("shift+tab", "down", "c"),
    ],
    "experiences": [
        ("l", "enter", *"dana", "enter", *"Call back", "enter"),
        ("b", "enter", "enter", *"Late leads", "enter"),
    ],
    "training": [
        (*"Objections", "enter", *"ana", "enter"),
        ("ctrl+u", *"15", "enter", "enter", *"Role play", "enter"),
    ],
    "next_week": [
        (*"ben", "enter", *"Call 20", "enter", "1", "enter", "enter"),
        ("shift+tab", "ctrl+u", "a", "enter"),
        (*"dana", "enter", *"Dashboard", "enter", "enter", *"+3", "enter"),
    ],
    "wrap_up": [(*"Portal late", "enter"), ("8",), ("9",), ("0",), ("7",)],
}


def say(line: str) -> None:
    """Write one line to stdout at once (no buffer that a fork or a kill could lose)."""
    data = (line + "\n").encode()
    while data:
        data = data[os.write(1, data) :]


def acknowledging(repository: Repository) -> Repository:
    """Make the repository report each session save before it starts and after it returned."""
    real_save = repository.save_session

    def save_session(session: Session, wait: bool = True) -> None:
        say("saving " + session.model_dump_json())
        real_save(session, wait)
        say(f"ack {session.id} {time.process_time():.3f}")

    repository.save_session = save_session  # type: ignore[method-assign]
    return repository


async def open_meeting(app: OkrApp, pilot: Pilot[None]) -> MeetingScreen:
    """Start the weekly meeting from home, resuming the one in progress (w continues this
    week's at once; an earlier week's is asked about)."""
    waiting = app.repository.in_progress(app.team_id or "", "weekly")
    await pilot.press("w")
    await pilot.pause()
    screen = app.screen
    if isinstance(screen, MeetingScreen) and waiting and screen.context.session.id == waiting.id:
        say(f"resuming {waiting.id}")
    if isinstance(app.screen, ResumeOrNewDialog):
        say(f"resuming {app.screen.session.id}")
        await pilot.press("r")
        await pilot.pause()
    if isinstance(app.screen, ConfirmDialog):  # this week's meeting is finished: another one
        await pilot.press("y")
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MeetingScreen), f"no meeting screen: {screen!r}"
    return screen


async def hold_meetings(folder: Path) -> None:
    """Hold weekly meetings one after another, from wherever the saved one stopped."""
    app = OkrApp(acknowledging(Repository.open(folder)), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(MAX_MEETINGS):
            screen = await open_meeting(app, pilot)
            keys = [step.key for step in screen.steps]
            for key in keys[screen.index :]:
                for answer in STEP_KEYS.get(key, ()):
                    await press_quickly(pilot, answer)
                    await pilot.pause()
                if key != keys[-1]:
                    await pilot.press("pagedown")
                    await pilot.pause()
            await pilot.press("f")  # finish: saved as completed, then the minutes
            await pilot.pause()
            if isinstance(app.screen, ConfirmDialog):  # a step resumed after a kill was left empty
                say(f"finish question: {app.screen.question}")
                await pilot.press("y")
                await pilot.pause()
            await pilot.press("escape")  # back home
            await pilot.pause()


def child(folder: Path) -> None:
    """The forked child: run meetings, then leave without running the server's cleanup."""
    say(f"pid {os.getpid()}")
    code = 0
    try:
        asyncio.run(hold_meetings(folder))
    except BaseException as exc:  # reported to the test, which fails on it
        say(f"error {type(exc).__name__}: {exc}")
        code = 1
    os._exit(code)


def main(folder: Path) -> None:
    """Serve `start` commands until stdin closes."""
    for command in sys.stdin:
        if command.strip() != "start":
            say(f"error unknown command {command.strip()!r}")
            continue
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            child(folder)
        _, status = os.waitpid(pid, 0)
        say(
            f"died {os.WTERMSIG(status)}"
            if os.WIFSIGNALED(status)
            else f"died -{os.WEXITSTATUS(status)}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
