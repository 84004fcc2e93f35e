"""A seeded monkey for the monkey test: random realistic keys, sent to one screen at a time.

Each screen is opened from home by its keys; when the monkey leaves it (escape, a finished
meeting...), it is opened again the same way. A seed and a screen name replay a run exactly.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from okrtui.services.demo import build_demo
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.resume_or_new import ResumeOrNewDialog
from okrtui.tui.screens.home import HomeScreen
from tests.quick_keys import press_quickly

KEYS_PER_BATCH = 50

# What a person at a keyboard presses, weighted roughly by how often. Never ctrl+q or
# ctrl+c (they quit) nor ctrl+p (the palette can quit too).
NAMED_KEYS = (
    ["space"] * 6
    + ["enter"] * 8
    + ["tab"] * 4
    + ["shift+tab"] * 2
    + ["up", "down", "left", "right"] * 4
    + ["pageup", "pagedown"] * 2
    + ["home", "end", "backspace", "backspace", "delete"]
    + ["ctrl+z", "ctrl+u", "ctrl+g", "ctrl+l", "ctrl+n", "ctrl+b", "ctrl+s", "ctrl+y", "f1"]
    + ["question_mark", "slash", "escape"]
)
TYPED_KEYS = list(string.ascii_lowercase) * 2 + list(string.digits) * 2 + list("ABXZ$%,.-+:;'\"#")


def monkey_keys() -> list[str]:
    """The keys the monkey draws from (a key listed twice comes twice as often)."""
    return NAMED_KEYS + TYPED_KEYS


@dataclass(frozen=True)
class ScreenSpec:
    """A screen under test: how to open it from home and which screen class it is."""

    name: str
    screen: type[Screen[Any]]
    opener: tuple[str, ...]  # keys pressed on home, one at a time
    empty_folder: bool = False  # onboarding: the app opens on an empty folder


def prepare_folder(folder: Path, empty: bool) -> Repository:
    """A data folder with the demo team and its six meetings (or nothing at all)."""
    repository = Repository.open(folder)
    if not empty:
        build_demo(repository)
    return repository


def saved_sessions(folder: Path) -> dict[str, dict[str, Any]]:
    """Every session in the folder, as saved, by id (reads every quarter's file)."""
    repository = Repository.open(folder)
    return {
        s.id: s.model_dump(mode="json")
        for quarter in repository.quarters()
        for s in repository.sessions(quarter)
    }


def backed_up_before_deleting(folder: Path, session_id: str) -> dict[str, Any] | None:
    """The session as kept in the backup written before it was deleted, if there is one."""
    for path in (folder / "backups").glob(f"*.before-deleting-{session_id}.*.json"):
        for table in json.loads(path.read_text()).values():
            for document in table.values():
                if document.get("id") == session_id:
                    return dict(document)
    return None


def on_screen(app: OkrApp, spec: ScreenSpec) -> bool:
    """Whether the screen under test is open (possibly under one of its own dialogs)."""
    return any(isinstance(s, spec.screen) for s in app.screen_stack)


async def open_screen(app: OkrApp, pilot: Pilot[None], spec: ScreenSpec) -> bool:
    """Go back to home and open the screen by its keys; False when that did not get there."""
    while len(app.screen_stack) > 2 and not isinstance(app.screen, HomeScreen):
        await app.pop_screen()
        await pilot.pause()
    for key in spec.opener:
        await press_quickly(pilot, [key])
        await pilot.pause()
        if isinstance(app.screen, ResumeOrNewDialog):
            await press_quickly(pilot, ["r"])
            await pilot.pause()
        # This week's meeting (or this quarter's review) is finished already: another one.
        if isinstance(app.screen, ConfirmDialog) and not on_screen(app, spec):
            await press_quickly(pilot, ["y"])
            await pilot.pause()
    return on_screen(app, spec)
