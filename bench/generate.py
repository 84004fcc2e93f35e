"""Build a data folder holding ten years of history for twenty teams (about 11,000 sessions).

Sessions are realistic in size: every KR checked in, a few contributions, notes and
commitments, a training now and then, ratings. Deterministic for a given seed.

    python -m bench.generate DIR [--teams 20] [--years 10] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from okrtui.domain.agenda import QUARTERLY_AGENDA, WEEKLY_AGENDA
from okrtui.domain.models import (
    CheckIn,
    Commitment,
    CommitmentReview,
    Contribution,
    KeyResult,
    KRKind,
    KRSnapshot,
    Member,
    Note,
    NoteKind,
    Objective,
    Score,
    Session,
    Team,
    Training,
)
from okrtui.domain.plan import Plan
from okrtui.domain.quarters import next_quarter, quarter_end, quarter_start
from okrtui.domain.scoring import kr_score
from okrtui.store import Repository
from okrtui.store.migrations import SCHEMA_VERSION
from okrtui.store.storage import replace_atomically

WORDS = [
    "call",
    "members",
    "offer",
    "upgrade",
    "webinar",
    "renewal",
    "price",
    "floor",
    "discount",
    "campaign",
    "leads",
    "review",
    "dashboard",
    "partner",
    "survey",
    "onboarding",
    "churn",
    "quote",
    "follow-up",
    "pipeline",
    "demo",
    "training",
    "tier",
    "bundle",
    "cruise",
    "winter",
    "summer",
    "loyalty",
    "referral",
    "newsletter",
    "workshop",
    "pricing",
    "analysis",
]
KR_MIX: list[KRKind] = ["increase", "increase", "decrease", "maintain_min", "milestone"]
RETRO_KINDS: list[NoteKind] = ["went_well", "went_well", "to_change", "to_change"]
FIRST_NAMES = [
    "Ana",
    "Ben",
    "Chen",
    "Dana",
    "Eli",
    "Fatima",
    "Goran",
    "Hana",
    "Ivan",
    "Jonas",
    "Kira",
    "Liam",
    "Mei",
    "Nora",
    "Omar",
]
LAST_NAMES = [
    "Costa",
    "Okafor",
    "Wei",
    "Novak",
    "Haddad",
    "Lund",
    "Said",
    "Berg",
    "Rossi",
    "Tanaka",
    "Diaz",
    "Kowalski",
]


def sentence(rng: random.Random, low: int = 5, high: int = 14) -> str:
    """A plausible line of meeting text."""
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def make_team(rng: random.Random, index: int) -> Team:
    """A team of four to eight members, one of whom has left."""
    members = [
        Member(
            id=f"m{index}-{n}",
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            role=rng.choice(["", "Lead", "Analyst", "Account manager"]),
            active=n != 0,
        )
        for n in range(rng.randint(5, 9))
    ]
    return Team(id=f"team-{index:02d}", name=f"Team {index:02d}", members=members)


def make_objectives(rng: random.Random, team: Team, quarter: str) -> list[Objective]:
    """One or two objectives with two to four KRs of mixed kinds."""
    objectives = []
    for o in range(rng.randint(1, 2)):
        krs = []
        for k in range(rng.randint(2, 4)):
            kind = rng.choice(KR_MIX)
            kr_id = f"kr-{team.id}-{quarter}-{o}-{k}"
            title = sentence(rng, 4, 9)
            if kind == "increase":
                kr = KeyResult(
                    id=kr_id, title=title, kind=kind, unit="members", baseline=0, target=500
                )
            elif kind == "decrease":
                kr = KeyResult(id=kr_id, title=title, kind=kind, unit="%", baseline=8, target=5)
            elif kind == "maintain_min":
                kr = KeyResult(id=kr_id, title=title, kind=kind, unit="$", target=4800)
            else:
                kr = KeyResult(id=kr_id, title=title, kind="milestone")
            krs.append(kr)
        objectives.append(
            Objective(
                id=f"obj-{team.id}-{quarter}-{o}",
                team_id=team.id,
                quarter=quarter,
                title=sentence(rng, 4, 8),
                key_results=krs,
            )
        )
    return objectives


def value_for(rng: random.Random, kr: KeyResult, week: int) -> float:
    """A check-in value that moves roughly along the quarter."""
    share = week / 13
    if kr.kind == "increase":
        return round(500 * share * rng.uniform(0.6, 1.2))
    if kr.kind == "decrease":
        return round(8 - 3 * share * rng.uniform(0.5, 1.2), 1)
    if kr.kind == "maintain_min":
        return round(rng.uniform(4600, 5100))
    return min(100.0, round(100 * share * rng.uniform(0.5, 1.3)))


def make_sessions(
    rng: random.Random, team: Team, quarter: str, objectives: list[Objective]
) -> list[Session]:
    """Thirteen weekly meetings and a quarterly review."""
    sessions: list[Session] = []
    krs = [(o, kr) for o in objectives for kr in o.key_results]
    snapshots = [KRSnapshot(objective_id=o.id, objective_title=o.title, kr=kr) for o, kr in krs]
    names = {m.id: m.name for m in team.members}
    active = [m.id for m in team.members if m.active]
    start = quarter_start(quarter)
    open_commitments: list[str] = []
    values: dict[str, list[float]] = {kr.id: [] for _, kr in krs}
    for week in range(1, 14):
        day = start + timedelta(days=7 * (week - 1) + 1)
        if day > quarter_end(quarter):
            break
        started = datetime(day.year, day.month, day.day, 10, 0)
        present = [m for m in active if rng.random() > 0.12]
        checkins = []
        for _, kr in krs:
            value = value_for(rng, kr, week)
            values[kr.id].append(value)
            checkins.append(
                CheckIn(
                    kr_id=kr.id,
                    value=value,
                    confidence=rng.choice(["on_track", "at_risk", "off_track"]),
                    note=sentence(rng) if rng.random() < 0.4 else "",
                )
            )
        sid = f"{quarter}-{team.id[-2:]}w{week:02d}"
        commitments = [
            Commitment(
                id=f"c-{sid}-{n}",
                kind=rng.choice(["target", "action"]),
                owner_id=rng.choice(present or active),
                text=sentence(rng),
                kr_id=rng.choice(krs)[1].id,
                due=day + timedelta(weeks=1),
            )
            for n in range(rng.randint(2, 5))
        ]
        reviews = [
            CommitmentReview(commitment_id=c, status=rng.choice(["done", "done", "dropped"]))
            for c in open_commitments
        ]
        open_commitments = [c.id for c in commitments]
        sessions.append(
            Session(
                id=sid,
                team_id=team.id,
                kind="weekly",
                quarter=quarter,
                week=week,
                date=day,
                facilitator=names[rng.choice(active)],
                status="completed",
                started_at=started,
                ended_at=started + timedelta(minutes=58),
                current_step="wrap_up",
                step_seconds={s.key: float(s.minutes * 60) for s in WEEKLY_AGENDA},
                team_name=team.name,
                member_names=names,
                present_ids=present,
                kr_snapshots=snapshots,
                checkins=checkins,
                commitment_reviews=reviews,
                contributions=[
                    Contribution(
                        id=f"ct-{sid}-{n}",
                        member_id=rng.choice(present or active),
                        kr_id=rng.choice(krs)[1].id if rng.random() < 0.8 else None,
                        text=sentence(rng),
                        celebrated=rng.random() < 0.3,
                    )
                    for n in range(rng.randint(1, 5))
                ],
                notes=[
                    Note(
                        id=f"n-{sid}-{n}",
                        kind=rng.choice(["win", "lesson", "blocker", "idea"]),
                        text=sentence(rng),
                        member_id=rng.choice(present or active) if rng.random() < 0.6 else None,
                    )
                    for n in range(rng.randint(1, 4))
                ],
                trainings=[
                    Training(
                        id=f"t-{sid}",
                        topic=sentence(rng, 3, 6),
                        presenter_id=rng.choice(present or active),
                        minutes=rng.choice([10, 12, 15]),
                        attendee_ids=present,
                        notes=sentence(rng),
                    )
                ]
                if rng.random() < 0.3
                else [],
                commitments=commitments,
                ratings={m: rng.randint(6, 10) for m in present},
                summary=sentence(rng, 10, 25),
            )
        )
    review_day = quarter_end(quarter) - timedelta(days=2)
    started = datetime(review_day.year, review_day.month, review_day.day, 14, 0)
    scores = [
        Score(
            kr_id=kr.id,
            final_value=values[kr.id][-1],
            computed=kr_score(kr, values[kr.id]),
            used=kr_score(kr, values[kr.id]),
        )
        for _, kr in krs
    ]
    sessions.append(
        Session(
            id=f"{quarter}-{team.id[-2:]}qrev",
            team_id=team.id,
            kind="quarterly",
            quarter=quarter,
            date=review_day,
            facilitator=names[active[0]],
            status="completed",
            started_at=started,
            ended_at=started + timedelta(minutes=88),
            current_step="wrap_up",
            step_seconds={s.key: float(s.minutes * 60) for s in QUARTERLY_AGENDA},
            team_name=team.name,
            member_names=names,
            present_ids=active,
            kr_snapshots=snapshots,
            scores=scores,
            notes=[
                Note(id=f"n-{quarter}-{team.id}-r{n}", kind=kind, text=sentence(rng))
                for n, kind in enumerate(RETRO_KINDS)
            ],
            ratings={m: rng.randint(6, 10) for m in active},
            summary=sentence(rng, 15, 30),
        )
    )
    return sessions


def generate(folder: Path, teams: int = 20, years: int = 10, seed: int = 7) -> int:
    """Write the plan and every quarter's file into `folder`; returns the session count."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    quarters = []
    quarter = f"{date.today().year - years + 1}-Q1"
    for _ in range(4 * years):
        quarters.append(quarter)
        quarter = next_quarter(quarter)
    team_list = [make_team(rng, i) for i in range(1, teams + 1)]
    plan = Plan(teams=team_list)
    by_quarter: dict[str, list[Session]] = {q: [] for q in quarters}
    for team in team_list:
        for q in quarters:
            objectives = make_objectives(rng, team, q)
            plan.objectives += objectives
            by_quarter[q] += make_sessions(rng, team, q, objectives)
    Repository.open(folder).save_plan(plan)
    count = 0
    for q, sessions in by_quarter.items():
        # Written directly in TinyDB's layout: saving 11,000 sessions one by one would
        # rewrite each quarter file hundreds of times.
        data = {
            "meta": {"1": {"schema_version": SCHEMA_VERSION}},
            "sessions": {
                str(n): s.model_dump(mode="json") for n, s in enumerate(sessions, start=1)
            },
        }
        replace_atomically(str(folder / f"{q}.json"), json.dumps(data), "utf-8")
        count += len(sessions)
    return count


def main() -> None:
    """Command line entry: `python -m bench.generate DIR`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--teams", type=int, default=20)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    count = generate(args.folder, args.teams, args.years, args.seed)
    print(f"{count} sessions for {args.teams} teams over {args.years} years in {args.folder}")


if __name__ == "__main__":
    main()
