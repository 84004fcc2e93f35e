"""An SVG snapshot of every meeting step, weekly and quarterly, at the smallest terminal
and on a projector (200×60).

The steps come from the agendas themselves, so a step added to an agenda gets its picture
(and breaks only these snapshots and the registry check). `snap_compare` runs the app
itself and cannot be awaited, so these are plain functions.
Regenerate after a deliberate change:
`.venv/bin/pytest tests/tui/test_step_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from okrtui.domain.agenda import agenda
from okrtui.domain.models import SessionKind
from tests.tui.meeting_helpers import app_as_opened, go_to_step, start_meeting, steady_cursors

SnapCompare = Callable[..., bool]
SIZE = (80, 24)
PROJECTOR = (200, 60)

WEEKLY_STEPS = [step.key for step in agenda("weekly")]
QUARTERLY_STEPS = [step.key for step in agenda("quarterly")]


async def type_in(pilot: Pilot[None], *keys: str) -> None:
    """Type what a facilitator would, then let the step show it."""
    await pilot.press(*keys)
    await pilot.pause()


async def contributions(pilot: Pilot[None]) -> None:
    await type_in(pilot, *"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
    await type_in(pilot, *"chen", "enter", "enter", *"Ran the webinar", "enter")


async def experiences(pilot: Pilot[None]) -> None:
    await type_in(pilot, "l", "enter", *"dana", "enter", *"Follow up a webinar by phone", "enter")
    await type_in(pilot, "b", "enter", "enter", *"Leads arrive late", "enter")


async def open_issues(pilot: Pilot[None]) -> None:
    """Raise two blockers in experiences, then keep the first open here."""
    await go_to_step(pilot, "experiences")
    await type_in(pilot, "b", "enter", *"ben", "enter", *"Leads arrive late", "enter")
    await type_in(pilot, "b", "enter", "enter", *"Portal vendor slipped", "enter")
    await go_to_step(pilot, "open_issues")
    await type_in(pilot, "k")


async def training(pilot: Pilot[None]) -> None:
    await type_in(pilot, *"Objection handling", "enter", *"ana", "enter")
    await type_in(pilot, "ctrl+u", *"15", "enter", "enter", *"Role play", "enter")


async def next_week(pilot: Pilot[None]) -> None:
    await type_in(pilot, *"ben", "enter", *"Call 20 Tier 2 members", "enter", "enter", "1")
    await type_in(pilot, "enter", "enter")


async def wrap_up(pilot: Pilot[None]) -> None:
    await type_in(pilot, *"Tier 1 ahead; portal late", "enter", "8", "9")


async def objective_scores(pilot: Pilot[None]) -> None:
    """Accept every key result's computed score, then come back: the objectives have scores."""
    screen = await go_to_step(pilot, "scores")
    for _ in range(screen.query_one("#score-list", OptionList).option_count):
        await type_in(pilot, "a")
    await go_to_step(pilot, "objective_scores")


async def retrospective(pilot: Pilot[None]) -> None:
    await type_in(pilot, *"Webinars convert", "enter", "tab")
    await type_in(pilot, *"Get marketing leads earlier", "enter")


# What a facilitator typically puts into a step that opens empty, by meeting and step key;
# a step not listed is pictured as it opens.
TYPICAL: dict[tuple[SessionKind, str], Callable[[Pilot[None]], Awaitable[None]]] = {
    ("weekly", "contributions"): contributions,
    ("weekly", "experiences"): experiences,
    ("weekly", "open_issues"): open_issues,
    ("weekly", "training"): training,
    ("weekly", "next_week"): next_week,
    ("weekly", "wrap_up"): wrap_up,
    ("quarterly", "objective_scores"): objective_scores,
    ("quarterly", "retrospective"): retrospective,
    ("quarterly", "wrap_up"): wrap_up,
}


async def at_step(kind: SessionKind, key: str, pilot: Pilot[None]) -> None:
    """Start the demo team's meeting, go to step `key` and fill it in as is typical."""
    await start_meeting(pilot, kind)
    await go_to_step(pilot, key)
    typical = TYPICAL.get((kind, key))
    if typical is not None:
        await typical(pilot)
    steady_cursors(pilot.app)
    await pilot.pause()
    # Whether focusing a field scrolled the step depends on whether the step was laid out by
    # then (a race in the app, listed in the closing note): each picture shows its step from
    # the top.
    pilot.app.screen.query_one(f"#step-{key}").scroll_home(animate=False, immediate=True)
    await pilot.pause()


@pytest.mark.parametrize("key", WEEKLY_STEPS)
def test_weekly_step(snap_compare: SnapCompare, demo_folder: Path, key: str) -> None:
    app = app_as_opened(demo_folder)
    assert snap_compare(app, terminal_size=SIZE, run_before=partial(at_step, "weekly", key))


@pytest.mark.parametrize("key", QUARTERLY_STEPS)
def test_quarterly_step(snap_compare: SnapCompare, demo_folder: Path, key: str) -> None:
    app = app_as_opened(demo_folder)
    assert snap_compare(app, terminal_size=SIZE, run_before=partial(at_step, "quarterly", key))


@pytest.mark.parametrize("key", WEEKLY_STEPS)
def test_weekly_step_on_a_projector(snap_compare: SnapCompare, demo_folder: Path, key: str) -> None:
    app = app_as_opened(demo_folder)
    assert snap_compare(app, terminal_size=PROJECTOR, run_before=partial(at_step, "weekly", key))


@pytest.mark.parametrize("key", QUARTERLY_STEPS)
def test_quarterly_step_on_a_projector(
    snap_compare: SnapCompare, demo_folder: Path, key: str
) -> None:
    app = app_as_opened(demo_folder)
    assert snap_compare(app, terminal_size=PROJECTOR, run_before=partial(at_step, "quarterly", key))


def test_typical_content_is_for_steps_on_the_agendas() -> None:
    """A step renamed or removed from an agenda leaves no filling-in behind."""
    for kind, key in TYPICAL:
        assert key in {step.key for step in agenda(kind)}, (kind, key)
