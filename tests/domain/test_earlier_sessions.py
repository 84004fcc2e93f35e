"""The sessions a meeting and its minutes look back on, worked out in one place."""

from __future__ import annotations

from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Session
from okrtui.domain.sample import sample_sessions


class Quarters:
    """Sessions by quarter, as the repository hands them out."""

    def __init__(self, sessions: list[Session]) -> None:
        self.by_quarter: dict[str, list[Session]] = {}
        for s in sessions:
            self.by_quarter.setdefault(s.quarter, []).append(s)
        self.read: list[str] = []

    def quarters(self) -> list[str]:
        return sorted(self.by_quarter, reverse=True)

    def sessions(self, quarter: str, team_id: str | None = None) -> list[Session]:
        self.read.append(quarter)
        return [s for s in self.by_quarter[quarter] if team_id in (None, s.team_id)]


def test_a_meeting_looks_back_on_its_teams_other_sessions_of_this_quarter_and_the_last() -> None:
    weeks = sample_sessions()
    last_quarter = weeks[0].model_copy(update={"id": "q3-w1", "quarter": "2026-Q3"})
    long_ago = weeks[0].model_copy(update={"id": "q2-w1", "quarter": "2026-Q2"})
    other_team = weeks[1].model_copy(update={"id": "ops-w1", "team_id": "ops"})
    source = Quarters([*weeks, last_quarter, long_ago, other_team])

    found = earlier_sessions(source, weeks[5])

    assert {s.id for s in found} == {*(s.id for s in weeks[:5]), "q3-w1"}
    assert "2026-Q2" not in source.read  # older quarters are never read


def test_a_first_meeting_has_nothing_to_look_back_on() -> None:
    first = sample_sessions()[0]
    assert earlier_sessions(Quarters([first]), first) == []
