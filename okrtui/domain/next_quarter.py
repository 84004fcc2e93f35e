"""Drafting next quarter at a quarterly review: carry objectives and key results forward.

Each carried key result starts from its final value (its new baseline) and keeps its target,
which the team edits. A draft is loose while it is edited and becomes plan objectives only
when every kept part is valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import ValidationError

from okrtui.domain.ids import new_id
from okrtui.domain.models import (
    KR_KINDS,
    DraftKeyResult,
    DraftObjective,
    KeyResult,
    KRKind,
    Objective,
)
from okrtui.domain.text import STORED
from okrtui.domain.validation import first_message


class DraftError(ValueError):
    """The draft cannot be saved yet; `problems` says what to fix, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def carried_key_result(kr: KeyResult, final_value: float | None) -> DraftKeyResult:
    """A key result carried forward with a new id; increase/decrease start from the final value."""
    baseline = kr.baseline
    if kr.kind in ("increase", "decrease") and final_value is not None:
        baseline = final_value
    # Built from a stored record: its text is kept as it was stored.
    return DraftKeyResult.model_validate(
        {
            "id": new_id("kr"),
            "source_id": kr.id,
            "title": kr.title,
            "kind": kr.kind,
            "unit": kr.unit,
            "baseline": baseline,
            "target": kr.target,
            "weight": kr.weight,
        },
        context=STORED,
    )


def draft_next_quarter(
    objectives: Iterable[Objective], final_values: Mapping[str, float | None]
) -> list[DraftObjective]:
    """Next quarter's draft: every active objective and key result, with new ids."""
    return [
        DraftObjective.model_validate(
            {
                "id": new_id("obj"),
                "source_id": objective.id,
                "title": objective.title,
                "description": objective.description,
                "aligned_to": objective.aligned_to,
                "key_results": [
                    carried_key_result(kr, final_values.get(kr.id))
                    for kr in objective.active_key_results
                ],
            },
            context=STORED,
        )
        for objective in objectives
        if not objective.archived
    ]


def blank_objective() -> DraftObjective:
    """A new, empty objective for the draft."""
    return DraftObjective(id=new_id("obj"))


def blank_key_result() -> DraftKeyResult:
    """A new, empty key result for the draft."""
    return DraftKeyResult(id=new_id("kr"))


def as_key_result(draft: DraftKeyResult) -> KeyResult:
    """The plan's key result for a drafted one; pydantic's ValidationError if it is not valid."""
    # Fields a kind does not use are dropped, so switching kind while editing never blocks a save.
    numeric = draft.kind != "milestone"
    return KeyResult(
        id=draft.id,
        title=draft.title,
        kind=draft.kind,
        unit=draft.unit,
        baseline=draft.baseline if draft.kind in ("increase", "decrease") else None,
        target=draft.target if numeric else None,
        weight=draft.weight,
        continues=draft.source_id,
    )


def kr_problem(draft: DraftKeyResult) -> str | None:
    """What stops a drafted key result from being saved, in plain words; None when it is fine."""
    try:
        as_key_result(draft)
    except ValidationError as exc:
        return first_message(exc)
    return None


def draft_problems(drafts: Iterable[DraftObjective]) -> list[str]:
    """Every problem of the kept parts of a draft, each naming the objective or key result."""
    problems = []
    for objective in drafts:
        if objective.dropped:
            continue
        label = objective.title or "A new objective"
        if not objective.title:
            problems.append(f"{label}: needs a title")
        for kr in objective.key_results:
            if kr.dropped:
                continue
            problem = kr_problem(kr)
            if problem:
                problems.append(f"{kr.title or 'A new key result'}: {problem}")
    return problems


def planned_objectives(
    drafts: Iterable[DraftObjective], team_id: str, quarter: str
) -> list[Objective]:
    """The plan's objectives for the kept parts of a draft; DraftError lists what to fix."""
    kept = [d for d in drafts if not d.dropped]
    problems = draft_problems(kept)
    if problems:
        raise DraftError(problems)
    return [
        Objective(
            id=draft.id,
            team_id=team_id,
            quarter=quarter,
            title=draft.title,
            description=draft.description,
            aligned_to=draft.aligned_to,
            key_results=[as_key_result(kr) for kr in draft.key_results if not kr.dropped],
        )
        for draft in kept
    ]


# -- editing a draft (each returns a new list; the session keeps the old one until saved) ----


def edit_objective(
    drafts: list[DraftObjective], objective_id: str, **changes: object
) -> list[DraftObjective]:
    """The draft with one objective's fields changed (title, description, dropped…)."""
    return [d.model_copy(update=changes) if d.id == objective_id else d for d in drafts]


def edit_key_result(
    drafts: list[DraftObjective], kr_id: str, **changes: object
) -> list[DraftObjective]:
    """The draft with one key result's fields changed (title, kind, baseline, target, dropped…)."""
    result = []
    for draft in drafts:
        krs = [kr.model_copy(update=changes) if kr.id == kr_id else kr for kr in draft.key_results]
        result.append(draft.model_copy(update={"key_results": krs}))
    return result


def add_key_result(
    drafts: list[DraftObjective], objective_id: str
) -> tuple[list[DraftObjective], str]:
    """The draft with a new, empty key result at the end of an objective, and its id."""
    kr = blank_key_result()
    result = [
        d.model_copy(update={"key_results": [*d.key_results, kr]}) if d.id == objective_id else d
        for d in drafts
    ]
    return result, kr.id


def add_objective(drafts: list[DraftObjective]) -> tuple[list[DraftObjective], str]:
    """The draft with a new, empty objective at the end, and its id."""
    objective = blank_objective()
    return [*drafts, objective], objective.id


def next_kind(kind: KRKind) -> KRKind:
    """The kind after this one, for cycling through kinds with one key."""
    return KR_KINDS[(KR_KINDS.index(kind) + 1) % len(KR_KINDS)]
