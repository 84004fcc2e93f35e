"""Fixed sessions for the minutes tests: the demo's week 6 and a quarterly review built here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from okrtui.domain.agenda import QUARTERLY_AGENDA, WEEKLY_AGENDA
from okrtui.domain.issues import raised_issue, review_issue
from okrtui.domain.models import (
    Agenda,
    AgendaStep,
    Contribution,
    DiscussionNote,
    DraftKeyResult,
    DraftObjective,
    KRSnapshot,
    Note,
    ObjectiveScore,
    Score,
    Session,
    Training,
)
from okrtui.domain.parking import park_topic
from okrtui.domain.sample import KEY_RESULTS, MEMBERS, OBJECTIVE, TEAM, sample_sessions
from okrtui.domain.text import STORED


def weekly_case() -> tuple[Session, list[Session]]:
    """The demo's sixth weekly meeting, with the other five as earlier sessions.

    It starts with the blockers of weeks 3 and 4 open, solves the first, keeps the second
    open, and parks a topic.
    """
    sessions = sample_sessions()
    raised = [raised_issue(s, n) for s in sessions[:5] for n in s.notes if n.kind == "blocker"]
    week6 = sessions[5].model_copy(update={"open_issues": raised})
    week6 = review_issue(week6, raised[0].id, "solved", "Leads now come in on Mondays")
    week6 = review_issue(week6, raised[1].id, "open")
    week6 = park_topic(week6, "Loyalty points for Tier 1 upgrades")
    # A fixed id, so the golden files stay the same.
    week6 = week6.model_copy(
        update={"parked": [week6.parked[0].model_copy(update={"id": "p-golden"})]}
    )
    return week6, sessions


def discussion_case() -> tuple[Session, list[Session]]:
    """The demo's sixth weekly meeting run on an agenda with a discussion step of the team's
    own after the check-ins, and its notes: a member's, a guest's and the team's."""
    session, earlier = weekly_case()
    steps = [AgendaStep(key=s.key, title=s.title, minutes=s.minutes) for s in WEEKLY_AGENDA]
    headlines = AgendaStep(
        key="discussion-headlines",
        discussion=True,
        title="Headlines",
        minutes=5,
        prompt="Good news and bad news from the week",
    )
    steps.insert(3, headlines)
    notes = [
        DiscussionNote(
            id="dn-1", step_key=headlines.key, text="Two resorts signed", member_id="ben"
        ),
        DiscussionNote(id="dn-2", step_key=headlines.key, text="Fair leads", guest="Maya"),
        DiscussionNote(id="dn-3", step_key=headlines.key, text="Pricing page is late"),
    ]
    update = {"agenda": Agenda(steps=steps), "guests": ["Maya"], "discussion_notes": notes}
    return session.model_copy(update=update), earlier


def quarterly_session() -> Session:
    """A completed quarterly review of the sample team, with one overridden score."""
    day = date(2026, 12, 17)
    started = datetime(2026, 12, 17, 14, 0)
    step_seconds = {step.key: float(step.minutes * 60 + 40) for step in QUARTERLY_AGENDA}
    return Session(
        id="2026-Q4-review1",
        team_id=TEAM.id,
        kind="quarterly",
        quarter="2026-Q4",
        date=day,
        facilitator="Ana Costa",
        status="completed",
        started_at=started,
        ended_at=started + timedelta(seconds=sum(step_seconds.values())),
        current_step="wrap_up",
        step_seconds=step_seconds,
        team_name=TEAM.name,
        member_names={m.id: m.name for m in MEMBERS},
        present_ids=["ana", "ben", "chen", "dana"],
        guests=["Maya (marketing)"],
        kr_snapshots=[
            KRSnapshot(objective_id=OBJECTIVE.id, objective_title=OBJECTIVE.title, kr=kr)
            for kr in KEY_RESULTS
        ],
        contributions=[
            Contribution(
                id="ct-q-1",
                member_id="dana",
                kr_id=None,
                text="Kept the funnel dashboard current all quarter",
                celebrated=True,
            )
        ],
        trainings=[
            Training(
                id="t-q",
                topic="What the quarter taught us about pricing",
                presenter_name="Maya (marketing)",
                minutes=15,
                attendee_ids=["ana", "ben", "chen", "dana"],
            )
        ],
        notes=[
            Note(
                id="r-1", kind="went_well", text="Webinars with marketing's leads", member_id="chen"
            ),
            Note(id="r-2", kind="went_well", text="The discount floor held the Tier 1 price"),
            Note(
                id="r-3",
                kind="to_change",
                text="Ask for leads before the quarter starts",
                member_id="ana",
            ),
        ],
        scores=[
            Score(kr_id="kr-tier1", final_value=412, computed=0.824, used=0.824),
            Score(
                kr_id="kr-tier2",
                final_value=538,
                computed=0.538,
                used=0.6,
                rationale="Marketing's lead pause cost three weeks; the room agreed 0.6.",
            ),
            Score(kr_id="kr-t1-price", final_value=4890, computed=0.8, used=0.8),
            Score(kr_id="kr-t2-price", final_value=2990, computed=1.0, used=1.0),
        ],
        objective_scores=[ObjectiveScore(objective_id=OBJECTIVE.id, score=0.806)],
        next_quarter_plan=[
            DraftObjective(
                id="d-obj-1",
                source_id=OBJECTIVE.id,
                title="Upgrade 12% of existing members to a higher-value product",
                key_results=[
                    DraftKeyResult(
                        id="d-kr-1",
                        source_id="kr-tier1",
                        title="Upgrade 600 more members from Tier 2 to Tier 1",
                        unit="members",
                        baseline=412,
                        target=1012,
                    ),
                    DraftKeyResult(
                        id="d-kr-2",
                        title="Keep the average Tier 1 price at or above $4,900",
                        kind="maintain_min",
                        unit="$",
                        target=4900,
                    ),
                    DraftKeyResult(id="d-kr-3", title="A dropped idea", dropped=True),
                ],
            )
        ],
        ratings={"ana": 9, "ben": 8, "chen": 8, "dana": 9},
        summary="A 0.81 quarter. Tier 2 upgrades lagged while leads were paused.",
    )


def quarterly_case() -> tuple[Session, list[Session]]:
    """The quarterly review with the quarter's six weekly meetings as earlier sessions."""
    return quarterly_session(), sample_sessions()


# Fields whose text a person typed (or a plan file gave), in any record of a session.
USER_TEXT_KEYS = frozenset(
    {
        "team_name",
        "facilitator",
        "objective_title",
        "title",
        "unit",
        "note",
        "text",
        "topic",
        "presenter_name",
        "notes",
        "summary",
        "rationale",
        "resolution",
        "owner_name",
        "description",
        "aligned_to",
        "prompt",
        "guest",
    }
)


def _replace(value: Any, text: str) -> Any:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in USER_TEXT_KEYS and isinstance(item, str):
                # A prompt or a guest only where there is one: a built-in step has none.
                out[key] = text if item or key not in ("prompt", "guest") else item
            elif key == "member_names":
                out[key] = {member: f"{text} {i}" for i, member in enumerate(item)}
            elif key == "guests":
                out[key] = [text for _ in item]
            else:
                out[key] = _replace(item, text)
        return out
    if isinstance(value, list):
        return [_replace(item, text) for item in value]
    return value


def with_text(session: Session, text: str) -> Session:
    """A copy of the session with `text` in every field a person typed.

    Validated as a record read from a data file: an earlier version may have stored control
    characters and line breaks that typing refuses today, and the minutes must still hold.
    """
    return Session.model_validate(_replace(session.model_dump(mode="json"), text), context=STORED)


# A "word" longer than any column may be: its table must still fit the page.
LONG_TITLE = "Upgrade" + "-tier" * 20


def with_long_kr_title(case: Callable[[], tuple[Session, list[Session]]]) -> Session:
    """The case's session with every key result titled LONG_TITLE."""
    session, _ = case()
    snapshots = [
        s.model_copy(update={"kr": s.kr.model_copy(update={"title": LONG_TITLE})})
        for s in session.kr_snapshots
    ]
    return session.model_copy(update={"kr_snapshots": snapshots})
