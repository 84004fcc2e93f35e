"""What a plan file may hold, entry by entry, before ids are given and models are built.

Strict: a plan file is written by people, so a misspelt key or a quoted number is
reported rather than guessed at. Loaded only when a plan file is read.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from okrtui.domain.models import KRKind, Quarter
from okrtui.domain.numbers import DEFAULT_LOCALE


class Entry(BaseModel):
    """Any entry: unknown keys, values of the wrong type, NaN and infinities are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class PlanMemberEntry(Entry):
    """A `[[teams.members]]` entry."""

    id: str | None = None
    name: str
    role: str = ""
    email: str = ""
    active: bool = True


class PlanAgendaStepEntry(Entry):
    """A `[[teams.weekly_agenda]]` or `[[teams.quarterly_agenda]]` entry: a built-in step
    (`step`, with an optional `title` and `minutes`) or a discussion step of the team's own
    (`discussion` is its title, with `minutes` and a `prompt`)."""

    step: str | None = None
    discussion: str | None = None
    title: str | None = None
    minutes: int | None = None
    prompt: str = ""


class PlanTeamEntry(Entry):
    """A `[[teams]]` entry."""

    id: str | None = None
    name: str
    aligned_objective: str = ""
    archived: bool = False
    locale: str = DEFAULT_LOCALE
    members: list[PlanMemberEntry] = Field(default_factory=list)
    weekly_agenda: list[PlanAgendaStepEntry] | None = None
    quarterly_agenda: list[PlanAgendaStepEntry] | None = None


class PlanKREntry(Entry):
    """A `[[objectives.key_results]]` entry."""

    id: str | None = None
    title: str
    kind: KRKind = "increase"
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    threshold: float | None = None
    weight: float = 1.0
    archived: bool = False
    continues: str | None = None


class PlanObjectiveEntry(Entry):
    """An `[[objectives]]` entry; `team` is the team's id or name."""

    id: str | None = None
    team: str
    quarter: Quarter
    title: str
    description: str = ""
    aligned_to: str = ""
    archived: bool = False
    key_results: list[PlanKREntry] = Field(default_factory=list)


class PlanFileEntries(Entry):
    """A whole plan file."""

    teams: list[PlanTeamEntry] = Field(default_factory=list)
    objectives: list[PlanObjectiveEntry] = Field(default_factory=list)
