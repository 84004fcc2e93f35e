"""No write can produce a file that okrtui then refuses to read.

Callers build records with `model_copy(update=...)`, which does not validate. Whatever a
record holds, saving it either is refused before anything is written (the files keep their
bytes) or writes what a fresh repository reads back unchanged. Hypothesis puts invalid
values into every field of every record kind: teams, members, objectives, key results,
meetings and each thing a meeting holds.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from okrtui.domain.models import Objective, Session, Team
from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.domain.text import STORED
from okrtui.store import Repository, StoreError
from okrtui.store.errors import RecordRefused

Path_ = tuple[str | int, ...]

BAD_VALUES = st.one_of(
    st.integers(min_value=201, max_value=12_000).map(lambda n: "x" * n),
    st.sampled_from(["", "   ", "a\x1bb", "tab\tand\nline", "has space", "\u202eevil"]),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e300, -1.0, 0.0, 11.0]),
    st.sampled_from([-1, 0, 15, 601, 10**20, True]),
    st.sampled_from([None, [], {}, ["x" * 300], {"k": "v"}, "2026-13-45", "not-a-quarter"]),
)


def leaf_paths(model: BaseModel, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every field of a record and of the records inside it (the first of each list)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = (*prefix, name)
        yield path
        if isinstance(value, BaseModel):
            yield from leaf_paths(value, path)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            yield (*path, 0)
            yield from leaf_paths(value[0], (*path, 0))


def with_value(model: Any, path: Path_, value: Any) -> Any:
    """A copy of `model` with `value` at `path`, built the unvalidated way callers do."""
    head, *rest = path
    if isinstance(head, int):
        items = list(model)
        items[head] = value if not rest else with_value(items[head], tuple(rest), value)
        return items
    inner = value if not rest else with_value(getattr(model, head), tuple(rest), value)
    return model.model_copy(update={head: inner})


def full_session() -> Session:
    """A finished meeting holding one of everything a meeting can hold."""
    from okrtui.domain.models import (
        CommitmentReview,
        DraftKeyResult,
        DraftObjective,
        ObjectiveScore,
        Score,
    )

    session = next(s for s in sample_sessions() if s.trainings and s.commitments)
    kr_id = session.checkins[0].kr_id
    return session.model_copy(
        update={
            "guests": ["Robin"],
            "commitment_reviews": [
                CommitmentReview(commitment_id=session.commitments[0].id, status="done")
            ],
            "scores": [Score(kr_id=kr_id, final_value=3.0, computed=0.5, used=0.5)],
            "objective_scores": [ObjectiveScore(objective_id="obj-1", score=0.5)],
            "next_quarter_plan": [
                DraftObjective(id="d1", title="Next", key_results=[DraftKeyResult(id="dk1")])
            ],
            "step_seconds": {"checkins": 60.0},
            "ratings": {session.present_ids[0]: 8},
        }
    )


PLAN = sample_plan()
SESSION = full_session()
LIVE = SESSION.model_copy(update={"id": "2026-Q4-live01", "status": "in_progress"})
# Each record kind: the record, and how it is saved.
KINDS: dict[str, tuple[BaseModel, Callable[[Repository, Any], None]]] = {
    "team": (PLAN.teams[0], Repository.save_team),
    "objective": (PLAN.objectives[0], Repository.save_objective),
    "finished meeting": (SESSION, Repository.save_session),
    "meeting in progress": (LIVE, Repository.save_session),
}
CASES = [(kind, path) for kind, (record, _) in KINDS.items() for path in leaf_paths(record)]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder in use: the sample plan, its meetings and one meeting in progress."""
    folder = tmp_path_factory.mktemp("template")
    repository = Repository.open(folder)
    repository.save_plan(PLAN)
    for session in sample_sessions():
        repository.save_session(session)
    repository.save_session(LIVE)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def read_everything(folder: Path) -> Repository:
    """A fresh repository that has read and validated every record of the folder."""
    repository = Repository.open(folder)
    repository.plan()
    for quarter in repository.quarters():
        repository.sessions(quarter)
    return repository


def stored(repository: Repository, record: BaseModel) -> BaseModel:
    if isinstance(record, Team):
        return repository.team(record.id)
    if isinstance(record, Objective):
        return next(o for o in repository.objectives(include_archived=True) if o.id == record.id)
    assert isinstance(record, Session)
    # Through its quarter: `session(id)` finds only ids that start with their quarter.
    return next(s for s in repository.sessions(record.quarter) if s.id == record.id)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=st.sampled_from(CASES), value=BAD_VALUES)
def test_a_record_that_would_not_read_back_is_never_written(
    template: Path, case: tuple[str, Path_], value: Any
) -> None:
    kind, path = case
    record, save = KINDS[kind]
    changed = with_value(record, path, value)
    folder = Path(tempfile.mkdtemp(prefix="gate-"))
    try:
        shutil.copytree(template, folder, dirs_exist_ok=True)
        before = files(folder)
        repository = Repository.open(folder)
        try:
            save(repository, changed)
        except RecordRefused as refused:
            assert refused.problems, "a refusal says what is wrong"
            assert files(folder) == before, f"{kind} {path}: a refused write changed the folder"
            read_everything(folder)
            return
        except StoreError as exc:
            pytest.fail(f"{kind} {path} = {value!r}: refused without naming the record: {exc}")
        fresh = read_everything(folder)
        # What was written is the record as the models have it (white space trimmed).
        expected = type(changed).model_validate(changed.model_dump(mode="json"), context=STORED)
        assert stored(fresh, changed) == expected, f"{kind} {path} = {value!r} was saved changed"
    finally:
        shutil.rmtree(folder)


def test_a_too_long_guest_name_is_refused_naming_the_field(template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    before = files(folder)
    repository = Repository.open(folder)
    with pytest.raises(RecordRefused) as refused:
        repository.save_session(LIVE.model_copy(update={"guests": ["G" * 201]}))
    assert "guests[0]: is too long" in str(refused.value)
    assert "sessions record '2026-Q4-live01'" in str(refused.value)
    assert files(folder) == before
    assert read_everything(folder).session(LIVE.id).guests == LIVE.guests
    # The refused write left nothing behind that a later save would carry to disk.
    repository.save_session(LIVE.model_copy(update={"summary": "fine"}))
    assert read_everything(folder).session(LIVE.id).summary == "fine"


def test_a_refused_write_in_memory_leaves_the_records_as_they_were() -> None:
    repository = Repository.in_memory()
    repository.save_plan(PLAN)
    team = PLAN.teams[0]
    with pytest.raises(RecordRefused):
        repository.save_team(team.model_copy(update={"name": "N" * 201}))
    assert repository.team(team.id) == team
    with pytest.raises(RecordRefused):
        repository.save_plan(
            type(PLAN)(teams=[team.model_copy(update={"name": ""})], objectives=[])
        )
    assert repository.teams() == PLAN.teams
