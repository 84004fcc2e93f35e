"""Folders whose every text is hostile, and a walk through every screen of the app on them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import datetime
from itertools import cycle
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from okrtui.domain.agenda import WEEKLY_AGENDA
from okrtui.domain.ids import session_id
from okrtui.domain.meeting import new_session
from okrtui.domain.models import KeyResult, Member, Objective, Session, Team
from okrtui.domain.plan import Plan
from okrtui.domain.sample import QUARTER, sample_plan, sample_sessions
from okrtui.domain.text import STORED
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.resume_or_new import ResumeOrNewDialog
from okrtui.tui.dialogs.review_quarter import ReviewQuarterDialog
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.home import HomeScreen
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.screens.minutes import MinutesScreen
from okrtui.tui.screens.plan_editor import PlanEditorScreen
from okrtui.tui.screens.trends import TrendsScreen
from tests.conftest import TODAY
from tests.hostile_text import CONTROL, NEWLINE, raw_control_bytes
from tests.minutes.cases import with_text
from tests.tui.meeting_helpers import FakeClock


def screen_text(app: OkrApp) -> str:
    """Every character the screen on top draws now, line by line."""
    # The compositor's strips are exactly what is sent to the terminal, control codes and all.
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def hostile_plan(texts: Sequence[str]) -> Plan:
    """The sample plan with `texts` in every field a person types, in turn.

    Validated as stored records, so texts that typing refuses (control characters) are kept
    as an earlier version may have written them.
    """
    words: Iterator[str] = cycle(texts)
    plan = sample_plan()

    def stored(model: type[Any], record: Any, **fields: Any) -> Any:
        return model.model_validate({**record.model_dump(), **fields}, context=STORED)

    def weekly_agenda() -> dict[str, Any]:
        # The built-in steps and a discussion step of the team's own, titled and prompted
        # with the hostile texts too.
        discussion = {"key": "discussion-talk", "discussion": True}
        discussion |= {"title": next(words), "prompt": next(words)}
        return {"steps": [*({"key": s.key} for s in WEEKLY_AGENDA), discussion]}

    teams = [
        stored(
            Team,
            team,
            name=next(words),
            aligned_objective=next(words),
            members=[stored(Member, m, name=next(words), role=next(words)) for m in team.members],
        )
        for team in plan.teams
    ]
    objectives = [
        stored(
            Objective,
            objective,
            title=next(words),
            description=next(words),
            aligned_to=next(words),
            key_results=[
                stored(KeyResult, kr, title=next(words), unit=next(words))
                for kr in objective.key_results
            ],
        )
        for objective in plan.objectives
    ]
    # The agendas' texts come last, so every other field gets the text it always had.
    teams = [stored(Team, team, weekly_agenda=weekly_agenda()) for team in teams]
    return Plan(teams=teams, objectives=objectives)


def hostile_sessions(texts: Sequence[str]) -> list[Session]:
    """The sample meetings, each with one of `texts` in every field a person typed."""
    return [with_text(s, text) for s, text in zip(sample_sessions(), cycle(texts), strict=False)]


def hostile_meetings(repository: Repository, texts: Sequence[str]) -> None:
    """Save the six sample meetings with `texts` in them, and a weekly meeting in progress
    started from the plan in the repository (its facilitator named `texts[0]`)."""
    for session in hostile_sessions(texts):
        repository.save_session(session)
    team = repository.teams()[0]
    started = new_session(
        session_id(QUARTER),
        team,
        repository.objectives(team.id, QUARTER),
        "weekly",
        TODAY,
        datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0),
        facilitator=texts[0],
    )
    repository.save_session(started)


def hostile_folder(folder: Path, texts: Sequence[str]) -> Path:
    """A data folder saved through the repository, every text taken from `texts`."""
    repository = Repository.open(folder)
    repository.save_plan(hostile_plan(texts))
    hostile_meetings(repository, texts)
    return folder


class Walk:
    """What every screen drew on the way, and a check that none sent a control code raw."""

    def __init__(self, pilot: Pilot[None], app: OkrApp) -> None:
        self.pilot = pilot
        self.app = app
        self.seen: list[str] = []
        self.step_keys: list[str] = []

    async def look(self, expected: type[object]) -> None:
        """The screen on top is `expected`: keep what it draws; no raw control code in it."""
        await self.pilot.pause()
        assert isinstance(self.app.screen, expected), f"expected {expected}, got {self.app.screen}"
        text = screen_text(self.app)
        raw = [ascii(line) for line in text.splitlines() if raw_control_bytes(line)]
        assert raw == [], f"raw control codes on {self.app.screen!r}: {raw}"
        self.seen.append(text)

    async def press(self, *keys: str) -> None:
        """Press keys and let the app settle."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    @property
    def everything(self) -> str:
        """All the screens' text, one after the other."""
        return "\n".join(self.seen)

    async def every_step(self) -> None:
        """Every step of the meeting on screen, by key, to the last one."""
        screen = self.app.screen
        assert isinstance(screen, MeetingScreen)
        keys = [step.key for step in screen.steps]
        for key in keys:
            assert screen.step.key == key
            self.step_keys.append(key)
            await self.look(MeetingScreen)
            if key == "checkins":
                await self.press(*"250", "enter", "1", "enter")  # a check-in, saved at once
                await self.look(MeetingScreen)
            if key.startswith("discussion-"):
                await self.press(*"Noted", "enter", "enter")  # a note of the team's, saved
                await self.look(MeetingScreen)
            if key != keys[-1]:
                await self.press("pagedown")

    async def outside_meetings(self) -> None:
        """Home, the plan editor, history with every key result's trend and a meeting's
        minutes, help, and the meeting in progress continued by `w`."""
        await self.look(HomeScreen)
        await self.press("p")
        await self.look(PlanEditorScreen)
        await self.press("escape")
        await self.press("h")
        await self.look(HistoryScreen)
        await self.press("t")
        await self.look(TrendsScreen)
        for _ in range(5):  # every key result's chart and table
            await self.press("down")
            await self.look(TrendsScreen)
        await self.press("escape")
        await self.press("enter")
        await self.look(MinutesScreen)
        await self.press("escape")
        await self.press("escape")
        await self.press("question_mark")
        await self.press("escape")
        await self.look(HomeScreen)
        await self.press("w")  # this week's meeting, left open above, continues
        await self.look(MeetingScreen)
        await self.press("ctrl+l")
        await self.look(HomeScreen)

    async def meetings(self) -> None:
        """A weekly meeting (every step, then leave it) and a quarterly review (every step)."""
        await self.look(HomeScreen)
        await self.press("w")
        if isinstance(self.app.screen, ResumeOrNewDialog):
            await self.press("n")
        await self.every_step()
        await self.press("ctrl+l")
        await self.press("r")
        await self.look(ReviewQuarterDialog)
        await self.press("enter")
        await self.every_step()
        await self.press("ctrl+l")
        await self.look(HomeScreen)


# Stored texts for a walk: every control character, a line break and markup.
STORED_HOSTILE = [*CONTROL, NEWLINE, "Fix [/] parser bugs", "Web [red]team"]


async def walk_stored_hostile(
    folder: Path, size: tuple[int, int], part: Callable[[Walk], Awaitable[None]]
) -> Walk:
    """Walk `part` of the app (e.g. `Walk.meetings`) on a folder whose every stored text
    comes from `STORED_HOSTILE`."""
    hostile_folder(folder, STORED_HOSTILE)
    app = OkrApp(Repository.open(folder), today=TODAY, clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        walk = Walk(pilot, app)
        await part(walk)
    return walk
