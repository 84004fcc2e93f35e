"""Data folders for the history tests: the demo team, with meetings in three quarters."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from okrtui.domain.models import Objective, Session
from okrtui.domain.quarters import quarter_of
from okrtui.domain.sample import OBJECTIVE, TEAM, sample_plan, sample_sessions
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.widgets.session_table import SessionTable
from tests.tui.settle import settle

OLDER_QUARTERS = {"2026-Q3": 91, "2026-Q2": 182}


def older_copy(session: Session, quarter: str, days_back: int) -> Session:
    """The same meeting, `days_back` days earlier, filed under an older quarter."""
    day = session.date - timedelta(days=days_back)
    assert quarter_of(day) == quarter
    return session.model_copy(
        update={
            "id": session.id.replace("2026-Q4", quarter),
            "quarter": quarter,
            "date": day,
            "started_at": session.started_at - timedelta(days=days_back),
            "ended_at": session.ended_at - timedelta(days=days_back) if session.ended_at else None,
        }
    )


def three_quarter_folder(tmp_path: Path) -> Path:
    """The demo team with its six meetings in 2026-Q4 and two each in Q3 and Q2.

    The Q3 meetings discuss a "lighthouse" project, so a search can find them.
    """
    folder = tmp_path / "three"
    repository = Repository.open(folder)
    plan = sample_plan()
    q3_objective = Objective.model_validate(
        {**OBJECTIVE.model_dump(mode="json"), "id": "obj-q3", "quarter": "2026-Q3"}
    )
    plan.objectives.append(q3_objective)
    repository.save_plan(plan)
    weeks = sample_sessions()
    for session in weeks:
        repository.save_session(session)
    for quarter, days in OLDER_QUARTERS.items():
        for session in weeks[:2]:
            copy = older_copy(session, quarter, days)
            if quarter == "2026-Q3":
                copy = copy.model_copy(update={"summary": "Planned the lighthouse project."})
            repository.save_session(copy)
    return folder


def two_team_folder(tmp_path: Path) -> Path:
    """The three-quarter folder plus a Support team with the same meetings as Sales."""
    folder = three_quarter_folder(tmp_path)
    repository = Repository.open(folder)
    repository.save_team(TEAM.model_copy(update={"id": "support", "name": "Support"}))
    for quarter in repository.quarters():
        for session in repository.sessions(quarter):
            repository.save_session(
                session.model_copy(
                    update={
                        "id": session.id.replace("demo", "help"),
                        "team_id": "support",
                        "team_name": "Support",
                    }
                )
            )
    return folder


async def open_history(pilot: Pilot[None]) -> HistoryScreen:
    """Open history from home and wait until its newest quarter shows."""
    app = pilot.app
    assert isinstance(app, OkrApp)
    app.action_browse_history()
    await settle(pilot)
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


def rows(screen: HistoryScreen) -> list[str]:
    """The ids of the meetings listed, top to bottom."""
    return [str(key.value) for key in screen.query_one(SessionTable).rows]
