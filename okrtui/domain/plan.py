"""Plan files: teams, members, objectives and key results as TOML.

`parse_plan` reads a plan file's text into models, reporting problems with their path
inside the file; `merge_plan` folds a parsed plan into an existing one (create or update);
`dump_plan` writes TOML that parses back to the same plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from okrtui.domain.agenda import agenda_problems, discussion_key, unknown_step
from okrtui.domain.ids import new_id, slugify
from okrtui.domain.lineage import continued_from
from okrtui.domain.models import (
    MAINTAIN_KINDS,
    Agenda,
    AgendaStep,
    KeyResult,
    Member,
    Objective,
    SessionKind,
    Team,
)
from okrtui.domain.numbers import DEFAULT_LOCALE
from okrtui.domain.text import escape_control
from okrtui.domain.validation import describe

if TYPE_CHECKING:
    from okrtui.domain.plan_entries import (
        PlanAgendaStepEntry,
        PlanObjectiveEntry,
        PlanTeamEntry,
    )

E = TypeVar("E", bound=BaseModel)


class PlanError(Exception):
    """A plan file that cannot be used; `problems` are `path: message` lines."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))

    def __str__(self) -> str:
        lines = [f"{self.source} is not a usable plan file:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


@dataclass
class Plan:
    """A whole plan: teams with their members, and objectives with their key results."""

    teams: list[Team] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)


def parse_plan(text: str, source: str, existing: Plan | None = None) -> Plan:
    """Parse a plan file; entries without ids match existing ones by name or get new ids."""
    # The file's schema and TOML load with the first plan file: start-up reads none.
    import tomllib

    from okrtui.domain.plan_entries import PlanFileEntries, PlanObjectiveEntry, PlanTeamEntry

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(source, [f"not valid TOML: {exc}"]) from None
    except RecursionError:
        raise PlanError(source, ["it is nested too deeply to read"]) from None
    problems: list[str] = []
    teams: list[PlanTeamEntry | None]
    objectives: list[PlanObjectiveEntry | None]
    try:
        entries = PlanFileEntries.model_validate(raw)
        teams, objectives = list(entries.teams), list(entries.objectives)
    except ValidationError as exc:
        # Report every entry's problems at once: the entries that are well formed are
        # still built, so their own problems (a name too long, a duplicate id) show too.
        problems += describe(exc)
        teams = _well_formed(raw, "teams", PlanTeamEntry)
        objectives = _well_formed(raw, "objectives", PlanObjectiveEntry)
    except RecursionError:
        raise PlanError(source, ["it is nested too deeply to read"]) from None
    plan = _build(teams, objectives, existing or Plan(), problems)
    if problems:
        raise PlanError(source, problems)
    return plan


def _well_formed(raw: dict[str, Any], key: str, model: type[E]) -> list[E | None]:
    """The entries of one list of a plan file, None where one is not well formed (its
    problems are reported already), so that every other keeps its place."""
    items = raw.get(key)
    found: list[E | None] = []
    for item in items if isinstance(items, list) else []:
        try:
            found.append(model.model_validate(item))
        except ValidationError:
            found.append(None)
    return found


def _build(
    teams: list[PlanTeamEntry | None],
    objectives: list[PlanObjectiveEntry | None],
    existing: Plan,
    problems: list[str],
) -> Plan:
    plan = Plan()
    team_ids: dict[str, str] = {}  # what objectives may write in `team` -> team id
    team_places: dict[str, str] = {}
    for t, entry in enumerate(teams):
        where = f"teams[{t}]"
        if entry is None:
            continue
        old = _find(existing.teams, entry.id, name=entry.name.strip())
        team_id = entry.id or (old.id if old else slugify(entry.name, "team"))
        members = []
        member_places: dict[str, str] = {}
        for m, member in enumerate(entry.members):
            old_member = old and _find(old.members, member.id, name=member.name.strip())
            member_id = member.id or (
                old_member.id if old_member else slugify(member.name, "member")
            )
            member_where = f"{where}.members[{m}]"
            if member_id in member_places:
                problems.append(
                    f"{member_where}.id: {member_places[member_id]} has the same id '{member_id}'"
                )
                continue
            member_places[member_id] = member_where
            members.append(
                _validated(
                    Member,
                    dict(
                        id=member_id,
                        name=member.name,
                        role=member.role,
                        email=member.email,
                        active=member.active,
                    ),
                    f"{where}.members[{m}]",
                    problems,
                )
            )
        written: tuple[tuple[SessionKind, list[PlanAgendaStepEntry] | None], ...] = (
            ("weekly", entry.weekly_agenda),
            ("quarterly", entry.quarterly_agenda),
        )
        agendas = {
            kind: _agenda(kind, steps, f"{where}.{kind}_agenda", problems)
            for kind, steps in written
            if steps is not None
        }
        # An agenda with problems (named at their steps) is left out, so that the team's
        # other problems are found too.
        team = _validated(
            Team,
            dict(
                id=team_id,
                name=entry.name,
                aligned_objective=entry.aligned_objective,
                archived=entry.archived,
                locale=entry.locale,
                members=[m for m in members if m is not None],
                weekly_agenda=agendas.get("weekly"),
                quarterly_agenda=agendas.get("quarterly"),
            ),
            where,
            problems,
        )
        if team is not None:
            if team.id in team_places:
                problems.append(f"{where}.id: {team_places[team.id]} has the same id '{team.id}'")
            team_places[team.id] = where
            plan.teams.append(team)
            team_ids[team.id] = team.id
            team_ids[team.name] = team.id
    for team in existing.teams:
        team_ids.setdefault(team.id, team.id)
        team_ids.setdefault(team.name, team.id)

    objective_places: dict[str, str] = {}
    kr_places: dict[tuple[str, str, str], str] = {}  # (team, quarter, kr id) -> place
    for o, objective_entry in enumerate(objectives):
        where = f"objectives[{o}]"
        if objective_entry is None:
            continue
        team_id = team_ids.get(objective_entry.team)
        if team_id is None:
            problems.append(
                f"{where}.team: no team '{objective_entry.team}' in this file or the plan"
            )
            continue
        old_obj = _find(
            existing.objectives,
            objective_entry.id,
            team_id=team_id,
            quarter=objective_entry.quarter,
            title=objective_entry.title.strip(),
        )
        krs = []
        for k, kr in enumerate(objective_entry.key_results):
            kr_where = f"{where}.key_results[{k}]"
            old_kr = old_obj and _find(old_obj.key_results, kr.id, title=kr.title.strip())
            target = kr.target
            if kr.threshold is not None:
                if kr.kind not in MAINTAIN_KINDS:
                    problems.append(
                        f"{kr_where}.threshold: only maintain_min and maintain_max key results "
                        "have a threshold; use target"
                    )
                    continue
                if kr.target is not None:
                    problems.append(f"{kr_where}: give a threshold or a target, not both")
                    continue
                target = kr.threshold
            krs.append(
                _validated(
                    KeyResult,
                    dict(
                        id=kr.id or (old_kr.id if old_kr else new_id("kr")),
                        title=kr.title,
                        kind=kr.kind,
                        unit=kr.unit,
                        baseline=kr.baseline,
                        target=target,
                        weight=kr.weight,
                        archived=kr.archived,
                        continues=kr.continues,
                    ),
                    kr_where,
                    problems,
                )
            )
        objective = _validated(
            Objective,
            dict(
                id=objective_entry.id or (old_obj.id if old_obj else new_id("obj")),
                team_id=team_id,
                quarter=objective_entry.quarter,
                title=objective_entry.title,
                description=objective_entry.description,
                aligned_to=objective_entry.aligned_to,
                archived=objective_entry.archived,
                key_results=[kr for kr in krs if kr is not None],
            ),
            where,
            problems,
        )
        if objective is not None:
            _check_ids(objective, where, objective_places, kr_places, problems)
            plan.objectives.append(objective)
    _check_against_plan(plan, existing, kr_places, problems)
    _check_continues(plan, existing, kr_places, problems)
    return plan


def _agenda(
    kind: SessionKind, entries: list[PlanAgendaStepEntry], where: str, problems: list[str]
) -> Agenda | None:
    """A team's agenda from its plan-file entries, or None after naming each problem at
    its step (`teams[0].weekly_agenda[2].minutes: …`)."""
    if not entries:
        problems.append(f"{where}: an agenda needs at least one step (or leave it out)")
        return None
    found = len(problems)
    steps: list[AgendaStep] = []
    places: list[str] = []
    for index, entry in enumerate(entries):
        step_where = f"{where}[{index}]"
        if (entry.step is None) == (entry.discussion is None):
            problems.append(
                f"{step_where}: give `step` (a built-in step) or `discussion` (a step of the "
                "team's own, by its title), one of the two"
            )
            continue
        if entry.discussion is not None:
            if entry.title is not None:
                problems.append(
                    f"{step_where}.title: a discussion step's title is its `discussion`"
                )
                continue
            data = dict(
                key=discussion_key(entry.discussion, (s.key for s in steps)),
                discussion=True,
                title=entry.discussion,
                minutes=entry.minutes,
                prompt=entry.prompt,
            )
        else:
            assert entry.step is not None
            unknown = unknown_step(kind, entry.step)
            if unknown is not None:
                problems.append(f"{step_where}.step: {unknown}")
                continue
            data = dict(
                key=entry.step, title=entry.title or "", minutes=entry.minutes, prompt=entry.prompt
            )
        step = _validated(AgendaStep, data, step_where, problems)
        if step is not None:
            steps.append(step)
            places.append(step_where)
    for index, problem in agenda_problems(kind, steps):
        problems.append(f"{places[index]}: {problem}")
    if len(problems) > found:
        return None
    return _validated(Agenda, dict(steps=steps), where, problems)


def _check_ids(
    objective: Objective,
    where: str,
    objective_places: dict[str, str],
    kr_places: dict[tuple[str, str, str], str],
    problems: list[str],
) -> None:
    """An objective's id, and each of its key results' ids within its team's quarter, are
    the file's only: two cards sharing one would share one check-in."""
    first = objective_places.setdefault(objective.id, where)
    if first != where:
        problems.append(f"{where}.id: {first} has the same id '{objective.id}'")
    for k, kr in enumerate(objective.key_results):
        kr_where = f"{where}.key_results[{k}]"
        first = kr_places.setdefault((objective.team_id, objective.quarter, kr.id), kr_where)
        if first != kr_where:
            problems.append(f"{kr_where}.id: {first} of the same quarter has the same id '{kr.id}'")


def _check_against_plan(
    plan: Plan, existing: Plan, kr_places: dict[tuple[str, str, str], str], problems: list[str]
) -> None:
    """A key result id of the file already used by another objective of the same quarter."""
    replaced = {o.id for o in plan.objectives}
    for objective in existing.objectives:
        if objective.id in replaced:
            continue
        for kr in objective.key_results:
            place = kr_places.get((objective.team_id, objective.quarter, kr.id))
            if place is not None:
                problems.append(
                    f"{place}.id: the objective '{objective.title}' ({objective.id}) of "
                    f"{objective.quarter} already has a key result with the id '{kr.id}'"
                )


def _check_continues(
    plan: Plan, existing: Plan, kr_places: dict[tuple[str, str, str], str], problems: list[str]
) -> None:
    """A key result of the file that continues one names a key result of an earlier quarter
    of its own team, in this file or the plan."""
    everything = merge_plan(existing, plan).objectives
    for objective in plan.objectives:
        for kr in objective.key_results:
            if kr.continues is None:
                continue
            if continued_from(everything, objective.team_id, objective.quarter, kr) is None:
                place = kr_places[(objective.team_id, objective.quarter, kr.id)]
                problems.append(
                    f"{place}.continues: no key result '{kr.continues}' of this team in a "
                    f"quarter before {objective.quarter}"
                )


def _find(items: list[Any], wanted_id: str | None, **fields: Any) -> Any:
    """The item with this id, or without an id the first whose fields all match."""
    if wanted_id is not None:
        return next((x for x in items if x.id == wanted_id), None)
    return next((x for x in items if all(getattr(x, k) == v for k, v in fields.items())), None)


def _validated(model: type[Any], data: dict[str, Any], where: str, problems: list[str]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_field_path(line, where) for line in describe(exc))
        return None


def _field_path(line: str, where: str) -> str:
    # describe() gives "field: message" or, for whole-record checks, just "message".
    head, sep, tail = line.partition(": ")
    if sep and " " not in head:
        return f"{where}.{head}: {tail}"
    return f"{where}: {line}"


def merge_plan(current: Plan, incoming: Plan) -> Plan:
    """The current plan with incoming teams and objectives created or replaced by id.

    Members missing from an incoming team are kept (their history stays) but marked inactive
    only if the file says so; a plan file never deletes anything.
    """
    teams = {t.id: t for t in current.teams}
    for team in incoming.teams:
        old = teams.get(team.id)
        if old is not None:
            incoming_ids = {m.id for m in team.members}
            kept = [m for m in old.members if m.id not in incoming_ids]
            # An agenda the file leaves out is kept, like a member it leaves out.
            team = team.model_copy(
                update={
                    "members": [*team.members, *kept],
                    "weekly_agenda": team.weekly_agenda or old.weekly_agenda,
                    "quarterly_agenda": team.quarterly_agenda or old.quarterly_agenda,
                }
            )
        teams[team.id] = team
    objectives = {o.id: o for o in current.objectives}
    for objective in incoming.objectives:
        objectives[objective.id] = objective
    return Plan(teams=list(teams.values()), objectives=list(objectives.values()))


def dump_plan(plan: Plan, team_id: str | None = None) -> str:
    """The plan (or one team's part of it) as TOML that `parse_plan` reads back."""
    teams = [t for t in plan.teams if team_id is None or t.id == team_id]
    chosen = {t.id for t in teams}
    objectives = [o for o in plan.objectives if o.team_id in chosen]
    document: dict[str, Any] = {
        "teams": [_team_entry(t) for t in teams],
        "objectives": [_objective_entry(o) for o in objectives],
    }
    import tomli_w

    # tomli_w writes every string in double quotes and escapes C0 controls, but leaves C1
    # controls and bidi overrides raw; as \\u escapes they read back the same and can
    # neither drive a terminal nor reorder what a reader sees.
    return escape_control(tomli_w.dumps(document), unicode_escapes=True)


def _team_entry(team: Team) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": team.id, "name": team.name}
    if team.aligned_objective:
        entry["aligned_objective"] = team.aligned_objective
    if team.archived:
        entry["archived"] = True
    if team.locale != DEFAULT_LOCALE:
        entry["locale"] = team.locale
    entry["members"] = [
        {"id": m.id, "name": m.name}
        | ({"role": m.role} if m.role else {})
        | ({"email": m.email} if m.email else {})
        | ({} if m.active else {"active": False})
        for m in team.members
    ]
    for name, own in (
        ("weekly_agenda", team.weekly_agenda),
        ("quarterly_agenda", team.quarterly_agenda),
    ):
        if own is not None:
            entry[name] = [_agenda_step_entry(step) for step in own.steps]
    return entry


def _agenda_step_entry(step: AgendaStep) -> dict[str, Any]:
    entry: dict[str, Any] = {"discussion": step.title} if step.discussion else {"step": step.key}
    if step.title and not step.discussion:
        entry["title"] = step.title
    if step.minutes is not None:
        entry["minutes"] = step.minutes
    if step.prompt:
        entry["prompt"] = step.prompt
    return entry


def _objective_entry(objective: Objective) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": objective.id,
        "team": objective.team_id,
        "quarter": objective.quarter,
        "title": objective.title,
    }
    if objective.description:
        entry["description"] = objective.description
    if objective.aligned_to:
        entry["aligned_to"] = objective.aligned_to
    if objective.archived:
        entry["archived"] = True
    entry["key_results"] = [_kr_entry(kr) for kr in objective.key_results]
    return entry


def _kr_entry(kr: KeyResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": kr.id, "title": kr.title, "kind": kr.kind}
    if kr.unit:
        entry["unit"] = kr.unit
    if kr.baseline is not None:
        entry["baseline"] = _tidy(kr.baseline)
    if kr.target is not None:
        entry["threshold" if kr.kind in MAINTAIN_KINDS else "target"] = _tidy(kr.target)
    if kr.weight != 1.0:
        entry["weight"] = _tidy(kr.weight)
    if kr.archived:
        entry["archived"] = True
    if kr.continues is not None:
        entry["continues"] = kr.continues
    return entry


def _tidy(value: float) -> float | int:
    """Whole numbers are written without a trailing `.0`."""
    return int(value) if float(value).is_integer() else value
