"""Numbers and states of the minutes as words, shared by the Markdown and HTML renderers."""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words, quarter_rollup
from okrtui.domain.commitments import overdue_words
from okrtui.domain.meeting import all_ratings
from okrtui.domain.models import CommitmentStatus, Confidence, Session
from okrtui.minutes.lines import CommitmentLine, ContributionGroup, IssueLine, KRLine, ScoreLine
from okrtui.minutes.view import DiscussionLine, MinutesView

NONE = kr_words.NONE
CONFIDENCE_LEGEND = confidence_words.legend()
STATUS_WORDS: dict[str, str] = {"open": "still open", "done": "done", "dropped": "dropped"}
WEEKLY_KR_HEADER = ("Key result", "Previous", "Value", "Target", "Progress", "Change", "Confidence")
# A review looks at the whole quarter: where each key result began, ended, and what it scored.
QUARTER_KR_HEADER = (
    "Key result",
    "Baseline",
    "Final",
    "Target",
    "Change from baseline",
    "Score",
    "Band",
)
SCORES_HEADER = ("Key result", "Final value", "Computed", "Score", "Band", "Why overridden")
OBJECTIVE_SCORES_HEADER = ("Objective", "Score", "Band", "Call-out")
ACTION_HEADER = ("Owner", "What", "Kind", "Key result", "Due", "Status")
ACTIONS_REVIEWED = "Reviewed from earlier meetings"
ACTIONS_MADE = "Made in this meeting"
ISSUES_CLOSED = "Solved or dropped in this meeting"
ISSUES_OPEN = "Still open"

# The sections of the minutes in the order every format shows them: what was decided first
# (the summary, the scores of a review, the action items), then the detail.
Section = Literal[
    "summary",
    "scores",
    "actions",
    "key_results",
    "confidence",
    "contributions",
    "experiences",
    "issues",
    "trainings",
    "retrospective",
    "next_quarter",
    "parked",
    "discussion",  # a discussion step of the team's own agenda: titled by the team
]
SECTION_TITLES: dict[Section, str] = {
    "summary": "Summary",
    "scores": "Scores",
    "actions": "Action items",
    "key_results": "Key results",
    "confidence": "Confidence week by week",
    "contributions": "Celebrations and contributions",
    "experiences": "Experiences",
    "issues": "Open issues",
    "trainings": "Training",
    "retrospective": "Retrospective",
    "next_quarter": "Next quarter",
    "parked": "Parked for a later meeting",
}


def title(view: MinutesView) -> str:
    """The document's title line: team, kind and week."""
    s = view.session
    if s.kind == "weekly":
        return f"{view.team} — weekly meeting, week {s.week}"
    return f"{view.team} — quarterly review, {s.quarter}"


def day(value: date) -> str:
    """A date people read without thinking: `Thursday 5 November 2026`."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def duration(seconds: float) -> str:
    """Meeting length in minutes, with hours past the hour."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def amended(session: Session) -> str:
    """When a finished meeting was corrected, and by whom: `completed, amended on …`."""
    times = "; ".join(
        f"amended on {day(a.at.date())} at {a.at:%H:%M}" + (f" by {a.by}" if a.by else "")
        for a in session.amended
    )
    return f"completed, {times}"


def header_facts(view: MinutesView) -> list[tuple[str, str]]:
    """The minutes' header, label and text, in the order every format shows them."""
    s = view.session
    facts = [
        ("Quarter", s.quarter),
        ("Date", f"{day(s.date)} ({s.date.isoformat()})"),
        ("Facilitator", s.facilitator or NONE),
        ("Present", ", ".join(names(view.present))),
        ("Absent", ", ".join(names(view.absent))),
    ]
    if s.guests:
        facts.append(("Guests", ", ".join(s.guests)))
    facts += [("Duration", duration(s.duration_seconds)), ("Rating", rating(view))]
    if s.status != "completed":
        facts.append(("Status", "in progress: these are the minutes so far"))
    elif s.amended:
        facts.append(("Status", amended(s)))
    return facts


def rating(view: MinutesView) -> str:
    """The average rating and how many people rated."""
    if view.average_rating is None:
        return "not rated"
    count = len(all_ratings(view.session))
    people = "rating" if count == 1 else "ratings"
    return f"{view.average_rating:.1f} / 10 ({count} {people})"


def names(people: tuple[str, ...], empty: str = "nobody") -> tuple[str, ...]:
    """Names to list, or the word for none."""
    return people or (empty,)


def delta(line: KRLine) -> str:
    """The change since the previous check-in, signed."""
    return kr_words.change(line.kr, line.delta)


def sections(view: MinutesView) -> tuple[tuple[Section, DiscussionLine | None], ...]:
    """The sections these minutes show, in order: what was decided first (the summary, a
    review's scores, the action items), then the detail in the order of the meeting's own
    agenda, its discussion steps among them (each with its line). A review leaves out what
    it did not hold."""
    first: list[Section] = ["summary"]
    if view.quarterly:
        first.append("scores")
    # Action items: a weekly meeting's when its agenda reviews or makes commitments (or it
    # holds some all the same), a review's only when it holds some.
    on_agenda = any(section.name == "commitments" for section in view.sections)
    if view.action_items or (on_agenda and not view.quarterly):
        first.append("actions")
    parts: list[tuple[Section, DiscussionLine | None]] = [(name, None) for name in first]
    for section in view.sections:
        if section.discussion is not None:
            parts.append(("discussion", section.discussion))
        elif section.name in ("scores", "commitments"):
            continue  # told first, with the decisions
        elif section.name == "experiences" and view.quarterly and not view.experiences:
            continue
        else:
            parts.append((cast(Section, section.name), None))
            if section.name == "key_results" and view.quarterly:
                parts.append(("confidence", None))
    return tuple(parts)


def section_title(view: MinutesView, section: Section) -> str:
    """A section's heading; a review names two of them for the whole quarter."""
    if view.quarterly and section == "key_results":
        return "The quarter in numbers"
    if view.quarterly and section == "trainings":
        return "Trainings held"
    return SECTION_TITLES[section]


def quarter_change(line: KRLine) -> str:
    """The change over the quarter, from its baseline to its final value, signed."""
    return kr_words.change(line.kr, line.quarter_change)


def trainings_total(view: MinutesView) -> str:
    """How many trainings and how many minutes in all, as the review step says it."""
    return quarter_rollup.trainings_total(view.trainings)


def next_quarter_saved(view: MinutesView) -> str:
    """Whether the drafted plan was saved into the next quarter."""
    if view.next_quarter_saved:
        return f"Saved into the plan for {view.next_quarter_id}."
    return f"Not saved into the plan for {view.next_quarter_id}: this is a draft only."


def weekly_kr_row(line: KRLine) -> tuple[str, ...]:
    """A weekly key-result row: values since the previous check-in, and confidence."""
    return (
        line.kr.title,
        kr_words.value(line.kr, line.previous),
        kr_words.value(line.kr, line.value),
        kr_words.target(line.kr),
        percent(line.progress),
        delta(line),
        confidence(line.confidence),
    )


def quarter_kr_row(line: KRLine) -> tuple[str, ...]:
    """A quarterly key-result row: baseline and final value, change, score and band."""
    score_line = line.score
    return (
        line.kr.title,
        kr_words.value(line.kr, line.kr.baseline),
        kr_words.value(line.kr, line.final),
        kr_words.target(line.kr),
        quarter_change(line),
        score(score_line.used if score_line is not None else None),
        score_line.band if score_line is not None else "",
    )


def score_row(line: KRLine, score_line: ScoreLine) -> tuple[str, ...]:
    """A scores row: final value, computed and used score, band, and why it was overridden."""
    return (
        line.kr.title,
        kr_words.value(line.kr, score_line.final_value),
        score(score_line.computed),
        score(score_line.used),
        score_line.band,
        score_line.rationale if score_line.overridden else "",
    )


def moved_by_label(group: ContributionGroup) -> str:
    """The words before the names of the people under a contributions heading."""
    return "Contributed by" if group.key == "general" else "Moved by"


def percent(share: float | None) -> str:
    """A share in [0, 1] as a whole percent."""
    return NONE if share is None else f"{share:.0%}"


def score(number: float | None) -> str:
    """A score with two decimals, the usual OKR way (0.70)."""
    return NONE if number is None else f"{number:.2f}"


def confidence(state: Confidence | None) -> str:
    """A confidence in words; a dash in a table cell when none was given."""
    return confidence_words.word(state) if state is not None else NONE


def history(line: KRLine) -> tuple[str, ...]:
    """One symbol per weekly check-in of the quarter."""
    return tuple(confidence_words.symbol(c) for _, c in line.confidences)


def week_label(week: int | None) -> str:
    """A column header for a week."""
    return f"W{week}" if week is not None else "W?"


def status(state: CommitmentStatus) -> str:
    """A reviewed commitment's new status."""
    return STATUS_WORDS[state]


def action_row(line: CommitmentLine, reviewed: bool) -> tuple[str, ...]:
    """An action-items row: owner, what, kind, key result, due date and status."""
    if not line.text:
        gone = f"commitment {line.commitment_id} (its meeting is gone)"
        return (NONE, gone, NONE, NONE, NONE, action_status(line, reviewed))
    return (
        line.owner or NONE,
        line.text + sent_by(line.sent_by),
        line.kind or NONE,
        line.kr_title or NONE,
        line.due.isoformat() if line.due is not None else NONE,
        action_status(line, reviewed),
    )


def action_status(line: CommitmentLine, reviewed: bool) -> str:
    """`done`, `still open, overdue by 3 days`; a commitment just made is `open`."""
    base = status(line.status) if reviewed or line.status != "open" else "open"
    if line.overdue_days is None:
        return base
    return f"{base}, {overdue_words(line.overdue_days)}"


ISSUE_WORDS: dict[str | None, str] = {
    None: "not reviewed",
    "raised": "raised in this meeting",
    "kept": "kept open",
    "solved": "solved",
    "dropped": "dropped",
}


def issue_facts(line: IssueLine) -> str:
    """An issue's owner, age and what the meeting did with it, in words."""
    owner = f"{line.owner}, " if line.owner else ""
    age = "" if line.decision == "raised" else f"open {line.age}, "
    return f"{owner}{age}{ISSUE_WORDS[line.decision]}"


def issue_closed(line: IssueLine) -> tuple[str, str]:
    """An issue the meeting solved or dropped: its decision (`Solved`) and what it was,
    with the resolution line when one was given."""
    how = f": {line.resolution}" if line.resolution else ""
    return (line.decision or "").capitalize(), f"{line.text}{how}"


def sent_by(name: str) -> str:
    """` (sent by Ben Okafor)` after an entry a member sent as their own update; else ""."""
    return f" (sent by {name})" if name else ""


def said(member: str, text: str, sender: str = "") -> str:
    """An entry as the minutes list it: `Ben Okafor: text`, and who sent it when a member
    did (plain text: each format escapes it its own way)."""
    return (f"{member}: {text}" if member else text) + sent_by(sender)


def checkin_notes(view: MinutesView) -> tuple[tuple[str, str], ...]:
    """The check-in notes under the key results: (title, what was noted) for each check-in
    with a note or sent by a member, the sender named after the note."""
    return tuple(
        (k.kr.title, f"{k.note or 'checked in'}{sent_by(k.sent_by)}")
        for k in view.key_results
        if k.note or k.sent_by
    )
