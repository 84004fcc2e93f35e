"""The domain model (teams, objectives, key results, sessions) as strict pydantic v2 models.

Objectives and key results belong to teams. People appear only through contributions,
weekly targets, trainings and ratings.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    NaiveDatetime,
    StringConstraints,
    model_validator,
)

from okrtui.domain.numbers import DEFAULT_LOCALE, LocaleName
from okrtui.domain.quarters import QUARTER_PATTERN
from okrtui.domain.text import check_multiline, check_single_line

# The kinds of text a person types. Each field's limits live here and nowhere else: forms
# read them from the field (`okrtui.domain.limits`). Control characters are refused in
# typed text and allowed in records read from a data file (`okrtui.domain.text.STORED`).
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(check_single_line),
]
"""A required name or title, on one line."""
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=200),
    AfterValidator(check_single_line),
]
"""Optional short text on one line (a role, a unit, a guest presenter's name)."""
Prose = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000),
    AfterValidator(check_multiline),
]
"""A required sentence or paragraph: a contribution, an experience, a commitment."""
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=10_000),
    AfterValidator(check_multiline),
]
"""Optional free text, possibly several paragraphs: notes, a summary, a description."""
Id = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.:-]+$")]


def check_email(value: str) -> str:
    """An email address as mail needs it: one `@`, a dotted domain, nothing that splits it."""
    if not value:
        return value
    local, at, domain = value.rpartition("@")
    if not at or not local or "." not in domain.strip(".") or _NOT_IN_ADDRESS.search(value):
        raise ValueError("an email address looks like name@example.com")
    return value


# Spaces and these would split an address into two, or into a display name and an address.
_NOT_IN_ADDRESS = re.compile(r'[\s<>,;:"()\[\]\\]')

Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254),
    AfterValidator(check_email),
]
"""An optional email address (254 characters is the most mail allows)."""
Quarter = Annotated[str, StringConstraints(pattern=QUARTER_PATTERN.pattern)]
# Dates are stored as ISO strings; these fields accept them even in strict mode.
Day = Annotated[date, Field(strict=False)]
# Local times without a zone, as okrtui writes them: a zone (or a Unix timestamp, which
# pydantic reads as UTC) could not be compared with the others when meetings are sorted.
Moment = Annotated[NaiveDatetime, Field(strict=False)]

KRKind = Literal["increase", "decrease", "maintain_min", "maintain_max", "milestone"]
KR_KINDS: tuple[KRKind, ...] = ("increase", "decrease", "maintain_min", "maintain_max", "milestone")
NUMERIC_KINDS = frozenset({"increase", "decrease", "maintain_min", "maintain_max"})
MAINTAIN_KINDS = frozenset({"maintain_min", "maintain_max"})
Confidence = Literal["on_track", "at_risk", "off_track"]
NoteKind = Literal["win", "lesson", "blocker", "idea", "went_well", "to_change"]
CommitmentKind = Literal["target", "action"]
CommitmentStatus = Literal["open", "done", "dropped"]
IssueStatus = Literal["open", "solved", "dropped"]
TopicStatus = Literal["parked", "taken_up", "dropped"]
SessionKind = Literal["weekly", "quarterly"]
SessionStatus = Literal["in_progress", "completed"]


class Model(BaseModel):
    """Base for every record: strict types, unknown fields refused, checked on assignment.

    NaN and the infinities are refused in every number: JSON cannot hold them.
    """

    model_config = ConfigDict(
        strict=True, extra="forbid", validate_assignment=True, allow_inf_nan=False
    )


class Member(Model):
    """A person on a team. Members leave; their history stays."""

    id: Id
    name: Name
    role: Line = ""
    # Where the minutes are sent; optional, the person may prefer to read them elsewhere.
    email: Email = ""
    active: bool = True


# A step's timebox in whole minutes: at least one, at most a working day of eight hours.
Timebox = Annotated[int, Field(ge=1, le=480)]
# An agenda step's key: a built-in step's, or a discussion step's own (`discussion-…`).
StepKey = Annotated[
    str, StringConstraints(min_length=1, max_length=80, pattern=r"^[a-z][a-z0-9_-]*$")
]


class AgendaStep(Model):
    """One step of an agenda: a built-in step (title and timebox optional: the built-in
    ones), or a discussion step of the team's own, with its title, timebox and prompt."""

    key: StepKey
    discussion: bool = False
    title: Line = ""
    minutes: Timebox | None = None
    prompt: Text = ""

    @model_validator(mode="after")
    def _discussion_complete(self) -> AgendaStep:
        if self.discussion and not self.title:
            raise ValueError("a discussion step needs a title")
        if not self.discussion and self.prompt:
            raise ValueError("only a discussion step has a prompt")
        return self


class Agenda(Model):
    """The steps of a meeting, in order."""

    steps: list[AgendaStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> Agenda:
        seen: set[str] = set()
        for step in self.steps:
            if step.key in seen:
                raise ValueError(f"two steps of the agenda share the key '{step.key}'")
            seen.add(step.key)
        return self


class Team(Model):
    """A team owns objectives and key results, and may run its meetings on its own agendas."""

    id: Id
    name: Name
    aligned_objective: Text = ""
    members: list[Member] = Field(default_factory=list)
    archived: bool = False
    # How the team writes numbers (`1,200.5` in en, `1.200,5` in de): typed and shown so.
    locale: LocaleName = DEFAULT_LOCALE
    # The team's own agendas; None runs the built-in one (`okrtui.domain.agenda`).
    weekly_agenda: Agenda | None = None
    quarterly_agenda: Agenda | None = None

    @model_validator(mode="after")
    def _unique_members(self) -> Team:
        seen: set[str] = set()
        for member in self.members:
            if member.id in seen:
                raise ValueError(f"two members share the id '{member.id}'")
            seen.add(member.id)
        return self

    @model_validator(mode="after")
    def _agendas_known(self) -> Team:
        # Imported here: the agenda module reads these models.
        from okrtui.domain.agenda import agenda_problems

        agendas: tuple[tuple[SessionKind, Agenda | None], ...] = (
            ("weekly", self.weekly_agenda),
            ("quarterly", self.quarterly_agenda),
        )
        for kind, own in agendas:
            if own is not None:
                for index, problem in agenda_problems(kind, own.steps):
                    raise ValueError(f"{kind} agenda, step {index + 1}: {problem}")
        return self

    def member(self, member_id: str) -> Member | None:
        """The member with this id, active or not."""
        return next((m for m in self.members if m.id == member_id), None)

    @property
    def active_members(self) -> list[Member]:
        """Members still on the team."""
        return [m for m in self.members if m.active]


class KeyResult(Model):
    """A measurable result. For maintain kinds `target` is the threshold to hold."""

    id: Id
    title: Name
    kind: KRKind = "increase"
    unit: Line = ""
    baseline: float | None = None
    target: float | None = None
    weight: float = Field(default=1.0, gt=0)
    archived: bool = False
    # The id of the key result of an earlier quarter of the same team that this one carries
    # on (the nearest earlier quarter holding that id): its trend continues across quarters.
    continues: Id | None = None

    @model_validator(mode="after")
    def _numbers_fit_kind(self) -> KeyResult:
        kind = self.kind
        if kind == "milestone":
            if self.baseline is not None or self.target is not None:
                raise ValueError("a milestone key result has no baseline or target")
            return self
        if self.target is None:
            what = "threshold" if kind in MAINTAIN_KINDS else "target"
            raise ValueError(f"a {kind} key result needs a {what}")
        if kind in ("increase", "decrease"):
            if self.baseline is None:
                raise ValueError(f"an {kind} key result needs a baseline")
            if kind == "increase" and self.target <= self.baseline:
                raise ValueError(
                    f"an increase key result needs a target above its baseline "
                    f"({_num(self.target)} is not above {_num(self.baseline)})"
                )
            if kind == "decrease" and self.target >= self.baseline:
                raise ValueError(
                    f"a decrease key result needs a target below its baseline "
                    f"({_num(self.target)} is not below {_num(self.baseline)})"
                )
        return self

    @property
    def is_numeric(self) -> bool:
        """True for every kind but milestone."""
        return self.kind in NUMERIC_KINDS


class Objective(Model):
    """A team's objective for one quarter, with its key results."""

    id: Id
    team_id: Id
    quarter: Quarter
    title: Name
    description: Text = ""
    aligned_to: Text = ""
    key_results: list[KeyResult] = Field(default_factory=list)
    archived: bool = False

    @model_validator(mode="after")
    def _unique_krs(self) -> Objective:
        seen: set[str] = set()
        for kr in self.key_results:
            if kr.id in seen:
                raise ValueError(f"two key results share the id '{kr.id}'")
            seen.add(kr.id)
        return self

    @property
    def active_key_results(self) -> list[KeyResult]:
        """Key results not archived."""
        return [kr for kr in self.key_results if not kr.archived]


class KRSnapshot(Model):
    """A key result as it stood when a session reviewed it, so old minutes stay true."""

    objective_id: Id
    objective_title: Name
    kr: KeyResult


class CheckIn(Model):
    """One key result's value and confidence at a weekly meeting."""

    kr_id: Id
    value: float | None = None
    confidence: Confidence | None = None
    note: Text = ""
    # The member whose own update this entry was accepted from (None: typed in the meeting).
    from_member: Id | None = None


class Contribution(Model):
    """What someone did for a team key result (or for the team in general)."""

    id: Id
    member_id: Id
    kr_id: Id | None = None
    text: Prose
    celebrated: bool = False
    # The member whose own update this entry was accepted from (None: typed in the meeting).
    from_member: Id | None = None


class Training(Model):
    """A mini-training given at a meeting, by a member or a guest."""

    id: Id
    topic: Name
    presenter_id: Id | None = None
    presenter_name: Line = ""
    minutes: int = Field(default=10, ge=0, le=600)
    attendee_ids: list[Id] = Field(default_factory=list)
    # Guests who attended, by their name as the session lists it in `guests` (names are
    # unique there), kept apart from members so a guest and a member may share a name.
    attendee_guests: list[Name] = Field(default_factory=list)
    notes: Text = ""

    @model_validator(mode="after")
    def _has_presenter(self) -> Training:
        if self.presenter_id is None and not self.presenter_name:
            raise ValueError("a training needs a presenter: a member or a guest's name")
        return self


class Note(Model):
    """An experience: a win, lesson, blocker or idea; or a retrospective note."""

    id: Id
    kind: NoteKind
    text: Prose
    member_id: Id | None = None
    # The member whose own update this entry was accepted from (None: typed in the meeting).
    from_member: Id | None = None


class Commitment(Model):
    """A weekly target of one person, or an action item from the meeting."""

    id: Id
    kind: CommitmentKind = "target"
    owner_id: Id
    text: Prose
    kr_id: Id | None = None
    due: Day
    status: CommitmentStatus = "open"
    # The member whose own update this entry was accepted from (None: typed in the meeting).
    from_member: Id | None = None


class CommitmentReview(Model):
    """The status an earlier commitment was given when a later meeting reviewed it."""

    commitment_id: Id
    status: CommitmentStatus


class Issue(Model):
    """A blocker raised at a meeting, carried from meeting to meeting until solved or dropped."""

    id: Id
    team_id: Id
    text: Prose
    raised_in: Id
    raised_on: Day
    owner_id: Id | None = None
    # The owner's name as it was when raised (a member's), or a guest's name.
    owner_name: Line = ""
    kr_id: Id | None = None
    status: IssueStatus = "open"
    resolution: Line = ""
    closed_on: Day | None = None
    closed_in: Id | None = None

    @model_validator(mode="after")
    def _closed_when_not_open(self) -> Issue:
        if (self.status == "open") != (self.closed_in is None):
            raise ValueError("an issue has a closing meeting exactly when it is not open")
        return self


class IssueReview(Model):
    """What a meeting decided about an open issue: kept open (reviewed), solved or dropped."""

    issue_id: Id
    status: IssueStatus
    resolution: Line = ""


class ParkedTopic(Model):
    """A topic raised and not discussed, parked for a later meeting of the team."""

    id: Id
    team_id: Id
    text: Name
    parked_in: Id
    parked_on: Day
    status: TopicStatus = "parked"
    # The meeting that took it up or dropped it.
    closed_in: Id | None = None


class TopicReview(Model):
    """What a meeting did with a topic parked at an earlier one."""

    topic_id: Id
    status: TopicStatus


class Score(Model):
    """A key result's quarterly score; an override needs a rationale."""

    kr_id: Id
    final_value: float | None = None
    computed: float = Field(ge=0, le=1)
    used: float = Field(ge=0, le=1)
    rationale: Text = ""

    @model_validator(mode="after")
    def _override_explained(self) -> Score:
        if abs(self.used - self.computed) > 1e-9 and not self.rationale:
            raise ValueError("an overridden score needs a rationale")
        return self


class ObjectiveScore(Model):
    """An objective's score: the weighted mean of its key results' scores."""

    objective_id: Id
    score: float = Field(ge=0, le=1)


class DraftKeyResult(Model):
    """A key result drafted for next quarter. Loose on purpose: checked as a KeyResult on save."""

    id: Id
    source_id: Id | None = None
    title: Line = ""
    kind: KRKind = "increase"
    unit: Line = ""
    baseline: float | None = None
    target: float | None = None
    weight: float = Field(default=1.0, gt=0)
    dropped: bool = False


class DraftObjective(Model):
    """An objective drafted for next quarter at a quarterly review."""

    id: Id
    source_id: Id | None = None
    title: Line = ""
    description: Text = ""
    aligned_to: Text = ""
    key_results: list[DraftKeyResult] = Field(default_factory=list)
    dropped: bool = False


class DiscussionNote(Model):
    """What was said in a discussion step of the team's own, with an optional owner:
    a member by id, or a guest by name."""

    id: Id
    step_key: StepKey
    text: Prose
    member_id: Id | None = None
    guest: Line = ""


class Amendment(Model):
    """A correction made to a finished meeting: when, and by whom."""

    at: Moment
    by: Line = ""


Rating = Annotated[int, Field(ge=1, le=10)]


class SentMinutes(Model):
    """Minutes sent by mail: when, and to which addresses."""

    at: Moment
    to: list[Email] = Field(min_length=1)


class Session(Model):
    """One meeting, weekly or quarterly, as saved in its quarter's file."""

    id: Id
    team_id: Id
    kind: SessionKind
    quarter: Quarter
    week: int | None = Field(default=None, ge=1, le=14)
    date: Day
    facilitator: Line = ""
    status: SessionStatus = "in_progress"
    started_at: Moment
    ended_at: Moment | None = None
    current_step: Line = ""
    step_seconds: dict[str, float] = Field(default_factory=dict)
    team_name: Line = ""
    member_names: dict[str, str] = Field(default_factory=dict)
    present_ids: list[Id] = Field(default_factory=list)
    guests: list[Name] = Field(default_factory=list)
    kr_snapshots: list[KRSnapshot] = Field(default_factory=list)
    checkins: list[CheckIn] = Field(default_factory=list)
    commitment_reviews: list[CommitmentReview] = Field(default_factory=list)
    contributions: list[Contribution] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    trainings: list[Training] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    discussion_notes: list[DiscussionNote] = Field(default_factory=list)
    # The team's open issues as they stood when the meeting started, so its minutes stay
    # true; and what the meeting decided about them (raised ones come from blocker notes).
    open_issues: list[Issue] = Field(default_factory=list)
    issue_reviews: list[IssueReview] = Field(default_factory=list)
    # Topics parked at this meeting; topics parked earlier and offered to it (as they stood
    # when it started), and what it did with them.
    parked: list[ParkedTopic] = Field(default_factory=list)
    offered_topics: list[ParkedTopic] = Field(default_factory=list)
    topic_reviews: list[TopicReview] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    objective_scores: list[ObjectiveScore] = Field(default_factory=list)
    # Quarterly only: the next quarter as drafted, and whether it was saved into the plan.
    next_quarter_plan: list[DraftObjective] = Field(default_factory=list)
    next_quarter_saved: bool = False
    ratings: dict[str, Rating] = Field(default_factory=dict)
    # Guests' ratings by their name in `guests`; members' are in `ratings`, by member id.
    guest_ratings: dict[str, Rating] = Field(default_factory=dict)
    summary: Text = ""
    # Corrections made after the meeting was finished, oldest first.
    amended: list[Amendment] = Field(default_factory=list)
    # Each time its minutes were mailed, oldest first.
    sent: list[SentMinutes] = Field(default_factory=list)
    # The agenda the meeting runs with, copied when it starts; None for a meeting saved
    # before agendas were kept, which ran with the built-in one.
    agenda: Agenda | None = None

    @model_validator(mode="after")
    def _week_fits_kind(self) -> Session:
        if self.kind == "weekly" and self.week is None:
            raise ValueError("a weekly session needs its week number")
        if self.status == "completed" and self.ended_at is None:
            raise ValueError("a completed session needs its end time")
        return self

    def checkin(self, kr_id: str) -> CheckIn | None:
        """This session's check-in of a key result, if any."""
        return next((c for c in self.checkins if c.kr_id == kr_id), None)

    def member_name(self, member_id: str) -> str:
        """A member's name as it was at the meeting."""
        return self.member_names.get(member_id, member_id)

    @property
    def absent_ids(self) -> list[str]:
        """Members of the team at the time who were not present."""
        return [m for m in self.member_names if m not in self.present_ids]

    @property
    def duration_seconds(self) -> float:
        """Time spent across all agenda steps."""
        return sum(self.step_seconds.values())


def _num(value: float) -> str:
    return f"{value:g}"
