"""What the minutes say, computed once; the Markdown, HTML and JSON renderers only format it.

The records it is made of live in `okrtui.minutes.lines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, get_args

from okrtui.domain.agenda import Step, session_steps
from okrtui.domain.commitments import overdue_days
from okrtui.domain.history import kr_path, previous_checkin
from okrtui.domain.issues import IssueAtMeeting, age_in_words, meeting_issues
from okrtui.domain.meeting import Person, all_ratings, person_label
from okrtui.domain.models import Commitment, CommitmentStatus, NoteKind, Score, Session
from okrtui.domain.quarter_rollup import (
    HeldTraining,
    contributions_rollup,
    rollup_sessions,
    training_minutes,
    trainings_held,
)
from okrtui.domain.quarterly import (
    KRQuarterPath,
    objective_results,
    quarter_paths,
    quarter_sessions,
    reviewed_objectives,
)
from okrtui.domain.quarters import next_quarter
from okrtui.domain.scoring import band, progress
from okrtui.minutes.lines import (
    CommitmentLine,
    ContributionGroup,
    ContributionLine,
    DiscussionLine,
    DraftLine,
    DraftObjectiveLine,
    Group,
    IssueLine,
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

SectionName = Literal[
    "key_results",
    "scores",
    "contributions",
    "experiences",
    "issues",
    "trainings",
    "commitments",
    "retrospective",
    "next_quarter",
    "parked",
    "discussion",
]
# The built-in sections in the order the built-in agendas give them (every name but the
# discussion steps').
BUILT_IN_SECTIONS: tuple[SectionName, ...] = get_args(SectionName)[:-1]
# Step key → the section of the minutes that tells what was entered in it. A section comes
# where the last of its steps is on the meeting's agenda; attendance and wrap-up are the
# header and the summary, always there. Topics are parked in any step: their section has no
# step of its own and is placed like one whose steps are not on the agenda.
SECTION_OF_STEP: dict[str, SectionName] = {
    "checkins": "key_results",
    "quarter_numbers": "key_results",
    "scores": "scores",
    "objective_scores": "scores",
    "contributions": "contributions",
    "contributions_rollup": "contributions",
    "experiences": "experiences",
    "open_issues": "issues",
    "training": "trainings",
    "trainings_held": "trainings",
    "commitments_review": "commitments",
    "next_week": "commitments",
    "retrospective": "retrospective",
    "next_quarter": "next_quarter",
}


@dataclass(frozen=True)
class Section:
    """One section of the minutes, in the order of the meeting's own agenda."""

    name: SectionName
    discussion: DiscussionLine | None = None


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
    # The team's open issues: those this meeting solved or dropped, those still open after it.
    issues_closed: tuple[IssueLine, ...] = ()
    issues_open: tuple[IssueLine, ...] = ()
    # Topics parked at this meeting for a later one.
    parked: tuple[str, ...] = ()
    # The agenda the meeting ran with, and the sections between the header and the summary.
    steps: tuple[Step, ...] = ()
    discussions: tuple[DiscussionLine, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def quarterly(self) -> bool:
        """Whether this is a quarterly review."""
        return self.session.kind == "quarterly"

    @property
    def action_items(self) -> bool:
        """Whether the meeting made or reviewed any commitment."""
        return bool(self.reviewed or self.made)

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
    steps = session_steps(session)
    discussions = tuple(_discussion(session, step) for step in steps if step.discussion)
    issues = meeting_issues(session)
    view = MinutesView(
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
        made=tuple(
            _commitment(session, c, c.status, titles, session.date) for c in session.commitments
        ),
        retrospective=_notes(session, RETRO_KINDS),
        next_quarter=_drafts(session),
        issues_closed=tuple(_issue(session, i) for i in issues if not i.still_open),
        issues_open=tuple(_issue(session, i) for i in issues if i.still_open),
        parked=tuple(t.text for t in session.parked),
        steps=steps,
        discussions=discussions,
    )
    return replace(view, sections=_sections(view))


def _issue(session: Session, item: IssueAtMeeting) -> IssueLine:
    issue = item.issue
    return IssueLine(
        text=issue.text,
        owner=issue.owner_name,
        raised_on=issue.raised_on,
        age=age_in_words(issue.raised_on, session.date),
        decision=item.decision,
        resolution=item.resolution,
    )


def _discussion(session: Session, step: Step) -> DiscussionLine:
    notes = []
    for note in session.discussion_notes:
        if note.step_key != step.key:
            continue
        owner = (
            Person(note.member_id)
            if note.member_id is not None
            else (Person(None, note.guest) if note.guest else None)
        )
        notes.append(NoteLine(person_label(session, owner) if owner else "", note.text))
    return DiscussionLine(step.key, step.title, step.prompt, tuple(notes))


def _has_content(view: MinutesView, name: SectionName) -> bool:
    """Whether a section has something to tell though its step was not on the agenda."""
    session = view.session
    content: dict[SectionName, object] = {
        "key_results": session.checkins or session.scores,
        "scores": session.scores,
        "contributions": view.contributions,
        "experiences": view.experiences,
        "issues": view.issues_closed or view.issues_open,
        "trainings": view.trainings,
        "commitments": view.reviewed or view.made,
        "retrospective": view.retrospective,
        "next_quarter": view.next_quarter,
        "parked": view.parked,
    }
    return bool(content.get(name))


def _sections(view: MinutesView) -> tuple[Section, ...]:
    """The sections in the order of the meeting's agenda. A section whose steps were not
    on it still shows what it holds, after the section that comes before it by default."""
    anchors: dict[SectionName, float] = {}
    placed: list[tuple[float, Section]] = []
    discussions = {d.key: d for d in view.discussions}
    for index, step in enumerate(view.steps):
        if step.discussion:
            placed.append((float(index), Section("discussion", discussions[step.key])))
        elif step.key in SECTION_OF_STEP:
            anchors[SECTION_OF_STEP[step.key]] = float(index)
    before = -1.0
    for order, name in enumerate(BUILT_IN_SECTIONS):
        if name in anchors:
            before = anchors[name]
            placed.append((before, Section(name)))
        elif _has_content(view, name):
            placed.append((before + (order + 1) / 100, Section(name)))
    placed.sort(key=lambda pair: pair[0])
    return tuple(section for _, section in placed)


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
    paths = _paths(session, others, weeklies)
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
            path=paths.get(kr.id),
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


def _paths(
    session: Session, others: Sequence[Session], weeklies: Sequence[Session]
) -> dict[str, KRQuarterPath]:
    """Each key result's path: a review's whole quarter, a weekly meeting's quarter so far."""
    if session.kind == "weekly":
        upto = (session.date, session.started_at)
        earlier = quarter_sessions(others, session.team_id, session.quarter)
        weeklies = [*(s for s in earlier if (s.date, s.started_at) < upto), session]
    paths = quarter_paths(session.quarter, reviewed_objectives(session), weeklies)
    return {p.kr.id: p for p in paths}


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
    source: Session,
    c: Commitment,
    status: CommitmentStatus,
    titles: dict[str, str],
    on: date,
) -> CommitmentLine:
    # Overdue as the meeting saw it, on its own date: old minutes stay true.
    return CommitmentLine(
        commitment_id=c.id,
        kind=c.kind,
        owner=source.member_name(c.owner_id),
        text=c.text,
        kr_title=titles.get(c.kr_id, c.kr_id) if c.kr_id else "",
        due=c.due,
        status=status,
        overdue_days=overdue_days(c.due, status, on),
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
            lines.append(_commitment(found[0], found[1], review.status, titles, session.date))
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
