"""Numbers and states of the minutes as words, shared by the Markdown and HTML renderers."""

from __future__ import annotations

from datetime import date

from okrtui.domain import confidence as confidence_words
from okrtui.domain import kr_words
from okrtui.domain.meeting import all_ratings
from okrtui.domain.models import CommitmentStatus, Confidence, Session
from okrtui.minutes.lines import CommitmentLine, ContributionGroup, KRLine
from okrtui.minutes.view import MinutesView

NONE = kr_words.NONE
CONFIDENCE_LEGEND = confidence_words.legend()
STATUS_WORDS: dict[str, str] = {"open": "still open", "done": "done", "dropped": "dropped"}
WEEKLY_KR_HEADER = ("Key result", "Previous", "Value", "Target", "Progress", "Change", "Confidence")
# A review looks at the whole quarter: where each key result began, ended, and what it scored.
QUARTER_KR_HEADER = ("Key result", "First", "Final", "Target", "Change", "Score", "Band")


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


def quarter_change(line: KRLine) -> str:
    """The change over the quarter, from its first check-in to its final value, signed."""
    return kr_words.change(line.kr, line.quarter_change)


def trainings_total(view: MinutesView) -> str:
    """How many trainings and how many minutes in all, as the review step says it."""
    count = len(view.trainings)
    trainings = "1 training" if count == 1 else f"{count} trainings"
    return f"{trainings}, {view.training_minutes} minutes"


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
    """A quarterly key-result row: first and final value, change, score and band."""
    score_line = line.score
    return (
        line.kr.title,
        kr_words.value(line.kr, line.first),
        kr_words.value(line.kr, line.final),
        kr_words.target(line.kr),
        quarter_change(line),
        score(score_line.used if score_line is not None else None),
        score_line.band if score_line is not None else "",
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


def commitment_facts(line: CommitmentLine) -> str:
    """Kind, key result and due date of a commitment, in brackets after its text."""
    parts = ["target" if line.kind == "target" else "action"] if line.kind else []
    if line.kr_title:
        parts.append(line.kr_title)
    if line.due is not None:
        parts.append(f"due {line.due.isoformat()}")
    return "; ".join(parts)


def status(state: CommitmentStatus) -> str:
    """A reviewed commitment's new status."""
    return STATUS_WORDS[state]


def sent_by(name: str) -> str:
    """` (sent by Ben Okafor)` after an entry a member sent as their own update; else ""."""
    return f" (sent by {name})" if name else ""
