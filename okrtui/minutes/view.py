"""What the minutes say, computed once; the Markdown, HTML and JSON renderers only format it.

The records it is made of live in `okrtui.minutes.lines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from okrtui.domain.history import kr_path, previous_checkin
from okrtui.domain.meeting import all_ratings
from okrtui.domain.models import Commitment, CommitmentStatus, NoteKind, Score, Session
from okrtui.domain.quarter_rollup import (
    HeldTraining,
    contributions_rollup,
    rollup_sessions,
    training_minutes,
    trainings_held,
)
from okrtui.domain.quarterly import objective_results, quarter_sessions, reviewed_objectives
from okrtui.domain.quarters import next_quarter
from okrtui.domain.scoring import band, progress
from okrtui.minutes.lines import (
    CommitmentLine,
    ContributionGroup,
    ContributionLine,
    DraftLine,
    DraftObjectiveLine,
    Group,
    KRLine,
    NoteLine,
    ObjectiveLine,
    ScoreLine,
)

EXPERIENCE_KINDS: tuple[tuple[NoteKind, str], ...] = (
    ("win", "Wins"),
    ("lesson", "Lessons"),
    ("blocker", "Blockers"),
    ("idea", "Ideas"),
)
RETRO_KINDS: tuple[tuple[NoteKind, str], ...] = (
    ("went_well", "Went well"),
    ("to_change", "To change"),
)


@dataclass(frozen=True)
class MinutesView:
    """Everything the minutes of one session show, in meeting order."""

    session: Session
    team: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    average_rating: float | None
    objectives: tuple[ObjectiveLine, ...]
    confidence_weeks: tuple[int | None, ...]
    contributions: tuple[ContributionGroup, ...]
    experiences: tuple[Group[NoteLine], ...]
    # The review's own records, so a guest trainer is named as the review screen names them.
    trainings: tuple[HeldTraining, ...]
    reviewed: tuple[CommitmentLine, ...]
    made: tuple[CommitmentLine, ...]
    retrospective: tuple[Group[NoteLine], ...]
    next_quarter: tuple[DraftObjectiveLine, ...]

    @property
    def quarterly(self) -> bool:
        """Whether this is a quarterly review."""
        return self.session.kind == "quarterly"

    @property
    def key_results(self) -> tuple[KRLine, ...]:
        """Every key result line, objective by objective."""
        return tuple(line for o in self.objectives for line in o.key_results)

    @property
    def training_minutes(self) -> int:
        """Minutes of training given, all trainings listed together."""
        return training_minutes(self.trainings)

    @property
    def next_quarter_id(self) -> str:
        """The quarter a review drafts the plan for."""
        return next_quarter(self.session.quarter)

    @property
    def next_quarter_saved(self) -> bool:
        """Whether the review's draft was saved into next quarter's plan."""
        return self.session.next_quarter_saved


def build_view(session: Session, earlier: Sequence[Session] = ()) -> MinutesView:
    """Compute what the minutes of `session` show; `earlier` are the team's other sessions."""
    others = [s for s in earlier if s.team_id == session.team_id and s.id != session.id]
    quarterly = session.kind == "quarterly"
    # The review screen's sessions: the quarter's weekly meetings, then the review itself.
    weeklies = quarter_sessions(others, session.team_id, session.quarter) if quarterly else []
    sources = rollup_sessions(session, others) if quarterly else [session]
    titles = _kr_titles([session, *others])
    ratings = all_ratings(session)
    return MinutesView(
        session=session,
        team=session.team_name or session.team_id,
        present=tuple(session.member_name(m) for m in session.present_ids),
        absent=tuple(session.member_name(m) for m in session.absent_ids),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        objectives=_objectives(session, others, weeklies),
        confidence_weeks=tuple(s.week for s in weeklies),
        contributions=_contributions(session, sources),
        experiences=_notes(session, EXPERIENCE_KINDS),
        trainings=tuple(trainings_held(sources)),
        reviewed=_reviewed(session, others, titles),
        made=tuple(_commitment(session, c, c.status, titles) for c in session.commitments),
        retrospective=_notes(session, RETRO_KINDS),
        next_quarter=_drafts(session),
    )


def _kr_titles(sessions: Sequence[Session]) -> dict[str, str]:
    titles: dict[str, str] = {}
    for s in sessions:
        for snapshot in s.kr_snapshots:
            titles.setdefault(snapshot.kr.id, snapshot.kr.title)
    return titles


def _objectives(
    session: Session, others: Sequence[Session], weeklies: Sequence[Session]
) -> tuple[ObjectiveLine, ...]:
    scores = {s.kr_id: s for s in session.scores}
    objective_scores = {o.objective_id: o.score for o in session.objective_scores}
    # The quarterly domain decides what is called out, so the review and its minutes agree.
    callouts = {
        r.objective.id: r.callout
        for r in objective_results(reviewed_objectives(session), session.scores)
    }
    quarterly = session.kind == "quarterly"
    grouped: dict[str, tuple[str, list[KRLine]]] = {}
    for snapshot in session.kr_snapshots:
        kr = snapshot.kr
        checkin = session.checkin(kr.id)
        score = scores.get(kr.id)
        value = checkin.value if checkin is not None else None
        if value is None and score is not None:
            value = score.final_value
        first, final = _quarter_ends(kr.id, weeklies, score) if quarterly else (None, None)
        before = previous_checkin(others, kr.id, session)
        previous = before.checkin.value if before is not None else None
        line = KRLine(
            kr=kr,
            previous=previous,
            value=value,
            delta=value - previous if value is not None and previous is not None else None,
            progress=progress(kr, value) if value is not None else None,
            confidence=checkin.confidence if checkin is not None else None,
            note=checkin.note if checkin is not None else "",
            score=None
            if score is None
            else ScoreLine(
                score.final_value, score.computed, score.used, band(score.used), score.rationale
            ),
            confidences=tuple(
                (w.week, c.confidence if (c := w.checkin(kr.id)) is not None else None)
                for w in weeklies
            ),
            first=first,
            final=final,
            sent_by=_sender(session, checkin.from_member if checkin is not None else None),
        )
        title_lines = grouped.setdefault(snapshot.objective_id, (snapshot.objective_title, []))
        title_lines[1].append(line)
    return tuple(
        ObjectiveLine(
            objective_id=oid,
            title=title,
            key_results=tuple(lines),
            score=objective_scores.get(oid),
            band=band(objective_scores[oid]) if oid in objective_scores else None,
            callout=callouts.get(oid) if oid in objective_scores else None,
        )
        for oid, (title, lines) in grouped.items()
    )


def _quarter_ends(
    kr_id: str, weeklies: Sequence[Session], score: Score | None
) -> tuple[float | None, float | None]:
    # The final value is the one the review scored (kept with it, so deleting a weekly
    # meeting later cannot change an old review); unscored, it is the last check-in.
    values = [p.checkin.value for p in kr_path(weeklies, kr_id) if p.checkin.value is not None]
    final = score.final_value if score is not None else None
    if final is None and values:
        final = values[-1]
    return (values[0] if values else None), final


def _contributions(session: Session, sources: Sequence[Session]) -> tuple[ContributionGroup, ...]:
    # The review's roll-up, so the minutes and the screen group and title alike; a weekly
    # meeting's minutes roll up that meeting alone and need no week beside each line.
    weeks = session.kind == "quarterly"
    return tuple(
        ContributionGroup(
            group.kr_id or "general",
            group.title,
            tuple(
                ContributionLine(
                    c.member_name, c.text, c.celebrated, c.week if weeks else None, c.sent_by
                )
                for c in group.contributions
            ),
            members=group.members,
        )
        for group in contributions_rollup(reviewed_objectives(session), sources)
    )


def _notes(
    session: Session, kinds: tuple[tuple[NoteKind, str], ...]
) -> tuple[Group[NoteLine], ...]:
    groups = []
    for kind, title in kinds:
        items = tuple(
            NoteLine(
                session.member_name(n.member_id) if n.member_id else "",
                n.text,
                _sender(session, n.from_member),
            )
            for n in session.notes
            if n.kind == kind
        )
        if items:
            groups.append(Group(kind, title, items))
    return tuple(groups)


def _commitment(
    source: Session, c: Commitment, status: CommitmentStatus, titles: dict[str, str]
) -> CommitmentLine:
    return CommitmentLine(
        commitment_id=c.id,
        kind=c.kind,
        owner=source.member_name(c.owner_id),
        text=c.text,
        kr_title=titles.get(c.kr_id, c.kr_id) if c.kr_id else "",
        due=c.due,
        status=status,
        sent_by=_sender(source, c.from_member),
    )


def _reviewed(
    session: Session, others: Sequence[Session], titles: dict[str, str]
) -> tuple[CommitmentLine, ...]:
    made: dict[str, tuple[Session, Commitment]] = {
        c.id: (s, c) for s in others for c in s.commitments
    }
    # A review names only the commitment; a missing one (its meeting deleted) still shows.
    lines = []
    for review in session.commitment_reviews:
        found = made.get(review.commitment_id)
        if found is None:
            lines.append(CommitmentLine(review.commitment_id, "", "", "", "", None, review.status))
        else:
            lines.append(_commitment(found[0], found[1], review.status, titles))
    return tuple(lines)


def _drafts(session: Session) -> tuple[DraftObjectiveLine, ...]:
    return tuple(
        DraftObjectiveLine(
            title=o.title,
            description=o.description,
            key_results=tuple(
                DraftLine(kr.title, kr.kind, kr.unit, kr.baseline, kr.target)
                for kr in o.key_results
                if not kr.dropped
            ),
        )
        for o in session.next_quarter_plan
        if not o.dropped
    )


def _sender(session: Session, member_id: str | None) -> str:
    """Who sent an entry as their own update, by name; "" when it was typed in the meeting."""
    return session.member_name(member_id) if member_id else ""
