"""Thousands of random keys on every screen: no exception, the app keeps running, and every
meeting saved before the monkey started is still there, unchanged, in files that load."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest

from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.export import ExportDialog
from okrtui.tui.screens.help import HelpScreen
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.screens.minutes import MinutesScreen
from okrtui.tui.screens.onboarding import OnboardingScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen
from okrtui.tui.screens.trends import TrendsScreen
from tests.conftest import TODAY
from tests.faults.monkey import (
    KEYS_PER_BATCH,
    ScreenSpec,
    backed_up_before_deleting,
    monkey_keys,
    on_screen,
    open_screen,
    prepare_folder,
    press_quickly,
    saved_sessions,
)

# OKRTUI_MONKEY_KEYS sends more (or, while working on one screen, fewer) keys to each screen.
KEYS_PER_SCREEN = int(os.environ.get("OKRTUI_MONKEY_KEYS", "5000"))
SEED = 20261125

SCREENS = [
    ScreenSpec("home", HomeScreen, ()),
    ScreenSpec("onboarding", OnboardingScreen, (), empty_folder=True),
    ScreenSpec("plan_editor", PlanEditorScreen, ("p",)),
    ScreenSpec("weekly_meeting", MeetingScreen, ("w",)),
    ScreenSpec("quarterly_review", MeetingScreen, ("r", "enter")),
    ScreenSpec("history", HistoryScreen, ("h",)),
    ScreenSpec("minutes", MinutesScreen, ("h", "enter")),
    ScreenSpec("trends", TrendsScreen, ("h", "t")),
    ScreenSpec("help", HelpScreen, ("question_mark",)),
    ScreenSpec("export_dialog", ExportDialog, ("e",)),
]


@pytest.mark.slow
@pytest.mark.parametrize("spec", SCREENS, ids=[s.name for s in SCREENS])
async def test_monkey_keys_break_nothing(
    spec: ScreenSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Exported minutes and typed plan paths are relative to where the app was started.
    monkeypatch.chdir(tmp_path)
    seed = SEED + SCREENS.index(spec)
    rng = random.Random(seed)
    keys = monkey_keys()
    sent = runs = 0
    # A run ends when the screen cannot be opened again (onboarding, once a team exists):
    # the next run starts the app afresh on a new folder.
    while sent < KEYS_PER_SCREEN:
        folder = tmp_path / f"data-{runs}"
        app = OkrApp(prepare_folder(folder, spec.empty_folder), today=TODAY)
        before = saved_sessions(folder)
        batch: list[str] = []
        replay = f"screen {spec.name}, seed {seed}, run {runs}, after {sent} keys"
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert await open_screen(app, pilot, spec), f"{replay}: the screen did not open"
                while sent < KEYS_PER_SCREEN:
                    batch = [rng.choice(keys) for _ in range(KEYS_PER_BATCH)]
                    # Only keys the screen under test receives count: once one of them
                    # leaves it, the rest of the batch waits for the screen to be reopened.
                    for count, key in enumerate(batch, 1):
                        await press_quickly(pilot, [key])
                        if not on_screen(app, spec):
                            del batch[count:]
                            break
                    await pilot.pause()
                    sent += len(batch)
                    assert app.is_running, f"{replay}: the app stopped after {batch}"
                    if not on_screen(app, spec) and not await open_screen(app, pilot, spec):
                        break
        except Exception as exc:
            raise AssertionError(f"{replay}: {exc!r} after the keys {batch}") from exc
        after = saved_sessions(folder)  # every quarter's file still loads
        # Deleting a meeting on the history screen (d, then the Delete button or y) is a
        # person's choice: it must leave the meeting, exactly, in a backup.
        lost = [
            i
            for i in before
            if i not in after
            and not _kept_in_backup(backed_up_before_deleting(folder, i), before[i])
        ]
        # Amending a finished meeting (a in history) is a person's choice too: a meeting may
        # change only with the amendment recorded on it.
        changed = [
            i
            for i in before
            if i in after
            and after[i] != before[i]
            and len(after[i].get("amended", [])) <= len(before[i].get("amended", []))
        ]
        assert not lost and not changed, f"{replay}: lost {lost}, changed {changed}"
        runs += 1
    if not spec.empty_folder:
        assert runs == 1, f"{spec.name} could not be opened again by its keys"


def _kept_in_backup(backup: dict[str, Any] | None, before: dict[str, Any]) -> bool:
    """The deleted meeting is in its backup as it was, or as a person amended it first."""
    if backup is None:
        return False
    amended = len(backup.get("amended", [])) > len(before.get("amended", []))
    return backup == before or amended
