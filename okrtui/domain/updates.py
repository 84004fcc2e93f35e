"""A member's own update for the team's next meeting, and how the facilitator accepts it.

Members add check-ins, contributions, experiences and next week's targets before or during
a meeting; each waits in the team's inbox as an `Update` until the facilitator accepts it
into the meeting, where it becomes the entry it holds, marked with who sent it. An update
carries the very entry it proposes (a `CheckIn`, `Contribution`, `Note` or `Commitment`),
so its limits are the meeting's own and accepting it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import model_validator

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.meeting import default_due, set_checkin, upsert_item
from okrtui.domain.models import (
    CheckIn,
    Commitment,
    Contribution,
    Id,
    KRSnapshot,
    Line,
    Model,
    Moment,
    Note,
    NoteKind,
    Session,
)
from okrtui.domain.numbers import DEFAULT_LOCALE

UpdateKind = Literal["checkin", "contribution", "experience", "target"]
UPDATE_KINDS: tuple[UpdateKind, ...] = ("checkin", "contribution", "experience", "target")
# The agenda step where each kind of update is accepted.
STEP_OF_KIND: dict[UpdateKind, str] = {
    "checkin": "checkins",
    "contribution": "contributions",
    "experience": "experiences",
    "target": "next_week",
}
EXPERIENCE_KINDS: tuple[NoteKind, ...] = ("win", "lesson", "blocker", "idea")


class Update(Model):
    """One entry a member proposes for the meeting, waiting in the team's inbox."""

    id: Id
    team_id: Id
    kind: UpdateKind
    from_member: Id  # who sent it: a member of the team
    from_name: Line = ""  # their name when they sent it
    submitted_at: Moment
    checkin: CheckIn | None = None
    contribution: Contribution | None = None
    note: Note | None = None
    target: Commitment | None = None

    @model_validator(mode="after")
    def _holds_its_kind(self) -> Update:
        held = {
            "checkin": self.checkin,
            "contribution": self.contribution,
            "experience": self.note,
            "target": self.target,
        }
        others = [k for k, entry in held.items() if entry is not None and k != self.kind]
        if held[self.kind] is None or others:
            raise ValueError(f"a {self.kind} update holds its {self.kind} and nothing else")
        if self.checkin is not None and (
            self.checkin.value is None and self.checkin.confidence is None
        ):
            raise ValueError("a check-in update needs a value or a confidence")
        if self.note is not None and self.note.kind not in EXPERIENCE_KINDS:
            raise ValueError("an experience is a win, a lesson, a blocker or an idea")
        if self.target is not None and self.target.kind != "target":
            raise ValueError("a member's update proposes targets, not action items")
        return self

    @property
    def step_key(self) -> str:
        """The agenda step where the facilitator accepts it."""
        return STEP_OF_KIND[self.kind]

    @property
    def entry_id(self) -> str:
        """The id the entry keeps in the meeting (a check-in's is its key result)."""
        if self.checkin is not None:
            return f"checkin:{self.checkin.kr_id}"
        entry = self.contribution or self.note or self.target
        assert entry is not None  # the validator made sure
        return entry.id


def accept(session: Session, update: Update) -> Session:
    """The meeting with the update's entry in it, marked as from whom; the same update
    accepted again replaces its entry instead of adding a second one."""
    who = update.from_member
    if update.checkin is not None:
        c = update.checkin
        changed = set_checkin(session, c.kr_id, value=c.value, confidence=c.confidence, note=c.note)
        checkins = [
            x.model_copy(update={"from_member": who}) if x.kr_id == c.kr_id else x
            for x in changed.checkins
        ]
        return changed.model_copy(update={"checkins": checkins})
    if update.contribution is not None:
        return upsert_item(
            session, "contributions", update.contribution.model_copy(update={"from_member": who})
        )
    if update.note is not None:
        return upsert_item(session, "notes", update.note.model_copy(update={"from_member": who}))
    assert update.target is not None  # the validator made sure
    # The member could not know the meeting's day: a target is due a week after it.
    target = update.target.model_copy(update={"from_member": who, "due": default_due(session.date)})
    return upsert_item(session, "commitments", target)


def is_accepted(session: Session, update: Update) -> bool:
    """Whether the meeting already holds this update's entry as it was sent."""
    if update.checkin is not None:
        found = session.checkin(update.checkin.kr_id)
        return (
            found is not None
            and found.from_member == update.from_member
            and (
                found.value,
                found.confidence,
            )
            == (update.checkin.value, update.checkin.confidence)
        )
    entries = [*session.contributions, *session.notes, *session.commitments]
    return any(getattr(e, "id", None) == update.entry_id for e in entries)


def pending_for(session: Session, updates: list[Update], step_key: str) -> list[Update]:
    """The team's updates waiting to be accepted in this meeting's step, oldest first."""
    return [
        u
        for u in sorted(updates, key=lambda u: u.submitted_at)
        if u.team_id == session.team_id and u.step_key == step_key and not is_accepted(session, u)
    ]


def describe(update: Update, session: Session, locale: str = DEFAULT_LOCALE) -> str:
    """One line for the facilitator: who sent what (plain text, to be escaped when shown)."""
    return describe_with(update, session.kr_snapshots, session.member_name, locale)


def describe_with(
    update: Update,
    snapshots: Sequence[KRSnapshot],
    member_name: Callable[[str], str],
    locale: str = DEFAULT_LOCALE,
) -> str:
    """`describe`, with the key results and members' names given (before any meeting)."""
    sender = update.from_name or member_name(update.from_member)
    if update.checkin is not None:
        c = update.checkin
        snapshot = next((s for s in snapshots if s.kr.id == c.kr_id), None)
        title = snapshot.kr.title if snapshot is not None else c.kr_id
        said = [kr_words.value(snapshot.kr, c.value, locale=locale)] if snapshot else []
        if c.confidence is not None:
            said.append(confidence_words.word(c.confidence))
        note = f" — {c.note}" if c.note else ""
        return f"{sender}: check-in of {title}: {', '.join(said)}{note}"
    if update.contribution is not None:
        whose = member_name(update.contribution.member_id)
        return f"{sender}: contribution of {whose} — {update.contribution.text}"
    if update.note is not None:
        return f"{sender}: {update.note.kind} — {update.note.text}"
    assert update.target is not None  # the validator made sure
    owner = member_name(update.target.owner_id)
    return f"{sender}: target of {owner} — {update.target.text}"
