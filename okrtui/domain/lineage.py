"""Key results that continue across quarters: the line a carried key result belongs to.

A key result carried into the next quarter gets a new id and records the one it continues
(`KeyResult.continues`). Ids are unique within a team's quarter, not across quarters, so
`continues` names the key result with that id in the nearest earlier quarter of the team.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from okrtui.domain.models import KeyResult, Objective
from okrtui.domain.quarters import previous_quarter


@dataclass(frozen=True)
class QuarterKR:
    """A key result with the team and quarter it belongs to."""

    team_id: str
    quarter: str
    kr: KeyResult


class _Plan:
    """The key results of a team by quarter, for walking lines both ways."""

    def __init__(self, objectives: Iterable[Objective], team_id: str) -> None:
        self.by_quarter: dict[str, dict[str, KeyResult]] = {}
        for objective in objectives:
            if objective.team_id == team_id:
                krs = self.by_quarter.setdefault(objective.quarter, {})
                for kr in objective.key_results:
                    krs.setdefault(kr.id, kr)
        self.team_id = team_id

    def earlier(self, quarter: str, kr: KeyResult) -> QuarterKR | None:
        if kr.continues is None:
            return None
        for q in sorted((q for q in self.by_quarter if q < quarter), reverse=True):
            found = self.by_quarter[q].get(kr.continues)
            if found is not None:
                return QuarterKR(self.team_id, q, found)
        return None

    def later(self, quarter: str, kr: KeyResult) -> QuarterKR | None:
        for q in sorted(q for q in self.by_quarter if q > quarter):
            for candidate in self.by_quarter[q].values():
                back = self.earlier(q, candidate)
                if back is not None and back.quarter == quarter and back.kr.id == kr.id:
                    return QuarterKR(self.team_id, q, candidate)
        return None


def continued_from(
    objectives: Iterable[Objective], team_id: str, quarter: str, kr: KeyResult
) -> QuarterKR | None:
    """The key result of an earlier quarter that `kr` continues, if it names one that exists."""
    return _Plan(objectives, team_id).earlier(quarter, kr)


def kr_line(
    objectives: Iterable[Objective], team_id: str, quarter: str, kr: KeyResult
) -> list[QuarterKR]:
    """The whole line `kr` belongs to, oldest quarter first: every key result it continues
    and every later one that continues it (one per quarter)."""
    plan = _Plan(objectives, team_id)
    here = QuarterKR(team_id, quarter, kr)
    line = [here]
    seen = {(quarter, kr.id)}
    step = plan.earlier(quarter, kr)
    while step is not None and (step.quarter, step.kr.id) not in seen:
        seen.add((step.quarter, step.kr.id))
        line.insert(0, step)
        step = plan.earlier(step.quarter, step.kr)
    step = plan.later(quarter, kr)
    while step is not None and (step.quarter, step.kr.id) not in seen:
        seen.add((step.quarter, step.kr.id))
        line.append(step)
        step = plan.later(step.quarter, step.kr)
    return line


def links_by_title(objectives: Iterable[Objective]) -> dict[tuple[str, str, str], str]:
    """Links for key results carried before `continues` was recorded: a key result with no
    link, whose team's previous quarter has exactly one key result of the same title (and
    one only in its own quarter), continues that one. Keyed by (team, quarter, kr id)."""
    titles: dict[tuple[str, str, str], list[KeyResult]] = {}
    for objective in objectives:
        for kr in objective.key_results:
            key = (objective.team_id, objective.quarter, kr.title.strip())
            titles.setdefault(key, []).append(kr)
    links = {}
    for (team_id, quarter, title), krs in titles.items():
        earlier = titles.get((team_id, previous_quarter(quarter), title), [])
        if len(krs) == 1 and len(earlier) == 1 and krs[0].continues is None:
            links[(team_id, quarter, krs[0].id)] = earlier[0].id
    return links
