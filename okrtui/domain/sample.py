"""The demo's sample team (`okrtui demo`): a sales team six weeks into 2026-Q4.

Fixed ids and dates, so the demo, the tests and the README pictures agree.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from okrtui.domain.agenda import WEEKLY_AGENDA
from okrtui.domain.models import (
    CheckIn,
    Commitment,
    CommitmentReview,
    Confidence,
    Contribution,
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

QUARTER = "2026-Q4"
FIRST_MEETING = date(2026, 10, 1)

MEMBERS = [
    Member(id="ana", name="Ana Costa", role="Team lead"),
    Member(id="ben", name="Ben Okafor", role="Account manager"),
    Member(id="chen", name="Chen Wei", role="Account manager"),
    Member(id="dana", name="Dana Novak", role="Sales analyst"),
    Member(id="eli", name="Eli Haddad", role="Account manager"),
]

TEAM = Team(
    id="sales",
    name="Sales",
    aligned_objective="Increase overall revenue",
    members=MEMBERS,
)

KEY_RESULTS = [
    KeyResult(
        id="kr-tier1",
        title="Upgrade 500 existing members from Tier 2 to Tier 1",
        kind="increase",
        unit="members",
        baseline=0,
        target=500,
    ),
    KeyResult(
        id="kr-tier2",
        title="Upgrade 1,000 existing members from Tier 3 to Tier 2",
        kind="increase",
        unit="members",
        baseline=0,
        target=1000,
    ),
    KeyResult(
        id="kr-t1-price",
        title="Keep the average Tier 1 price at or above $4,800",
        kind="maintain_min",
        unit="$",
        target=4800,
    ),
    KeyResult(
        id="kr-t2-price",
        title="Keep the average Tier 2 price at or above $2,900",
        kind="maintain_min",
        unit="$",
        target=2900,
    ),
]

OBJECTIVE = Objective(
    id="obj-upgrade",
    team_id="sales",
    quarter=QUARTER,
    title="Upgrade 10% of existing members to a higher-value product",
    description="Revenue comes mostly from members moving up a tier; "
    "too few leads, too few upgrades and drifting prices hold it back.",
    aligned_to="Increase overall revenue",
    key_results=KEY_RESULTS,
)

# Weekly values per key result, weeks 1 to 6, with the room's confidence.
_VALUES: dict[str, list[tuple[float, Confidence]]] = {
    "kr-tier1": [
        (38, "on_track"),
        (71, "on_track"),
        (109, "on_track"),
        (142, "at_risk"),
        (181, "on_track"),
        (226, "on_track"),
    ],
    "kr-tier2": [
        (52, "on_track"),
        (98, "at_risk"),
        (131, "at_risk"),
        (170, "off_track"),
        (205, "at_risk"),
        (248, "at_risk"),
    ],
    "kr-t1-price": [
        (4920, "on_track"),
        (4870, "on_track"),
        (4790, "at_risk"),
        (4760, "off_track"),
        (4835, "at_risk"),
        (4880, "on_track"),
    ],
    "kr-t2-price": [
        (2960, "on_track"),
        (2945, "on_track"),
        (2930, "on_track"),
        (2915, "at_risk"),
        (2950, "on_track"),
        (2975, "on_track"),
    ],
}

_CHECKIN_NOTES: dict[tuple[str, int], str] = {
    ("kr-tier1", 4): "Two big renewals slipped to next week.",
    ("kr-tier2", 2): "Tier 3 list is thin; waiting on marketing leads.",
    ("kr-tier2", 4): "Lead volume halved after the campaign paused.",
    ("kr-t1-price", 3): "Discounts crept in on three deals.",
    ("kr-t1-price", 4): "Agreed a discount floor with the director.",
    ("kr-t1-price", 5): "Floor is holding.",
}

_CONTRIBUTIONS: list[tuple[int, str, str | None, str, bool]] = [
    (
        1,
        "ben",
        "kr-tier1",
        "Called 40 long-standing Tier 2 members with the new Tier 1 offer",
        True,
    ),
    (1, "dana", None, "Built the weekly upgrade funnel dashboard", False),
    (2, "chen", "kr-tier2", "Ran the first Tier 3 upgrade webinar: 19 upgrades", True),
    (2, "eli", "kr-t1-price", "Held list price on five Tier 1 renewals", False),
    (3, "ana", "kr-tier2", "Agreed a joint lead campaign with marketing", False),
    (3, "ben", "kr-tier1", "Closed the Harbor Travel Club group upgrade (12 members)", True),
    (4, "dana", "kr-t1-price", "Found the three discounted deals and why they happened", False),
    (4, "eli", "kr-tier2", "Re-engaged 30 lapsed Tier 3 members by email", False),
    (5, "chen", "kr-tier2", "Second webinar with marketing's leads: 27 upgrades", True),
    (5, "ana", "kr-t1-price", "Wrote the discount floor guideline", False),
    (6, "eli", "kr-tier1", "Upgrade offer bundled with winter cruise preview: 18 upgrades", True),
    (6, "ben", "kr-t2-price", "Tier 2 price sheet refreshed with the new inclusions", False),
]

_NOTES: list[tuple[int, NoteKind, str, str | None]] = [
    (1, "win", "Everyone had their call list ready on Monday", None),
    (2, "lesson", "Webinars convert better than cold calls for Tier 3", "chen"),
    (3, "blocker", "Marketing leads arrive late in the week", "ana"),
    (4, "lesson", "Discount approvals need a second pair of eyes", "dana"),
    (4, "blocker", "Lead campaign paused for budget review", None),
    (5, "idea", "Pair new account managers with webinar hosts", "eli"),
    (6, "win", "Best week of the quarter for Tier 1 upgrades", None),
]

_TRAININGS: list[tuple[int, str, str, int, list[str], str]] = [
    (
        2,
        "Handling price objections",
        "ana",
        12,
        ["ben", "chen", "dana", "eli"],
        "Value first, price last; never discount in the first call.",
    ),
    (
        5,
        "Reading the upgrade funnel dashboard",
        "dana",
        10,
        ["ana", "ben", "chen", "eli"],
        "Where members drop out between offer and upgrade.",
    ),
]

_COMMITMENTS: list[tuple[int, str, str, str, str | None]] = [
    (1, "target", "ben", "Call 40 more Tier 2 members", "kr-tier1"),
    (1, "action", "ana", "Ask marketing for a Tier 3 lead list", "kr-tier2"),
    (2, "target", "chen", "Host a second webinar", "kr-tier2"),
    (2, "target", "eli", "Review every Tier 1 quote before it goes out", "kr-t1-price"),
    (3, "action", "dana", "Find out why three deals were discounted", "kr-t1-price"),
    (4, "action", "ana", "Write a discount floor guideline", "kr-t1-price"),
    (4, "target", "eli", "Email 30 lapsed Tier 3 members", "kr-tier2"),
    (5, "target", "ben", "Refresh the Tier 2 price sheet", "kr-t2-price"),
    (6, "target", "chen", "Run the third webinar with marketing", "kr-tier2"),
    (6, "action", "dana", "Share the funnel dashboard with marketing", None),
]

# (week reviewed in, commitment made in week, index within that week, status)
_REVIEWS: list[tuple[int, int, int, str]] = [
    (2, 1, 0, "done"),
    (2, 1, 1, "done"),
    (3, 2, 0, "done"),
    (3, 2, 1, "open"),
    (4, 2, 1, "done"),
    (4, 3, 0, "done"),
    (5, 4, 0, "done"),
    (5, 4, 1, "done"),
    (6, 5, 0, "done"),
]

_ABSENT = {3: ["eli"], 5: ["ben"]}
_FACILITATORS = {1: "Ana Costa", 2: "Ana Costa", 3: "Dana Novak", 4: "Ana Costa", 5: "Chen Wei"}
_SUMMARIES = {
    1: "Good start: Tier 1 upgrades ahead of pace; Tier 3 leads are the risk.",
    2: "Webinars work for Tier 3. Price holding.",
    3: "Tier 1 price dipped below $4,800; discounts being looked at.",
    4: "Hard week: leads paused and Tier 1 price below the floor. Discount floor agreed.",
    5: "Recovery: price back above the floor, webinar with marketing's leads worked.",
    6: "Best Tier 1 week so far; Tier 2 upgrades still behind pace.",
}


def sample_plan() -> Plan:
    """The sample team and its 2026-Q4 objective."""
    return Plan(teams=[TEAM], objectives=[OBJECTIVE])


def sample_sessions() -> list[Session]:
    """Six completed weekly meetings, weeks 1 to 6 of 2026-Q4."""
    sessions = []
    commitment_ids: dict[tuple[int, int], str] = {}
    for week in range(1, 7):
        day = FIRST_MEETING + timedelta(weeks=week - 1)
        started = datetime(day.year, day.month, day.day, 10, 0)
        absent = _ABSENT.get(week, [])
        present = [m.id for m in MEMBERS if m.id not in absent]
        step_seconds = {
            step.key: float(step.minutes * 60 + 17 * ((week + i) % 5) - 30)
            for i, step in enumerate(WEEKLY_AGENDA)
        }
        commitments = []
        for index, (_, kind, owner, text, kr_id) in enumerate(
            c for c in _COMMITMENTS if c[0] == week
        ):
            cid = f"c-w{week}-{index + 1}"
            commitment_ids[(week, index)] = cid
            commitments.append(
                Commitment(
                    id=cid,
                    kind="target" if kind == "target" else "action",
                    owner_id=owner,
                    text=text,
                    kr_id=kr_id,
                    due=day + timedelta(weeks=1),
                )
            )
        sessions.append(
            Session(
                id=f"{QUARTER}-demo0{week}",
                team_id=TEAM.id,
                kind="weekly",
                quarter=QUARTER,
                week=week,
                date=day,
                facilitator=_FACILITATORS.get(week, "Ana Costa"),
                status="completed",
                started_at=started,
                ended_at=started + timedelta(seconds=sum(step_seconds.values())),
                current_step="wrap_up",
                step_seconds=step_seconds,
                team_name=TEAM.name,
                member_names={m.id: m.name for m in MEMBERS},
                present_ids=present,
                guests=["Maya (marketing)"] if week == 5 else [],
                kr_snapshots=[
                    KRSnapshot(objective_id=OBJECTIVE.id, objective_title=OBJECTIVE.title, kr=kr)
                    for kr in KEY_RESULTS
                ],
                checkins=[
                    CheckIn(
                        kr_id=kr.id,
                        value=_VALUES[kr.id][week - 1][0],
                        confidence=_VALUES[kr.id][week - 1][1],
                        note=_CHECKIN_NOTES.get((kr.id, week), ""),
                    )
                    for kr in KEY_RESULTS
                ],
                commitment_reviews=[
                    CommitmentReview(
                        commitment_id=commitment_ids[(made, index)],
                        status="done" if status == "done" else "open",
                    )
                    for reviewed, made, index, status in _REVIEWS
                    if reviewed == week
                ],
                contributions=[
                    Contribution(
                        id=f"ct-w{week}-{i + 1}",
                        member_id=member,
                        kr_id=kr_id,
                        text=text,
                        celebrated=celebrated,
                    )
                    for i, (_, member, kr_id, text, celebrated) in enumerate(
                        c for c in _CONTRIBUTIONS if c[0] == week
                    )
                ],
                notes=[
                    Note(id=f"n-w{week}-{i + 1}", kind=kind, text=text, member_id=member)
                    for i, (_, kind, text, member) in enumerate(n for n in _NOTES if n[0] == week)
                ],
                trainings=[
                    Training(
                        id=f"t-w{week}",
                        topic=topic,
                        presenter_id=presenter,
                        minutes=minutes,
                        attendee_ids=[a for a in attendees if a in present],
                        notes=notes,
                    )
                    for (w, topic, presenter, minutes, attendees, notes) in _TRAININGS
                    if w == week
                ],
                commitments=commitments,
                ratings={m: 7 + (week + i) % 3 for i, m in enumerate(present)},
                summary=_SUMMARIES[week],
            )
        )
    return sessions
