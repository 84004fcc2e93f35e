"""Open issues: blockers carried from meeting to meeting until solved or dropped.

A blocker note of a meeting *is* an issue of the team: `issues_after_meeting` says what
the team's stored issues become once a meeting's blockers and decisions are applied. It
is a pure function of the meeting and the issues as stored, so applying it again (after
every change, and when the meeting finishes) never makes a duplicate and loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from okrtui.domain.models import Issue, IssueReview, IssueStatus, Note, Session
from okrtui.domain.text import STORED

# A blocker deleted from the meeting that raised it: its issue is closed, not erased, and
# comes back open if the blocker is put back.
WITHDRAWN = "withdrawn: the blocker was deleted from its meeting"

Decision = Literal["raised", "kept", "solved", "dropped"]


def issue_id(session_id: str, note_id: str) -> str:
    """The id of the issue a blocker note raises: the same every time it is applied."""
    return f"{session_id}.{note_id}"


def raised_issue(session: Session, note: Note) -> Issue:
    """The issue a blocker note of `session` raises, open."""
    owner = session.member_name(note.member_id) if note.member_id else ""
    return Issue.model_validate(
        {
            "id": issue_id(session.id, note.id),
            "team_id": session.team_id,
            "text": note.text,
            "raised_in": session.id,
            "raised_on": session.date,
            "owner_id": note.member_id,
            "owner_name": owner,
        },
        context=STORED,  # the note was stored already: its text is kept as it is
    )


def _blockers(session: Session) -> list[Note]:
    return [n for n in session.notes if n.kind == "blocker"]


def _closed(issue: Issue, session: Session, status: IssueStatus, resolution: str) -> Issue:
    return issue.model_copy(
        update={
            "status": status,
            "resolution": resolution,
            "closed_on": session.date,
            "closed_in": session.id,
        }
    )


def _reopened(issue: Issue) -> Issue:
    return issue.model_copy(
        update={"status": "open", "resolution": "", "closed_on": None, "closed_in": None}
    )


def issues_after_meeting(session: Session, stored: Sequence[Issue]) -> list[Issue]:
    """The team's issues that `session` creates or changes, given those stored now.

    Each blocker note raises (or, edited, rewrites) its issue; a deleted blocker's issue is
    closed as withdrawn. Each decision of the meeting closes or keeps its issue. Only a
    meeting may undo its own closing: an issue closed by another meeting is left as it is.
    """
    current = {i.id: i for i in stored if i.team_id == session.team_id}
    result: dict[str, Issue] = {}
    blockers = {issue_id(session.id, n.id): n for n in _blockers(session)}
    for iid, note in blockers.items():
        raised = raised_issue(session, note)
        existing = current.get(iid)
        if existing is None:
            result[iid] = raised
            continue
        kept = existing.model_copy(
            update={
                "text": raised.text,
                "owner_id": raised.owner_id,
                "owner_name": raised.owner_name,
            }
        )
        if kept.closed_in == session.id and kept.resolution == WITHDRAWN:
            kept = _reopened(kept)
        result[iid] = kept
    for issue in current.values():
        if issue.raised_in == session.id and issue.id not in blockers and issue.status == "open":
            result[issue.id] = _closed(issue, session, "dropped", WITHDRAWN)
    reviews = {r.issue_id: r for r in session.issue_reviews}
    for iid in set(current) | set(result):
        issue = result.get(iid) or current[iid]
        review = reviews.get(iid)
        ours = issue.closed_in == session.id and issue.resolution != WITHDRAWN
        if issue.status != "open" and not ours:
            continue  # closed by another meeting (or withdrawn): this one does not reopen it
        if review is not None and review.status != "open":
            result[iid] = _closed(issue, session, review.status, review.resolution)
        elif ours:
            result[iid] = _reopened(issue)
    return [i for iid, i in result.items() if current.get(iid) != i]


def review_issue(
    session: Session, issue_id_: str, status: IssueStatus, resolution: str = ""
) -> Session:
    """Record what this meeting decided about an issue (a later decision replaces it)."""
    reviews = [r for r in session.issue_reviews if r.issue_id != issue_id_]
    reviews.append(IssueReview(issue_id=issue_id_, status=status, resolution=resolution.strip()))
    return session.model_copy(update={"issue_reviews": reviews})


def open_at_start(stored: Iterable[Issue]) -> list[Issue]:
    """The open issues a new meeting starts with, oldest first."""
    return sorted(
        (i for i in stored if i.status == "open"), key=lambda i: (i.raised_on, i.raised_in)
    )


@dataclass(frozen=True)
class IssueAtMeeting:
    """An issue as a meeting left it: what the meeting did with it (None: not looked at)."""

    issue: Issue
    decision: Decision | None
    resolution: str = ""

    @property
    def still_open(self) -> bool:
        """Whether the issue was open when the meeting ended."""
        return self.decision not in ("solved", "dropped")


def meeting_issues(session: Session) -> list[IssueAtMeeting]:
    """The issues a meeting dealt with: those open when it started, then those it raised,
    each with the meeting's decision. Read from the session alone (its minutes stay true)."""
    reviews = {r.issue_id: r for r in session.issue_reviews}
    raised = [raised_issue(session, n) for n in _blockers(session)]
    seen: set[str] = set()
    found: list[IssueAtMeeting] = []
    for issue in [*session.open_issues, *raised]:
        if issue.id in seen:
            continue
        seen.add(issue.id)
        review = reviews.get(issue.id)
        decision: Decision | None
        if review is not None and review.status != "open":
            decision = review.status
        elif review is not None:
            decision = "kept"
        else:
            decision = "raised" if issue.raised_in == session.id else None
        found.append(IssueAtMeeting(issue, decision, review.resolution if review else ""))
    return found


def age_in_words(raised_on: date, day: date) -> str:
    """How long an issue has been open on `day`: "raised today", "3 days", "2 weeks"."""
    days = max(0, (day - raised_on).days)
    if days == 0:
        return "raised today"
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    return f"{days // 7} weeks"


def raised_issue_ids(session: Session) -> list[str]:
    """The issues a meeting raised (its blockers)."""
    return [issue_id(session.id, n.id) for n in _blockers(session)]


def solved_issue_ids(session: Session) -> list[str]:
    """The issues a meeting marked solved."""
    return [r.issue_id for r in session.issue_reviews if r.status == "solved"]
