"""The plan holds every team's objectives; reading one team's validates only that team's.

As with the quarter files' meetings: a malformed objective of another team does not stop
this team's from being read; it is reported, naming the file, as soon as its own team (or
the whole plan) is read, and nothing is written into the plan file while it is there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrtui.domain.models import KeyResult, Objective, Team
from okrtui.store import DataFileError, Repository
from tests.store.validation_spy import count_validations


def objective(team_id: str, n: int) -> Objective:
    """Objective `n` of a team, with one key result."""
    return Objective(
        id=f"obj-{team_id}-{n}",
        team_id=team_id,
        quarter="2026-Q4",
        title=f"Objective {n} of {team_id}",
        key_results=[KeyResult(id=f"kr-{team_id}-{n}", title="Calls", baseline=0, target=10)],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Teams sales and ops with three objectives each."""
    repository = Repository.open(tmp_path)
    for team_id in ("sales", "ops"):
        repository.save_team(Team(id=team_id, name=team_id.title()))
        for n in range(3):
            repository.save_objective(objective(team_id, n))
    return tmp_path


def break_objective(folder: Path, objective_id: str) -> bytes:
    """Remove an objective's title in the plan file; returns the file's new bytes."""
    path = folder / "okrtui.json"
    data = json.loads(path.read_text())
    for document in data["objectives"].values():
        if document["id"] == objective_id:
            del document["title"]
    path.write_text(json.dumps(data))
    return path.read_bytes()


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every document validated as an Objective from now on."""
    return count_validations(monkeypatch, Objective)


def test_opening_the_folder_and_reading_one_team_validates_only_that_teams_objectives(
    folder: Path, validations: list[object]
) -> None:
    repository = Repository.open(folder)
    assert validations == []
    assert [o.id for o in repository.objectives("ops", "2026-Q4")] == [
        f"obj-ops-{n}" for n in range(3)
    ]
    assert len(validations) == 3
    repository.objective_quarters("ops")
    assert len(validations) == 3  # validated once per version of the file
    assert len(repository.plan().objectives) == 6
    assert len(validations) == 6


def test_another_teams_broken_objective_does_not_stop_this_team(folder: Path) -> None:
    break_objective(folder, "obj-ops-1")
    repository = Repository.open(folder)
    assert len(repository.objectives("sales")) == 3
    assert repository.team("ops").name == "Ops"
    message = r"okrtui\.json: objectives record 'obj-ops-1' is not valid: .*title"
    with pytest.raises(DataFileError, match=message):
        repository.objectives("ops")
    with pytest.raises(DataFileError, match=message):
        repository.plan()


def test_no_save_rewrites_a_plan_file_that_holds_a_broken_objective(folder: Path) -> None:
    broken = break_objective(folder, "obj-ops-1")
    repository = Repository.open(folder)
    sales = repository.objectives("sales")[0]
    with pytest.raises(DataFileError, match="objectives record 'obj-ops-1' is not valid"):
        repository.save_objective(sales.model_copy(update={"title": "Changed"}))
    with pytest.raises(DataFileError, match="objectives record 'obj-ops-1' is not valid"):
        repository.save_team(Team(id="support", name="Support"))
    assert (folder / "okrtui.json").read_bytes() == broken
