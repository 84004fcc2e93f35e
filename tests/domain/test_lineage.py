"""Key results that continue across quarters: lines, plan files and the one-time link."""

from __future__ import annotations

import pytest

from okrtui.domain.lineage import continued_from, kr_line, links_by_title
from okrtui.domain.models import KeyResult, Objective
from okrtui.domain.next_quarter import draft_next_quarter, planned_objectives
from okrtui.domain.plan import PlanError, dump_plan, parse_plan


def objective(quarter: str, *krs: KeyResult, team: str = "sales") -> Objective:
    return Objective(
        id=f"obj-{quarter}", team_id=team, quarter=quarter, title="Grow", key_results=list(krs)
    )


def kr(kr_id: str, title: str = "Upgrades", continues: str | None = None) -> KeyResult:
    return KeyResult(
        id=kr_id, title=title, baseline=0, target=10, unit="upgrades", continues=continues
    )


THREE_QUARTERS = [
    objective("2026-Q2", kr("kr-a")),
    objective("2026-Q3", kr("kr-b", continues="kr-a")),
    objective("2026-Q4", kr("kr-c", continues="kr-b"), kr("kr-other", "Other")),
]


@pytest.mark.parametrize("start", ["kr-a", "kr-b", "kr-c"])
def test_the_line_is_the_same_from_wherever_it_is_picked(start: str) -> None:
    picked = next((o.quarter, k) for o in THREE_QUARTERS for k in o.key_results if k.id == start)
    line = kr_line(THREE_QUARTERS, "sales", *picked)
    assert [(p.quarter, p.kr.id) for p in line] == [
        ("2026-Q2", "kr-a"),
        ("2026-Q3", "kr-b"),
        ("2026-Q4", "kr-c"),
    ]


def test_a_key_result_that_continues_nothing_is_a_line_of_one() -> None:
    other = THREE_QUARTERS[2].key_results[1]
    assert [p.kr.id for p in kr_line(THREE_QUARTERS, "sales", "2026-Q4", other)] == ["kr-other"]


def test_continues_names_the_nearest_earlier_quarter_of_the_same_team() -> None:
    objectives = [
        objective("2026-Q2", kr("kr-1", "Old")),
        objective("2026-Q3", kr("kr-1", "Newer")),
        objective("2026-Q3", kr("kr-1", "Elsewhere"), team="support"),
        objective("2026-Q4", kr("kr-9", continues="kr-1")),
    ]
    earlier = continued_from(objectives, "sales", "2026-Q4", objectives[3].key_results[0])
    assert earlier is not None and (earlier.quarter, earlier.kr.title) == ("2026-Q3", "Newer")
    # The same id in another team's quarter is that team's key result, never this one's.
    other = continued_from(objectives, "support", "2026-Q4", objectives[3].key_results[0])
    assert other is not None and other.kr.title == "Elsewhere"
    assert continued_from(objectives, "marketing", "2026-Q4", objectives[3].key_results[0]) is None


def test_saving_the_next_quarter_draft_records_what_each_key_result_continues() -> None:
    drafts = draft_next_quarter([THREE_QUARTERS[2]], {"kr-c": 7.0})
    saved = planned_objectives(drafts, "sales", "2027-Q1")
    carried = {k.title: k for k in saved[0].key_results}
    assert carried["Upgrades"].continues == "kr-c"
    assert carried["Upgrades"].id != "kr-c"
    line = kr_line([*THREE_QUARTERS, *saved], "sales", "2027-Q1", carried["Upgrades"])
    assert [p.quarter for p in line] == ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]


def test_old_carried_key_results_are_linked_by_title_in_consecutive_quarters_only() -> None:
    objectives = [
        objective("2026-Q2", kr("kr-a"), kr("kr-twin", "Twice"), kr("kr-twin2", "Twice")),
        objective("2026-Q3", kr("kr-b"), kr("kr-t", "Twice"), kr("kr-gap", "Skipped")),
        objective("2027-Q1", kr("kr-late", "Skipped")),  # 2026-Q4 in between: no link
    ]
    assert links_by_title(objectives) == {("sales", "2026-Q3", "kr-b"): "kr-a"}


TEAM = "[[teams]]\nname = 'Sales'\nid = 'sales'\n"


def test_a_plan_file_keeps_what_a_key_result_continues() -> None:
    plan = parse_plan(
        TEAM
        + "[[objectives]]\nteam='sales'\nquarter='2026-Q3'\ntitle='Grow'\n"
        + "[[objectives.key_results]]\nid='kr-a'\ntitle='Upgrades'\nbaseline=0\ntarget=10\n"
        + "[[objectives]]\nteam='sales'\nquarter='2026-Q4'\ntitle='Grow'\n"
        + "[[objectives.key_results]]\nid='kr-b'\ntitle='Upgrades'\nbaseline=4\ntarget=10\n"
        + "continues='kr-a'\n",
        "plan.toml",
    )
    text = dump_plan(plan)
    assert 'continues = "kr-a"' in text
    again = parse_plan(text, "plan.toml")
    assert again.objectives[1].key_results[0].continues == "kr-a"


@pytest.mark.parametrize(
    ("quarter", "team"),
    [("2026-Q4", "sales"), ("2026-Q2", "sales")],  # no such id at all; only a later one
    ids=["unknown", "later-quarter"],
)
def test_a_plan_file_continuing_nothing_earlier_is_refused_by_place(
    quarter: str, team: str
) -> None:
    text = (
        TEAM
        + f"[[objectives]]\nteam='{team}'\nquarter='2026-Q3'\ntitle='Grow'\n"
        + "[[objectives.key_results]]\nid='kr-a'\ntitle='Upgrades'\nbaseline=0\ntarget=10\n"
        + f"[[objectives]]\nteam='{team}'\nquarter='{quarter}'\ntitle='Next'\n"
        + "[[objectives.key_results]]\nid='kr-b'\ntitle='Upgrades'\nbaseline=0\ntarget=10\n"
        + f"continues='{'kr-zz' if quarter == '2026-Q4' else 'kr-a'}'\n"
    )
    with pytest.raises(PlanError) as exc:
        parse_plan(text, "plan.toml")
    assert any(
        p.startswith("objectives[1].key_results[0].continues: no key result")
        for p in exc.value.problems
    ), exc.value.problems
