"""A member's own update, built from what they typed (the command line and the app share it).

Everything typed is checked here, in plain words, against the team's plan: the member, the
key result (its number, id or the start of its title), the number in the team's locale. A
problem is a `FieldProblem` (a ValueError) naming the field it is about (`FIELDS`), so the
app shows it at that field and the command line prints it. The entry itself is checked by
its own model, as the meeting would check it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from okrtui.domain.confidence import CONFIDENCES, WORDS
from okrtui.domain.ids import new_id
from okrtui.domain.limits import FieldProblem
from okrtui.domain.meeting import default_due, kr_snapshots, match_kr, match_member
from okrtui.domain.models import (
    CheckIn,
    Commitment,
    Confidence,
    Contribution,
    KRSnapshot,
    Note,
    NoteKind,
    Team,
)
from okrtui.domain.numbers import parse_milestone, parse_number
from okrtui.domain.quarters import quarter_of
from okrtui.domain.updates import EXPERIENCE_KINDS, Update, UpdateKind
from okrtui.store.port import Store

T = TypeVar("T")

# What a member types, by the name `compose_update` takes it under (and a problem names).
FIELDS = ("member", "whose", "kr", "value", "confidence", "experience", "text")


def meeting_quarter(store: Store, team_id: str, today: date) -> str:
    """The quarter of the team's next meeting: the one in progress, else today's when the
    team has objectives for it, else the newest quarter it has objectives for."""
    pending = store.in_progress(team_id, "weekly")
    if pending is not None:
        return pending.quarter
    planned = store.objective_quarters(team_id)
    today_quarter = quarter_of(today)
    return today_quarter if today_quarter in planned or not planned else planned[0]


def key_results(store: Store, team_id: str, today: date) -> list[KRSnapshot]:
    """The key results an update may name, numbered as the meeting numbers them."""
    quarter = meeting_quarter(store, team_id, today)
    return kr_snapshots(store.objectives(team_id, quarter))


def member_id(team: Team, typed: str) -> str:
    """The member a typed name or id means, among the team's active members."""
    names = {m.id: m.name for m in team.active_members}
    try:
        return match_member(typed, names)
    except ValueError as exc:
        known = ", ".join(names.values()) or "none yet"
        raise ValueError(f"{exc} in team {team.name} (members: {known})") from None


def parse_confidence(typed: str) -> Confidence | None:
    """`on_track`, `on track`, `at-risk`…; blank for none."""
    words = " ".join(typed.replace("_", " ").replace("-", " ").split()).casefold()
    if not words:
        return None
    for confidence in CONFIDENCES:
        if words == WORDS[confidence]:
            return confidence
    choices = ", ".join(WORDS[c] for c in CONFIDENCES)
    raise ValueError(f"'{typed.strip()}' is not a confidence; say {choices}")


def parse_experience(typed: str) -> NoteKind:
    """win, lesson, blocker or idea."""
    words = typed.strip().casefold()
    for kind in EXPERIENCE_KINDS:
        if words == kind:
            return kind
    raise ValueError(f"'{typed.strip()}' is not an experience; say {', '.join(EXPERIENCE_KINDS)}")


def _kr(typed: str, snapshots: list[KRSnapshot], required: bool) -> str | None:
    if required and not typed.strip():
        raise FieldProblem("kr", "name the key result (its number, id or the start of its title)")
    try:
        return match_kr(typed, snapshots)
    except ValueError as exc:
        raise FieldProblem("kr", str(exc)) from None


def _at(field: str, parse: Callable[[], T]) -> T:
    """What `parse` returns; its ValueError as a problem of `field`."""
    try:
        return parse()
    except FieldProblem:
        raise
    except ValueError as exc:
        raise FieldProblem(field, str(exc)) from None


def compose_update(
    store: Store,
    team_id: str,
    member: str,
    kind: UpdateKind,
    *,
    now: datetime,
    text: str = "",
    kr: str = "",
    value: str = "",
    confidence: str = "",
    experience: str = "",
    whose: str = "",
) -> Update:
    """The update a member typed; a `FieldProblem` in plain words when something does not fit.

    `member` sent it; `whose` (a contribution's or a target's person) defaults to them.
    Raises pydantic's ValidationError when the entry's own model refuses the text (its
    field is `text` then).
    """
    team = store.team(team_id)
    sender = _at("member", lambda: member_id(team, member))
    person = _at("whose", lambda: member_id(team, whose)) if whose.strip() else sender
    snapshots = key_results(store, team.id, now.date())
    base = {
        "id": new_id("up"),
        "team_id": team.id,
        "kind": kind,
        "from_member": sender,
        "from_name": next((m.name for m in team.members if m.id == sender), ""),
        "submitted_at": now,
    }
    if kind == "checkin":
        kr_id = _kr(kr, snapshots, required=True)
        snapshot = next(s for s in snapshots if s.kr.id == kr_id)
        number = None
        if value.strip():
            number = _at(
                "value",
                lambda: (
                    parse_number(value, locale=team.locale, unit=snapshot.kr.unit)
                    if snapshot.kr.is_numeric
                    else parse_milestone(value, locale=team.locale)
                ),
            )
        chosen = _at("confidence", lambda: parse_confidence(confidence))
        if number is None and chosen is None:
            raise FieldProblem("value", "a check-in needs a value or a confidence (or both)")
        checkin = CheckIn(kr_id=str(kr_id), value=number, confidence=chosen, note=text)
        return Update.model_validate({**base, "checkin": checkin})
    if kind == "contribution":
        entry = Contribution(
            id=new_id("ct"), member_id=person, kr_id=_kr(kr, snapshots, False), text=text
        )
        return Update.model_validate({**base, "contribution": entry})
    if kind == "experience":
        said = _at("experience", lambda: parse_experience(experience))
        note = Note(id=new_id("n"), kind=said, text=text, member_id=sender)
        return Update.model_validate({**base, "note": note})
    target = Commitment(
        id=new_id("c"),
        kind="target",
        owner_id=person,
        text=text,
        kr_id=_kr(kr, snapshots, False),
        due=default_due(now.date()),  # set again from the meeting's day when accepted
    )
    return Update.model_validate({**base, "target": target})
