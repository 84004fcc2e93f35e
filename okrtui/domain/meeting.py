"""A meeting's record as it is being held: starting a session and pure edits to it.

Every edit returns a new Session and leaves the old one untouched, so a screen can keep
the previous version for undo and save the new one as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal, NamedTuple, TypeVar

from pydantic import BaseModel

from okrtui.domain.agenda import Step, meeting_copy, team_agenda
from okrtui.domain.history import commitments_to_review
from okrtui.domain.models import (
    Amendment,
    CheckIn,
    CommitmentReview,
    CommitmentStatus,
    Confidence,
    Issue,
    KRSnapshot,
    Objective,
    ParkedTopic,
    Session,
    SessionKind,
    Team,
    Training,
)
from okrtui.domain.quarters import quarter_of, week_of_quarter
from okrtui.domain.text import STORED

ListField = Literal["contributions", "notes", "trainings", "commitments", "discussion_notes"]
Item = TypeVar("Item", bound=BaseModel)
DEFAULT_DUE_DAYS = 7


def kr_snapshots(objectives: Iterable[Objective]) -> list[KRSnapshot]:
    """The active key results of these objectives, as a session keeps them."""
    # Built from stored records: their text is kept as it was stored.
    return [
        KRSnapshot.model_validate(
            {"objective_id": o.id, "objective_title": o.title, "kr": kr}, context=STORED
        )
        for o in objectives
        if not o.archived
        for kr in o.active_key_results
    ]


def new_session(
    session_id: str,
    team: Team,
    objectives: Iterable[Objective],
    kind: SessionKind,
    day: date,
    now: datetime,
    facilitator: str = "",
    quarter: str | None = None,
    issues: Iterable[Issue] = (),
    topics: Iterable[ParkedTopic] = (),
) -> Session:
    """A new meeting of `team`, in progress, with its members and key results as they are now,
    the team's open `issues` and the `topics` parked at earlier meetings."""
    quarter = quarter or quarter_of(day)
    # Built from stored records (the team, its plan, the remembered facilitator): a name a
    # data file still holds with a control character starts the meeting, shown escaped.
    return Session.model_validate(
        {
            "id": session_id,
            "team_id": team.id,
            "kind": kind,
            "quarter": quarter,
            "week": max(1, min(14, week_of_quarter(day))) if kind == "weekly" else None,
            "date": day,
            "facilitator": facilitator.strip(),
            "started_at": now,
            "team_name": team.name,
            "member_names": {m.id: m.name for m in team.active_members},
            # Most of the team is usually there: the facilitator toggles the absent ones.
            "present_ids": [m.id for m in team.active_members],
            "kr_snapshots": kr_snapshots(o for o in objectives if o.quarter == quarter),
            # The meeting keeps its own copy: editing the team's agenda later changes nothing.
            "agenda": meeting_copy(team_agenda(team, kind), kind).model_dump(),
            "open_issues": [i for i in issues if i.status == "open"],
            "offered_topics": [t for t in topics if t.status == "parked"],
        },
        context=STORED,
    )


def _with(session: Session, **changes: Any) -> Session:
    return session.model_copy(update=changes)


def set_facilitator(session: Session, name: str) -> Session:
    """The facilitator's name, trimmed."""
    return _with(session, facilitator=name.strip())


def toggle_present(session: Session, member_id: str) -> Session:
    """Mark a member present if absent, absent if present."""
    present = list(session.present_ids)
    if member_id in present:
        present.remove(member_id)
    else:
        present.append(member_id)
    order = list(session.member_names)
    present.sort(key=lambda m: order.index(m) if m in order else len(order))
    return _with(session, present_ids=present)


def add_guest(session: Session, name: str) -> Session:
    """Add a guest by name; ValueError when the name is empty or already there."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("type the guest's name, then press Enter")
    if name.casefold() in (g.casefold() for g in session.guests):
        raise ValueError(f"{name} is already listed as a guest")
    return _with(session, guests=[*session.guests, name])


def remove_guest(session: Session, name: str) -> Session:
    """Remove a guest, with their rating and their place at trainings (not a talk they gave)."""
    trainings = [
        t.model_copy(update={"attendee_guests": [g for g in t.attendee_guests if g != name]})
        for t in session.trainings
    ]
    ratings = {g: r for g, r in session.guest_ratings.items() if g != name}
    guests = [g for g in session.guests if g != name]
    return _with(session, guests=guests, guest_ratings=ratings, trainings=trainings)


def put_back_guest(session: Session, before: Session, name: str) -> Session:
    """Undo `remove_guest`: the guest as `before` had them, in the same place, rating and
    trainings attended included; the rest of `session` is kept."""
    if name in session.guests or name not in before.guests:
        return session
    index = before.guests.index(name)
    guests = [*session.guests[:index], name, *session.guests[index:]]
    attended = {t.id: t.attendee_guests for t in before.trainings if name in t.attendee_guests}
    trainings = []
    for t in session.trainings:
        order = attended.get(t.id)
        if order is not None and name not in t.attendee_guests:
            kept = [g for g in order if g == name or g in t.attendee_guests]
            later = [g for g in t.attendee_guests if g not in order]
            t = t.model_copy(update={"attendee_guests": [*kept, *later]})
        trainings.append(t)
    ratings = dict(session.guest_ratings)
    if name in before.guest_ratings:
        ratings[name] = before.guest_ratings[name]
    return _with(session, guests=guests, guest_ratings=ratings, trainings=trainings)


def review_commitment(session: Session, commitment_id: str, status: CommitmentStatus) -> Session:
    """Record the status an earlier commitment was given in this meeting."""
    reviews = [r for r in session.commitment_reviews if r.commitment_id != commitment_id]
    reviews.append(CommitmentReview(commitment_id=commitment_id, status=status))
    return _with(session, commitment_reviews=reviews)


_UNSET: Any = object()


def set_checkin(
    session: Session,
    kr_id: str,
    *,
    value: float | None = _UNSET,
    confidence: Confidence | None = _UNSET,
    note: str = _UNSET,
) -> Session:
    """Change some fields of a key result's check-in, creating it when needed."""
    current = session.checkin(kr_id) or CheckIn(kr_id=kr_id)
    updated = CheckIn(
        kr_id=kr_id,
        value=current.value if value is _UNSET else value,
        confidence=current.confidence if confidence is _UNSET else confidence,
        note=current.note if note is _UNSET else note.strip(),
        from_member=current.from_member,  # a member's accepted update stays theirs
    )
    order = [s.kr.id for s in session.kr_snapshots]
    checkins = [c for c in session.checkins if c.kr_id != kr_id] + [updated]
    checkins.sort(key=lambda c: order.index(c.kr_id) if c.kr_id in order else len(order))
    return _with(session, checkins=checkins)


def upsert_item(session: Session, field: ListField, item: Item) -> Session:
    """Add an entry (contribution, note, training, commitment) or replace the one with its id."""
    items: list[Any] = list(getattr(session, field))
    ids = [getattr(existing, "id", None) for existing in items]
    item_id = getattr(item, "id", None)
    if item_id in ids:
        items[ids.index(item_id)] = item
    else:
        items.append(item)
    return _with(session, **{field: items})


def remove_item(session: Session, field: ListField, item_id: str) -> Session:
    """Remove the entry with this id."""
    items = [i for i in getattr(session, field) if getattr(i, "id", None) != item_id]
    return _with(session, **{field: items})


def set_rating(session: Session, member_id: str, rating: int) -> Session:
    """An attendee's rating of the meeting, 1 to 10."""
    if not 1 <= rating <= 10:
        raise ValueError("a rating is a whole number from 1 to 10")
    return _with(session, ratings={**session.ratings, member_id: rating})


def set_summary(session: Session, text: str) -> Session:
    """The meeting's one-paragraph summary."""
    return _with(session, summary=text.strip())


def add_time(session: Session, step_key: str, seconds: float) -> Session:
    """Add time spent in a step."""
    if seconds <= 0:
        return session
    spent = dict(session.step_seconds)
    spent[step_key] = round(spent.get(step_key, 0.0) + seconds, 3)
    return _with(session, step_seconds=spent)


def set_current_step(session: Session, step_key: str) -> Session:
    """Remember the step the meeting is on, for resuming."""
    return _with(session, current_step=step_key)


def set_guest_rating(session: Session, guest: str, rating: int) -> Session:
    """A guest's rating of the meeting, 1 to 10; the guest must be listed at the meeting."""
    if guest not in session.guests:
        raise ValueError(f"{guest} is not a guest of this meeting")
    if not 1 <= rating <= 10:
        raise ValueError("a rating is a whole number from 1 to 10")
    return _with(session, guest_ratings={**session.guest_ratings, guest: rating})


def all_ratings(session: Session) -> list[int]:
    """Every rating given: the members' and the guests'."""
    return [*session.ratings.values(), *session.guest_ratings.values()]


def finish(session: Session, now: datetime) -> Session:
    """Mark the meeting completed at `now`."""
    return _with(session, status="completed", ended_at=now)


def amend(session: Session, at: datetime, by: str) -> Session:
    """Record that a finished meeting was corrected at `at` by `by`; it stays completed."""
    if session.status != "completed":
        raise ValueError("only a finished meeting is amended; this one is still in progress")
    return _with(session, amended=[*session.amended, Amendment(at=at, by=by.strip())])


# -- what was left empty --------------------------------------------------------------------


def _no_checkins(session: Session, earlier: Sequence[Session]) -> bool:
    entered = [c for c in session.checkins if c.value is not None or c.confidence is not None]
    return bool(session.kr_snapshots) and not entered


def _no_reviews(session: Session, earlier: Sequence[Session]) -> bool:
    # Nothing to review is not nothing entered.
    to_review = commitments_to_review([*earlier, session], session)
    return bool(to_review) and not session.commitment_reviews


# The quarterly retrospective's note kinds; every other kind is a weekly experience.
_RETROSPECTIVE = frozenset({"went_well", "to_change"})


def _no_notes(retrospective: bool) -> Callable[[Session, Sequence[Session]], bool]:
    return lambda s, e: not any((n.kind in _RETROSPECTIVE) == retrospective for n in s.notes)


def _shown_only(session: Session, earlier: Sequence[Session]) -> bool:
    return False  # a step that shows what other steps and meetings recorded: nothing to enter


# Step key (okrtui.domain.agenda) → whether nothing was entered in that step of a session,
# given the team's earlier sessions. Every agenda step has one.
NOTHING_ENTERED: dict[str, Callable[[Session, Sequence[Session]], bool]] = {
    "attendance": lambda s, e: not s.present_ids and not s.guests,
    "commitments_review": _no_reviews,
    "checkins": _no_checkins,
    "contributions": lambda s, e: not s.contributions,
    "experiences": _no_notes(retrospective=False),
    # Issues carried from earlier meetings and none of them looked at.
    "open_issues": lambda s, e: bool(s.open_issues) and not s.issue_reviews,
    "training": lambda s, e: not s.trainings,
    "next_week": lambda s, e: not s.commitments,
    "wrap_up": lambda s, e: not s.summary and not all_ratings(s),
    "quarter_numbers": _shown_only,
    "scores": lambda s, e: bool(s.kr_snapshots) and not s.scores,
    "objective_scores": _shown_only,
    "contributions_rollup": _shown_only,
    "trainings_held": _shown_only,
    "retrospective": _no_notes(retrospective=True),
    "next_quarter": lambda s, e: not s.next_quarter_plan,
}


def steps_left_empty(
    session: Session, steps: Sequence[Step], earlier: Sequence[Session] = ()
) -> list[Step]:
    """The steps of the agenda in which nothing was entered, in agenda order."""
    return [step for step in steps if _left_empty(step, session, earlier)]


def _left_empty(step: Step, session: Session, earlier: Sequence[Session]) -> bool:
    if step.discussion:  # the team's own step: empty until a note is kept there
        return not any(n.step_key == step.key for n in session.discussion_notes)
    check = NOTHING_ENTERED.get(step.key)
    return check is not None and check(session, earlier)


def finish_question(empty: Sequence[Step]) -> str:
    """What to ask before finishing a meeting with steps left empty."""
    titles = ", ".join(step.title for step in empty)
    return f"Nothing was entered in: {titles}. Finish anyway?"


# -- reading what people type ----------------------------------------------------------------


def match_member(text: str, names: dict[str, str], prefer: Sequence[str] = ()) -> str:
    """The member id a typed name means: exact name, id, or a unique start of a name or word.

    Members in `prefer` (those present) win a tie. ValueError in plain words otherwise.
    """
    typed = " ".join(text.split()).casefold()
    if not typed:
        raise ValueError("type a member's name")
    for member_id, name in names.items():
        if typed in (name.casefold(), member_id.casefold()):
            return member_id
    found = [
        member_id
        for member_id, name in names.items()
        if name.casefold().startswith(typed)
        or any(word.startswith(typed) for word in name.casefold().split())
    ]
    preferred = [m for m in found if m in prefer]
    if len(preferred) == 1 or (len(found) != 1 and len(preferred) == 1):
        return preferred[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"no member called '{text.strip()}'")
    who = ", ".join(names[m] for m in found)
    raise ValueError(f"'{text.strip()}' could be {who}; type more of the name")


GUEST_MARK = "(guest)"


class NotAtMeeting(ValueError):
    """A typed name that is no member of the team and no guest of the meeting."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no member or guest called '{name}'")
        self.name = name


class Person(NamedTuple):
    """Someone at a meeting: a member by id, or a guest by name (`member_id` None)."""

    member_id: str | None
    guest: str = ""


def guest_label(name: str) -> str:
    """A guest's name as lists show it, so a guest and a member of one name stay apart."""
    return f"{name} {GUEST_MARK}"


def person_label(session: Session, person: Person) -> str:
    """A member's name, or a guest's name marked as a guest."""
    if person.member_id is not None:
        return session.member_name(person.member_id)
    return guest_label(person.guest)


def _starts(name: str, typed: str) -> bool:
    folded = name.casefold()
    return folded.startswith(typed) or any(word.startswith(typed) for word in folded.split())


def _match_guest(typed: str, guests: Sequence[str], shown: str) -> str:
    exact = [g for g in guests if g.casefold() == typed]
    found = exact or [g for g in guests if _starts(g, typed)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"no guest called '{shown}'")
    raise ValueError(f"'{shown}' could be {', '.join(found)}; type more of the name")


def match_person(text: str, session: Session) -> Person:
    """The member or guest of this meeting a typed name means.

    `Name (guest)` always means a guest. Otherwise an exact name (or member id) wins over
    the start of one; a name that is both a member's and a guest's must say which.
    ValueError in plain words otherwise.
    """
    typed = " ".join(text.split())
    folded = typed.casefold()
    if not folded:
        raise ValueError("type a member's or a guest's name")
    names, guests = session.member_names, session.guests
    if folded.endswith(GUEST_MARK):
        bare = typed[: -len(GUEST_MARK)].strip()
        return Person(None, _match_guest(bare.casefold(), guests, bare))
    member = next((m for m, n in names.items() if folded in (n.casefold(), m.casefold())), None)
    guest = next((g for g in guests if g.casefold() == folded), None)
    if member is not None and guest is not None:
        raise ValueError(
            f"'{typed}' is a member and a guest: type '{guest_label(guest)}' for the guest"
            f" or '{member}' for the member"
        )
    if member is not None:
        return Person(member)
    if guest is not None:
        return Person(None, guest)
    members = [m for m, n in names.items() if _starts(n, folded)]
    found_guests = [g for g in guests if _starts(g, folded)]
    if members and found_guests:
        who = ", ".join([*(names[m] for m in members), *map(guest_label, found_guests)])
        raise ValueError(f"'{typed}' could be {who}; type more of the name")
    if found_guests:
        return Person(None, _match_guest(folded, guests, typed))
    if members:
        return Person(match_member(typed, names, session.present_ids))
    raise NotAtMeeting(typed)


def match_presenter(text: str, session: Session) -> Person:
    """A training's presenter: a member or guest of the meeting, or a name marked `(guest)`.

    Any other name raises NotAtMeeting, so the facilitator is asked before a typo becomes a
    guest.
    """
    name = required(text, "The presenter")
    marked = name.casefold().endswith(GUEST_MARK)
    bare = name[: -len(GUEST_MARK)].strip() if marked else name
    try:
        return match_person(name, session)
    except ValueError:
        if not marked or any(_starts(g, bare.casefold()) for g in session.guests):
            raise  # a stranger (asked about), or a guest here not named clearly enough
    return Person(None, bare or name)


def parse_attendees(text: str, session: Session) -> tuple[list[str], list[str]]:
    """(member ids, guest names) from names typed with commas; blank means everyone present,
    guests included."""
    if not text.strip():
        return list(session.present_ids), list(session.guests)
    members: list[str] = []
    guests: list[str] = []
    for part in text.split(","):
        if not part.strip():
            continue
        person = match_person(part, session)
        if person.member_id is not None and person.member_id not in members:
            members.append(person.member_id)
        elif person.member_id is None and person.guest not in guests:
            guests.append(person.guest)
    return members, guests


def rate(session: Session, person: Person, rating: int) -> Session:
    """A member's or a guest's rating of the meeting, 1 to 10."""
    if person.member_id is not None:
        return set_rating(session, person.member_id, rating)
    return set_guest_rating(session, person.guest, rating)


def rating_of(session: Session, person: Person) -> int | None:
    """The rating a member or a guest gave, if any."""
    if person.member_id is not None:
        return session.ratings.get(person.member_id)
    return session.guest_ratings.get(person.guest)


def people_present(session: Session) -> list[Person]:
    """Who is at the meeting: present members in team order, then the guests."""
    return [*(Person(m) for m in session.present_ids), *(Person(None, g) for g in session.guests)]


def presenter_of(session: Session, training: Training) -> str:
    """Who gave a training, as the meeting names them (a guest marked as one)."""
    if training.presenter_id is not None:
        return session.member_name(training.presenter_id)
    return guest_label(training.presenter_name)


def attendees_of(session: Session, training: Training) -> tuple[str, ...]:
    """Who attended a training: members' names, then guests marked as guests."""
    return (
        *(session.member_name(m) for m in training.attendee_ids),
        *map(guest_label, training.attendee_guests),
    )


def match_kr(text: str, snapshots: Sequence[KRSnapshot]) -> str | None:
    """The key result a typed answer means: its number in the list, its id or the start of
    its title; blank or 'general' means none."""
    typed = text.strip().casefold()
    if typed in ("", "-", "general", "g", "none"):
        return None
    if typed.isdigit():
        index = int(typed)
        if 1 <= index <= len(snapshots):
            return snapshots[index - 1].kr.id
        raise ValueError(f"there is no key result {index}; pick 1 to {len(snapshots)}")
    for snapshot in snapshots:
        if typed == snapshot.kr.id.casefold():
            return snapshot.kr.id
    found = [s.kr.id for s in snapshots if s.kr.title.casefold().startswith(typed)]
    if len(found) == 1:
        return found[0]
    raise ValueError(f"'{text.strip()}' is not a key result; type its number, or leave it blank")


def default_due(meeting_day: date) -> date:
    """Commitments are due a week after the meeting unless told otherwise."""
    return meeting_day + timedelta(days=DEFAULT_DUE_DAYS)


def parse_due(text: str, meeting_day: date) -> date:
    """A due date typed as 2026-11-19, +7 (days) or blank (a week on); not before the meeting."""
    typed = text.strip()
    if not typed:
        return default_due(meeting_day)
    if typed.startswith("+") and typed[1:].isdigit():
        due = meeting_day + timedelta(days=int(typed[1:]))
    else:
        try:
            due = date.fromisoformat(typed)
        except ValueError:
            raise ValueError(
                f"'{typed}' is not a date; write it like {default_due(meeting_day).isoformat()}"
                " or +7 for a week on"
            ) from None
    if due < meeting_day:
        raise ValueError(f"the due date cannot be before the meeting ({meeting_day.isoformat()})")
    return due


def parse_minutes(text: str) -> int:
    """A training's length in whole minutes, 0 to 600."""
    typed = text.strip().lower().removesuffix("min").removesuffix("m").strip()
    if not typed.isdigit():
        raise ValueError("the length is a whole number of minutes, like 10")
    minutes = int(typed)
    if minutes > 600:
        raise ValueError("a mini-training lasts at most 600 minutes")
    return minutes


def required(text: str, what: str) -> str:
    """The trimmed text, or ValueError naming the empty field."""
    value = " ".join(text.split())
    if not value:
        raise ValueError(f"{what} cannot be empty")
    return value
