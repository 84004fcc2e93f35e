"""A plan file is imported whole or not at all, and every problem in it is named at once.

Numbers JSON cannot hold, ids used twice and files nested too deep are refused with the
file and the place named; `okrtui plan import` then leaves the data folder as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.plan import PlanError, dump_plan, parse_plan
from okrtui.domain.sample import sample_plan
from okrtui.store import Repository

TEAM = '[[teams]]\nid = "web"\nname = "Web"\n'


def objective(obj_id: str, kr_id: str, numbers: str = "baseline = 0\ntarget = 10") -> str:
    return (
        f'[[objectives]]\nid = "{obj_id}"\nteam = "web"\nquarter = "2026-Q4"\n'
        f'title = "Objective {obj_id}"\n[[objectives.key_results]]\nid = "{kr_id}"\n'
        f'title = "Result {kr_id}"\n{numbers}\n'
    )


def problems(text: str, existing: Repository | None = None) -> list[str]:
    with pytest.raises(PlanError) as raised:
        parse_plan(text, "plan.toml", existing.plan() if existing else None)
    assert raised.value.source == "plan.toml"
    return raised.value.problems


@pytest.mark.parametrize(
    ("numbers", "field"),
    [
        ("baseline = 0\ntarget = nan", "target"),
        ("baseline = 0\ntarget = inf", "target"),
        ("baseline = 0\ntarget = 1e400", "target"),
        ("baseline = -inf\ntarget = 10", "baseline"),
        ('kind = "maintain_min"\nthreshold = nan', "threshold"),
        ("baseline = 0\ntarget = 10\nweight = inf", "weight"),
        ("baseline = 0\ntarget = 10\nweight = nan", "weight"),
    ],
)
def test_numbers_json_cannot_hold_are_refused_at_their_place(numbers: str, field: str) -> None:
    found = problems(TEAM + objective("o1", "k1", numbers))
    assert f"objectives[0].key_results[0].{field}: must be a finite number" in found[0]


def test_two_objectives_with_one_id_are_an_error_naming_both() -> None:
    found = problems(TEAM + objective("o1", "k1") + objective("o1", "k2"))
    assert found == ["objectives[1].id: objectives[0] has the same id 'o1'"]


def test_one_key_result_id_in_two_objectives_of_a_quarter_is_an_error_naming_both() -> None:
    found = problems(TEAM + objective("o1", "k1") + objective("o2", "k1"))
    assert found == [
        "objectives[1].key_results[0].id: objectives[0].key_results[0] of the same quarter "
        "has the same id 'k1'"
    ]


def test_a_key_result_id_another_objective_of_the_plan_holds_is_an_error() -> None:
    repository = Repository.in_memory()
    repository.save_plan(parse_plan(TEAM + objective("o1", "k1"), "first.toml"))
    found = problems(objective("o2", "k1"), repository)
    assert found == [
        "objectives[0].key_results[0].id: the objective 'Objective o1' (o1) of 2026-Q4 "
        "already has a key result with the id 'k1'"
    ]


def test_two_teams_or_members_with_one_id_are_errors_naming_both() -> None:
    text = (
        TEAM
        + '[[teams.members]]\nid = "ann"\nname = "Ann"\n'
        + '[[teams.members]]\nid = "ann"\nname = "Anne"\n'
        + TEAM
    )
    assert problems(text) == [
        "teams[0].members[1].id: teams[0].members[0] has the same id 'ann'",
        "teams[1].id: teams[0] has the same id 'web'",
    ]


def test_every_problem_in_teams_members_objectives_and_key_results_is_listed_at_once() -> None:
    text = (
        f'[[teams]]\nid = "web"\nname = "{"W" * 201}"\n'
        '[[teams.members]]\nname = "Ann"\nactive = "yes"\n'
        '[[teams]]\nid = "ops"\nname = "Ops"\n'
        '[[teams.members]]\nname = ""\n'
        '[[objectives]]\nteam = "ops"\nquarter = "2026-Q4"\n'
        '[[objectives]]\nteam = "ops"\nquarter = "2026-Q4"\ntitle = "Fine"\n'
        '[[objectives.key_results]]\ntitle = "Up"\nbaseline = 5\ntarget = 1\n'
    )
    found = problems(text)
    assert any(p.startswith("teams[0].members[0].active:") for p in found), found
    assert any(p.startswith("teams[1].members[0].name: cannot be empty") for p in found), found
    assert any(p.startswith("objectives[0].title: is required") for p in found), found
    assert any(
        p.startswith("objectives[1].key_results[0]: an increase key result needs a target above")
        for p in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 1000 + "]" * 1000,
        "a = " + "{ b = " * 1000 + "1" + " }" * 1000,
    ],
    ids=["arrays", "tables"],
)
def test_a_plan_nested_a_thousand_levels_deep_is_refused_naming_the_file(text: str) -> None:
    assert problems(text) == ["it is nested too deeply to read"]


def test_plan_import_of_a_refused_file_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    repository = Repository.open(data)
    repository.save_plan(sample_plan())
    before = (data / "okrtui.json").read_bytes()
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(dump_plan(sample_plan()).replace("target = 500", "target = nan"))
    result = CliRunner().invoke(cli, ["plan", "import", str(plan_file), "--data", str(data)])
    assert result.exit_code == 1
    assert f"{plan_file} is not a usable plan file:" in result.stderr
    assert "target: must be a finite number" in result.stderr
    assert "Traceback" not in result.stderr
    assert (data / "okrtui.json").read_bytes() == before
    assert not (data / "backups").exists()
