"""Pure edits to a team's agenda, as the plan editor makes them: each returns a new Agenda.

An edit that would leave the agenda unusable (no step, a step twice) raises ValueError in
plain words; the timebox and title limits are the model's (`AgendaStep`).
"""

from __future__ import annotations

from okrtui.domain.agenda import agenda, agenda_problems, discussion_key
from okrtui.domain.models import Agenda, AgendaStep, SessionKind


def _checked(kind: SessionKind, steps: list[AgendaStep]) -> Agenda:
    if not steps:
        raise ValueError("an agenda needs at least one step")
    for index, problem in agenda_problems(kind, steps):
        raise ValueError(f"step {index + 1}: {problem}")
    return Agenda(steps=steps)


def move_step(kind: SessionKind, own: Agenda, key: str, by: int) -> Agenda:
    """The step `key` moved `by` places (negative: earlier); at either end it stays."""
    steps = list(own.steps)
    index = [s.key for s in steps].index(key)
    target = max(0, min(len(steps) - 1, index + by))
    steps.insert(target, steps.pop(index))
    return _checked(kind, steps)


def remove_step(kind: SessionKind, own: Agenda, key: str) -> Agenda:
    """The agenda without the step `key`."""
    return _checked(kind, [s for s in own.steps if s.key != key])


def add_builtin(kind: SessionKind, own: Agenda, key: str) -> Agenda:
    """A built-in step put back, where the built-in agenda has it among the steps there."""
    order = [s.key for s in agenda(kind)]
    steps = list(own.steps)
    later = [
        i for i, s in enumerate(steps) if s.key in order and order.index(s.key) > order.index(key)
    ]
    steps.insert(later[0] if later else len(steps), AgendaStep(key=key))
    return _checked(kind, steps)


def put_step(
    kind: SessionKind,
    own: Agenda,
    step: AgendaStep,
    *,
    replaces: str | None = None,
    after: str | None = None,
) -> Agenda:
    """`step` in place of the step `replaces`, or else added after the step `after` (at
    the end when None). A discussion step's key follows its title, as a plan file gives it."""
    keys = [s.key for s in own.steps]
    if step.discussion:
        others = [k for k in keys if k != replaces]
        step = step.model_copy(update={"key": discussion_key(step.title, others)})
    steps = list(own.steps)
    if replaces in keys:
        steps[keys.index(replaces)] = step
    else:
        steps.insert(keys.index(after) + 1 if after in keys else len(steps), step)
    return _checked(kind, steps)
