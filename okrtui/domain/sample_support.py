"""The demo's second team (`okrtui demo`): member support, on an agenda of its own.

Where the sales team (`okrtui.domain.sample`) runs the built-in agenda, this team shows
what a team can shape: its weekly agenda has a "Customer story" discussion step and no
mini-training; blockers raised in its meetings stay open issues until solved (one was
solved, two are still open, raised weeks apart); and its first-reply key result was
carried from 2026-Q3, so its trend spans two quarters.

The three 2026-Q3 meetings ran on the built-in agenda, before the team had its own: they
keep that agenda, as every meeting keeps the one it ran with. Fixed ids and dates, so the
demo and the tests agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from okrtui.domain.agenda import default_agenda, meeting_copy, resolved
from okrtui.domain.issues import issue_id, issues_after_meeting, open_at_start
from okrtui.domain.models import (
    Agenda,
    AgendaStep,
    CheckIn,
    Commitment,
    CommitmentReview,
    Confidence,
    Contribution,
    DiscussionNote,
    Issue,
    IssueReview,
    IssueStatus,
    KeyResult,
    KRSnapshot,
    Member,
    Note,
    NoteKind,
    Objective,
    Session,
    Team,
    Training,
)
from okrtui.domain.plan import Plan
from okrtui.domain.quarters import quarter_start

TEAM_ID = "support"
PREVIOUS_QUARTER = "2026-Q3"
QUARTER = "2026-Q4"

MEMBERS = [
    Member(id="farah", name="Farah Malik", role="Support lead"),
    Member(id="gus", name="Gus Lindqvist", role="Support agent"),
    Member(id="hana", name="Hana Sato", role="Support agent"),
    Member(id="ivo", name="Ivo Petrov", role="Help-centre editor"),
]

STORY_KEY = "discussion-customer-story"

WEEKLY_AGENDA = Agenda(
    steps=[
        AgendaStep(key="attendance"),
        AgendaStep(key="commitments_review"),
        AgendaStep(key="checkins", minutes=10),
        AgendaStep(
            key=STORY_KEY,
            discussion=True,
            title="Customer story",
            minutes=10,
            prompt="One member's story from this week: what happened, and what it teaches us.",
        ),
        AgendaStep(key="experiences"),
        AgendaStep(key="open_issues", minutes=10),
        AgendaStep(key="next_week"),
        AgendaStep(key="wrap_up"),
    ]
)

TEAM = Team(
    id=TEAM_ID,
    name="Member Support",
    aligned_objective="Members renew because they are well looked after",
    members=MEMBERS,
    weekly_agenda=WEEKLY_AGENDA,
)

REPLY_Q3 = KeyResult(
    id="kr-reply-time",
    title="Cut the median first reply to 4 hours",
    kind="decrease",
    unit="hours",
    baseline=9,
    target=4,
)
ARTICLES = KeyResult(
    id="kr-articles",
    title="Publish 40 help-centre articles",
    kind="increase",
    unit="articles",
    baseline=0,
    target=40,
)
# Carried into 2026-Q4 with a new id and a harder target: it continues the 2026-Q3 one.
REPLY = KeyResult(
    id="kr-reply-time-2",
    title="Cut the median first reply to 3 hours",
    kind="decrease",
    unit="hours",
    baseline=5,
    target=3,
    continues=REPLY_Q3.id,
)
SATISFACTION = KeyResult(
    id="kr-satisfaction",
    title="Keep member satisfaction at or above 90%",
    kind="maintain_min",
    unit="%",
    target=90,
)

OBJECTIVE_Q3 = Objective(
    id="obj-faster-help",
    team_id=TEAM_ID,
    quarter=PREVIOUS_QUARTER,
    title="Members get an answer the same day",
    aligned_to=TEAM.aligned_objective,
    key_results=[REPLY_Q3, ARTICLES],
)
OBJECTIVE = Objective(
    id="obj-friendly-help",
    team_id=TEAM_ID,
    quarter=QUARTER,
    title="Members get fast, friendly help",
    description="Last quarter's reply time came down but not far enough; "
    "satisfaction must hold while it does.",
    aligned_to=TEAM.aligned_objective,
    key_results=[REPLY, SATISFACTION],
)


@dataclass(frozen=True)
class _Week:
    """One finished meeting of the team, as the sample spells it."""

    quarter: str
    week: int
    facilitator: str
    absent: tuple[str, ...]
    checkins: dict[str, tuple[float, Confidence, str]]
    contributions: list[tuple[str, str | None, str, bool]]
    notes: list[tuple[NoteKind, str, str | None]]
    stories: list[tuple[str, str | None]] = field(default_factory=list)
    decisions: list[tuple[str, IssueStatus, str]] = field(default_factory=list)
    training: tuple[str, str, int, str] | None = None
    commitments: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    summary: str = ""


# Issues by the meeting and blocker that raised them (the week's notes, counted from 1).
LUNCH_QUEUE = issue_id(f"{PREVIOUS_QUARTER}-supp12", "n-w12-2")
REFUNDS = issue_id(f"{QUARTER}-supp04", "n-w4-2")
SEARCH = issue_id(f"{QUARTER}-supp05", "n-w5-2")

_WEEKS = [
    _Week(
        PREVIOUS_QUARTER,
        11,
        "Farah Malik",
        (),
        {
            REPLY_Q3.id: (6.5, "at_risk", "Backlog from the summer holidays."),
            ARTICLES.id: (22, "on_track", ""),
        },
        [("ivo", ARTICLES.id, "Rewrote the ten most-read billing articles", True)],
        [("win", "Summer backlog cleared by Wednesday", None)],
        commitments=[("target", "gus", "Answer every email older than a day", REPLY_Q3.id)],
        summary="Backlog gone; reply time still well above four hours.",
    ),
    _Week(
        PREVIOUS_QUARTER,
        12,
        "Farah Malik",
        ("ivo",),
        {
            REPLY_Q3.id: (5.8, "at_risk", ""),
            ARTICLES.id: (29, "on_track", ""),
        },
        [("hana", REPLY_Q3.id, "Wrote reply templates for the five commonest questions", True)],
        [
            ("lesson", "Templates halve the time of a first reply", "hana"),
            ("blocker", "No one covers the phone queue over lunch", "gus"),
        ],
        training=("Writing a first reply in two minutes", "hana", 10, "Greet, answer, next step."),
        commitments=[("action", "farah", "Ask the phone company about an overflow line", None)],
        summary="Templates help. The lunch gap on the phones is a problem.",
    ),
    _Week(
        PREVIOUS_QUARTER,
        13,
        "Gus Lindqvist",
        (),
        {
            REPLY_Q3.id: (5.0, "off_track", "Four hours is out of reach this quarter."),
            ARTICLES.id: (35, "at_risk", ""),
        },
        [("ivo", ARTICLES.id, "Published the renewals FAQ", False)],
        [("idea", "Carry the reply-time key result into Q4 with a new target", "farah")],
        summary="Reply time down from 9 to 5 hours; carried into Q4.",
    ),
    _Week(
        QUARTER,
        4,
        "Farah Malik",
        (),
        {
            REPLY.id: (4.6, "on_track", ""),
            SATISFACTION.id: (88, "at_risk", "Refund delays are in most low scores."),
        },
        [("gus", REPLY.id, "Took the early shift: first replies before 9:00", False)],
        [
            ("win", "Reply templates now cover billing too", "hana"),
            ("blocker", "Refunds over $50 wait days for finance sign-off", "farah"),
        ],
        stories=[
            (
                "A member waited four days for a $60 refund and cancelled; "
                "she came back when Farah called her.",
                "farah",
            ),
        ],
        decisions=[(LUNCH_QUEUE, "open", "")],
        commitments=[
            ("action", "farah", "Ask finance for a refund limit we can approve alone", None),
            ("target", "hana", "Template replies for the ten refund questions", REPLY.id),
        ],
        summary="Good start on reply time; refunds drag satisfaction down.",
    ),
    _Week(
        QUARTER,
        5,
        "Farah Malik",
        ("gus",),
        {
            REPLY.id: (4.1, "on_track", ""),
            SATISFACTION.id: (91, "on_track", ""),
        },
        [("hana", REPLY.id, "Refund reply templates are live", True)],
        [
            ("lesson", "Members forgive a slow refund they were told about", None),
            ("blocker", "Help-centre search shows retired articles first", "ivo"),
        ],
        stories=[
            (
                "A member found a retired article on the old prices and was charged "
                "the new ones: Ivo fixed the article the same day.",
                "ivo",
            ),
        ],
        decisions=[(LUNCH_QUEUE, "open", ""), (REFUNDS, "open", "")],
        commitments=[("action", "ivo", "Hide retired articles from the search", None)],
        summary="Satisfaction back above 90%. Search needs fixing.",
    ),
    _Week(
        QUARTER,
        6,
        "Hana Sato",
        (),
        {
            REPLY.id: (3.8, "on_track", "Templates and the early shift both help."),
            SATISFACTION.id: (92, "on_track", ""),
        },
        [("farah", SATISFACTION.id, "Agreed the refund limit with finance", True)],
        [("win", "First week with no refund complaint", None)],
        stories=[
            ("A member thanked us for a refund made while she was still on the phone.", "gus"),
        ],
        decisions=[
            (REFUNDS, "solved", "Finance lets the team refund up to $200 without sign-off"),
            (LUNCH_QUEUE, "open", ""),
            (SEARCH, "open", ""),
        ],
        commitments=[("target", "gus", "Draft the lunch rota with the team", None)],
        summary="Refunds solved; reply time close to three hours.",
    ),
]


def sample_plan() -> Plan:
    """The support team with its 2026-Q3 and 2026-Q4 objectives."""
    return Plan(teams=[TEAM], objectives=[OBJECTIVE_Q3, OBJECTIVE])


def _meeting_day(quarter: str, week: int) -> datetime:
    day = quarter_start(quarter) + timedelta(weeks=week - 1, days=1)
    return datetime(day.year, day.month, day.day, 14, 0)


def _session(spec: _Week, issues: list[Issue], due_reviews: list[str]) -> Session:
    started = _meeting_day(spec.quarter, spec.week)
    sid = f"{spec.quarter}-supp{spec.week:02d}"
    objective = OBJECTIVE_Q3 if spec.quarter == PREVIOUS_QUARTER else OBJECTIVE
    # The team had no agenda of its own in 2026-Q3: those meetings ran the built-in one.
    own = WEEKLY_AGENDA if spec.quarter == QUARTER else default_agenda("weekly")
    present = [m.id for m in MEMBERS if m.id not in spec.absent]
    agenda = meeting_copy(own, "weekly")
    step_seconds = {
        step.key: float(resolved(step, "weekly").minutes * 60 + 13 * ((spec.week + i) % 4) - 20)
        for i, step in enumerate(agenda.steps)
    }
    return Session(
        id=sid,
        team_id=TEAM_ID,
        kind="weekly",
        quarter=spec.quarter,
        week=spec.week,
        date=started.date(),
        facilitator=spec.facilitator,
        status="completed",
        started_at=started,
        ended_at=started + timedelta(seconds=sum(step_seconds.values())),
        current_step="wrap_up",
        step_seconds=step_seconds,
        team_name=TEAM.name,
        member_names={m.id: m.name for m in MEMBERS},
        present_ids=present,
        kr_snapshots=[
            KRSnapshot(objective_id=objective.id, objective_title=objective.title, kr=kr)
            for kr in objective.key_results
        ],
        checkins=[
            CheckIn(kr_id=kr_id, value=value, confidence=confidence, note=note)
            for kr_id, (value, confidence, note) in spec.checkins.items()
        ],
        commitment_reviews=[
            CommitmentReview(commitment_id=cid, status="done") for cid in due_reviews
        ],
        contributions=[
            Contribution(id=f"ct-w{spec.week}-{i}", member_id=m, kr_id=kr, text=t, celebrated=c)
            for i, (m, kr, t, c) in enumerate(spec.contributions, 1)
        ],
        notes=[
            Note(id=f"n-w{spec.week}-{i}", kind=kind, text=text, member_id=member)
            for i, (kind, text, member) in enumerate(spec.notes, 1)
        ],
        discussion_notes=[
            DiscussionNote(id=f"dn-w{spec.week}-{i}", step_key=STORY_KEY, text=t, member_id=m)
            for i, (t, m) in enumerate(spec.stories, 1)
        ],
        trainings=[
            Training(
                id=f"t-w{spec.week}",
                topic=topic,
                presenter_id=presenter,
                minutes=minutes,
                attendee_ids=[m for m in present if m != presenter],
                notes=notes,
            )
            for topic, presenter, minutes, notes in ([spec.training] if spec.training else [])
        ],
        commitments=[
            Commitment(
                id=f"c-{sid}-{i}",
                kind="target" if kind == "target" else "action",
                owner_id=owner,
                text=text,
                kr_id=kr,
                due=started.date() + timedelta(weeks=1),
            )
            for i, (kind, owner, text, kr) in enumerate(spec.commitments, 1)
        ],
        open_issues=open_at_start(issues),
        issue_reviews=[
            IssueReview(issue_id=iid, status=status, resolution=resolution)
            for iid, status, resolution in spec.decisions
        ],
        agenda=agenda,
        ratings={m: 7 + (spec.week + i) % 3 for i, m in enumerate(present)},
        summary=spec.summary,
    )


def sample_history() -> tuple[list[Session], list[Issue]]:
    """The team's six finished weekly meetings (three of 2026-Q3, three of 2026-Q4), and
    its issues as those meetings left them, each applied in turn as a meeting applies it."""
    sessions: list[Session] = []
    issues: dict[str, Issue] = {}
    due: list[str] = []
    for spec in _WEEKS:
        session = _session(spec, list(issues.values()), due)
        for changed in issues_after_meeting(session, list(issues.values())):
            issues[changed.id] = changed
        sessions.append(session)
        due = [c.id for c in session.commitments]
    return sessions, list(issues.values())
