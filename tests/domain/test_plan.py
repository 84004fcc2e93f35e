"""Plan files: round trip, matching by name, and errors named by their place in the file."""

from __future__ import annotations

import pytest

from okrtui.domain.plan import Plan, PlanError, dump_plan, merge_plan, parse_plan
from okrtui.domain.sample import sample_plan

MINIMAL = """
[[teams]]
name = "Support"
members = [{ name = "Iris Lund" }, { name = "Omar Said", role = "Lead" }]

[[objectives]]
team = "Support"
quarter = "2027-Q1"
title = "Answer faster"

[[objectives.key_results]]
title = "First reply within an hour"
kind = "decrease"
unit = "minutes"
baseline = 180
target = 60

[[objectives.key_results]]
title = "Keep satisfaction at or above 90%"
kind = "maintain_min"
unit = "%"
threshold = 90

[[objectives.key_results]]
title = "Launch the help centre"
kind = "milestone"
"""


def test_sample_plan_round_trips_identically() -> None:
    first = dump_plan(sample_plan())
    again = dump_plan(parse_plan(first, "plan.toml"))
    assert again == first


def test_minimal_plan_gets_ids_and_kinds() -> None:
    plan = parse_plan(MINIMAL, "plan.toml")
    team = plan.teams[0]
    assert team.id == "support"
    assert [m.id for m in team.members] == ["iris-lund", "omar-said"]
    objective = plan.objectives[0]
    assert objective.team_id == "support"
    assert [kr.kind for kr in objective.key_results] == ["decrease", "maintain_min", "milestone"]
    assert objective.key_results[1].target == 90


def test_reimport_without_ids_updates_instead_of_duplicating() -> None:
    first = parse_plan(MINIMAL, "plan.toml")
    edited = MINIMAL.replace("target = 60", "target = 45")
    second = parse_plan(edited, "plan.toml", existing=first)
    merged = merge_plan(first, second)
    assert len(merged.objectives) == 1
    assert merged.objectives[0].id == first.objectives[0].id
    assert merged.objectives[0].key_results[0].target == 45
    assert merged.objectives[0].key_results[0].id == first.objectives[0].key_results[0].id


def test_merge_keeps_members_a_file_leaves_out() -> None:
    current = sample_plan()
    incoming = parse_plan(
        '[[teams]]\nid = "sales"\nname = "Sales"\nmembers = [{ id = "ana", name = "Ana" }]\n',
        "p.toml",
    )
    merged = merge_plan(current, incoming)
    sales = merged.teams[0]
    assert sales.member("ana") is not None and sales.member("ana").name == "Ana"  # type: ignore[union-attr]
    assert sales.member("eli") is not None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("teams = 3", "teams: must be a list"),
        ("[[teams]]\nname = 'A'\nsize = 3", "teams[0].size: is not a field okrtui knows"),
        ("[[teams]]\nname = ''", "teams[0].name: cannot be empty"),
        (
            "[[objectives]]\nteam = 'nobody'\nquarter = '2026-Q4'\ntitle = 'x'",
            "objectives[0].team: no team 'nobody' in this file or the plan",
        ),
        (
            "[[teams]]\nname='A'\n[[objectives]]\nteam='A'\nquarter='2026-Q5'\ntitle='x'",
            "objectives[0].quarter: must be a quarter like 2026-Q4",
        ),
        (
            "[[teams]]\nname='A'\n[[objectives]]\nteam='A'\nquarter='2026-Q4'\ntitle='x'\n"
            "[[objectives.key_results]]\ntitle='k'\nkind='increase'\nbaseline=0\ntarget='lots'",
            "objectives[0].key_results[0].target: must be a number",
        ),
        (
            "[[teams]]\nname='A'\n[[objectives]]\nteam='A'\nquarter='2026-Q4'\ntitle='x'\n"
            "[[objectives.key_results]]\ntitle='k'\nkind='increase'\nbaseline=10\ntarget=5",
            "objectives[0].key_results[0]: an increase key result needs a target above its "
            "baseline (5 is not above 10)",
        ),
        (
            "[[teams]]\nname='A'\n[[objectives]]\nteam='A'\nquarter='2026-Q4'\ntitle='x'\n"
            "[[objectives.key_results]]\ntitle='k'\nkind='increase'\nthreshold=5",
            "objectives[0].key_results[0].threshold: only maintain_min and maintain_max key "
            "results have a threshold; use target",
        ),
        ("[[teams]\nname='A'", "not valid TOML"),
    ],
)
def test_errors_name_the_place_in_the_file(text: str, problem: str) -> None:
    with pytest.raises(PlanError) as exc:
        parse_plan(text, "plan.toml")
    assert exc.value.source == "plan.toml"
    assert any(p.startswith(problem) for p in exc.value.problems), exc.value.problems
    assert str(exc.value).startswith("plan.toml is not a usable plan file:")


def test_export_of_one_team_leaves_others_out() -> None:
    plan = sample_plan()
    other = parse_plan(MINIMAL, "p.toml")
    both = Plan(teams=plan.teams + other.teams, objectives=plan.objectives + other.objectives)
    text = dump_plan(both, "support")
    assert "Support" in text and "Sales" not in text
