"""Shared pieces of the meeting tests: a fake clock, starting a meeting, reaching a step by key.

Tests reach a step by its agenda key (`await go_to_step(pilot, "contributions")`), through
the meeting's own go-to-step dialog, never by its number: a step added to the agenda then
breaks only the tests about that step.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList, Static, TextArea

from okrtui.cli import make_app
from okrtui.domain.models import KeyResult, Session, SessionKind
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.go_to_step import GoToStepDialog
from okrtui.tui.dialogs.review_quarter import ReviewQuarterDialog
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.screens.minutes import MinutesScreen
from tests.conftest import TODAY

# The go-to-step dialog takes one digit: steps 1 to 9.
DIALOG_REACH = 9

MILESTONE_KR = KeyResult(id="kr-portal", title="Launch the upgrade portal", kind="milestone")


class FakeClock:
    """A clock the test moves by hand, so step times are exact."""

    def __init__(self) -> None:
        self.now = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def add_milestone_kr(folder: Path) -> None:
    """Give the demo objective a fifth, milestone-style key result."""
    repository = Repository.open(folder)
    objective = repository.objectives("sales", "2026-Q4")[0]
    repository.save_objective(
        objective.model_copy(update={"key_results": [*objective.key_results, MILESTONE_KR]})
    )


def demo_app(folder: Path, clock: FakeClock) -> OkrApp:
    """The app on the demo folder, with the sales team chosen."""
    app = OkrApp(Repository.open(folder), today=TODAY, clock=clock)
    return app


def app_on_day(folder: Path, day: date) -> OkrApp:
    """The app on `folder` as it opens on `day` (a meeting a week later: TODAY + 7 days)."""
    return OkrApp(Repository.open(folder), today=day, clock=FakeClock())


def meeting(app: App[None]) -> MeetingScreen:
    """The meeting screen on top."""
    screen = app.screen
    assert isinstance(screen, MeetingScreen), f"expected the meeting, got {screen!r}"
    return screen


def notifications(app: App[None]) -> list[str]:
    """The messages the app has shown as notifications and still shows, oldest first."""
    # Textual keeps them privately; this is the one place the tests look there.
    return [n.message for n in app._notifications]


def error_text(screen: MeetingScreen, field_id: str) -> str:
    """The message shown under a field ('' when hidden)."""
    error = screen.query_one(f"#{field_id}-error", Static)
    return str(error.render()) if error.has_class("-shown") else ""


async def go_to_step(pilot: Pilot[None], key: str) -> MeetingScreen:
    """Go to the meeting's step `key` with the go-to-step dialog, as a facilitator would."""
    screen = meeting(pilot.app)
    if screen.step.key == key:
        return screen
    await pilot.press("ctrl+g")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, GoToStepDialog), f"expected the go-to-step dialog, got {dialog!r}"
    keys = [step.key for step in dialog.steps]
    assert key in keys, f"this meeting has no step {key!r}: {keys}"
    number = keys.index(key) + 1
    # The dialog takes one digit: a step past the ninth is reached from the ninth, one
    # "next step" at a time, counted from the dialog's own list.
    await pilot.press(str(min(number, DIALOG_REACH)))
    await pilot.pause()
    await pilot.pause()  # the screen moves after the dialog has gone
    for _ in range(number - DIALOG_REACH):
        await pilot.press("pagedown")
        await pilot.pause()
    screen = meeting(pilot.app)
    assert screen.step.key == key, f"went to {screen.step.key!r}, not {key!r}"
    return screen


async def start_review(pilot: Pilot[None], quarter: str) -> MeetingScreen:
    """Press r on home and pick `quarter` in the dialog with the arrows."""
    await pilot.press("r")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ReviewQuarterDialog)
    listing = dialog.query_one("#quarter-list", OptionList)
    for _ in range(listing.option_count):
        if listing.get_option_at_index(listing.highlighted or 0).id == quarter:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    return meeting(pilot.app)


async def start_meeting(
    pilot: Pilot[None], kind: SessionKind = "weekly", quarter: str = "2026-Q4"
) -> MeetingScreen:
    """From home, start the chosen team's weekly meeting, or its review of `quarter`."""
    await pilot.pause()
    if kind == "quarterly":
        return await start_review(pilot, quarter)
    app = pilot.app
    assert isinstance(app, OkrApp)
    app.action_start_weekly_meeting()
    await pilot.pause()
    return meeting(app)


async def finish_from_wrap_up(pilot: Pilot[None]) -> str:
    """Go to wrap-up, type a summary and finish (saying yes if steps were left empty);
    the minutes the app then shows, as Markdown."""
    await go_to_step(pilot, "wrap_up")
    await pilot.press(*"Held by keys", "enter", "f")
    await pilot.pause()
    if isinstance(pilot.app.screen, ConfirmDialog):
        await pilot.press("y")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MinutesScreen), f"expected the minutes, got {screen!r}"
    return screen.query_one(Markdown).source


def app_as_opened(folder: Path, clock: FakeClock | None = None) -> OkrApp:
    """The app on `folder` built as `okrtui` builds it (`make_app`), on the fixed today."""
    return make_app(Repository.open(folder), today=TODAY, clock=clock or FakeClock())


def steady_cursors(app: App[None]) -> None:
    """Stop every text field's cursor blinking, so a screenshot is the same every time."""
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


@dataclass
class HeldMeeting:
    """A meeting being held in a running app: what the tests drive and look at."""

    app: OkrApp
    pilot: Pilot[None]
    folder: Path
    clock: FakeClock

    @property
    def screen(self) -> MeetingScreen:
        """The meeting screen (it must be on top)."""
        return meeting(self.app)

    @property
    def session(self) -> Session:
        """The meeting's record as the screen holds it."""
        return self.screen.context.session

    async def go_to(self, key: str) -> MeetingScreen:
        """Go to the step `key`."""
        return await go_to_step(self.pilot, key)

    def saved(self, session_id: str | None = None) -> Session:
        """The meeting as a fresh repository reads it from the folder."""
        return Repository.open(self.folder).session(session_id or self.session.id)


@asynccontextmanager
async def holding_meeting(
    folder: Path,
    kind: SessionKind = "weekly",
    *,
    step: str | None = None,
    clock: FakeClock | None = None,
    size: tuple[int, int] = (80, 24),
    quarter: str = "2026-Q4",
) -> AsyncIterator[HeldMeeting]:
    """Open the app on `folder`, start the sales team's meeting (at `step`, if given)."""
    clock = clock or FakeClock()
    app = demo_app(folder, clock)
    async with app.run_test(size=size) as pilot:
        await start_meeting(pilot, kind, quarter)
        held = HeldMeeting(app, pilot, folder, clock)
        if step is not None:
            await held.go_to(step)
        yield held
