"""Shared pieces of the meeting tests: a fake clock, the demo app and a milestone KR."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from okrtui.domain.models import KeyResult
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.meeting import MeetingScreen
from tests.conftest import TODAY

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


def meeting(app: OkrApp) -> MeetingScreen:
    """The meeting screen on top."""
    screen = app.screen
    assert isinstance(screen, MeetingScreen), f"expected the meeting, got {screen!r}"
    return screen
