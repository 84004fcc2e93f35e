"""The key budget: a typical weekly meeting, played in a real terminal, in at most 65 keys.

Text typed into fields (names, values, notes, and what a field asks for as a letter or a
number: an experience's kind `w`, a key result's `1`) is not counted; every other key is:
Enter, Tab, PageDown, the arrows, and the one-letter keys that act outside a field (a
confidence digit, a rating, `c` to celebrate, `f` to finish). The meeting is the README's
"fastest way through".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from okrtui.services.facilitators import remember_facilitator
from okrtui.store import Repository
from tests.e2e.support_plan import write_plan
from tests.e2e.test_real_terminal import (
    app_in_terminal,
    okrtui,
    saved_session,
    step_part,
)
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

KEY_BUDGET = 65

MEMBERS = ["Ivy Park", "Jon Reyes", "Kim Lund", "Lea Moss", "Max Ortiz", "Noa Berg"]


@pytest.fixture
def six_person_team(tmp_path: Path) -> Path:
    """Six members, four key results, and last week's facilitator remembered."""
    members = [(name.split()[0].lower(), name) for name in MEMBERS]
    plan = write_plan(tmp_path, members, ["kr-upsell", "kr-price", "kr-nps", "kr-churn"])
    folder = tmp_path / "data"
    okrtui(folder, "plan", "import", str(plan))
    remember_facilitator(Repository.open(folder), "support", "Ivy Park")
    return folder


def type_value(term: Terminal, label: str, text: str) -> None:
    """Type into the focused field and wait for `label` showing `text`.

    For fields of a card scrolled into view: there the terminal cursor is not always where
    the field is (Textual places it on the next redraw), so it is not waited for.
    """
    term.type(text)
    term.wait_for(
        lambda s: any(
            label in line and text in line.split(label, 1)[1]
            for line in (step_part(line) for line in s.lines)
        ),
        what=f"{text!r} in a {label!r} field",
    )


def next_step(term: Terminal, title: str) -> None:
    """PageDown, and wait for the step's title."""
    term.press("PageDown")
    term.wait_for(title)


def entry(term: Terminal, fields: list[tuple[str, str]], shown: str) -> None:
    """Fill a step's form field by field (Enter after each; a blank keeps the field's
    default) and wait for the entry listed."""
    for label, text in fields:
        if text:
            type_value(term, label, text)
        term.press("Enter")
    term.wait_for(shown)


def test_a_typical_weekly_meeting_takes_at_most_65_keys(six_person_team: Path) -> None:
    with app_in_terminal(six_person_team) as term:
        term.press("w")
        term.wait_for(lambda s: "Step 1 of 9: Attendance" in s and "Present/a" in s.footer)

        # Attendance: Kim is away, Raj joins as a guest; Ivy facilitates as last week.
        term.press("Down", "Down", "Space")
        term.wait_for("[ ] Kim Lund  (absent)")
        term.press("Tab")
        type_value(term, "Guest", "Raj")
        term.press("Enter")
        term.wait_for("Raj  (guest)")
        next_step(term, "Step 2 of 9: Last week's commitments")
        next_step(term, "Step 3 of 9: Key-result check-ins")

        # Four check-ins: value, confidence, note.
        for value, confidence, note in [
            ("1,200", "1", "Three renewals"),
            ("$4,800", "2", "Discounts"),
            ("41", "1", "Survey in"),
            ("6.5", "3", "Two big losses"),
        ]:
            # Enter moved the focus before the next key is read: the value goes to this card.
            type_value(term, "New value", value)
            # Enter saves the value and readies the note for a confidence digit; the digit
            # typed right after it is the confidence (keys are applied in order).
            term.press("Enter", confidence)
            type_value(term, "Note", note)
            term.press("Enter")
        term.wait_for("— check-in")
        next_step(term, "Step 4 of 9: Contributions")

        # Three contributions; Jon's is celebrated from the list.
        for who, kr, what in [
            ("jon", "1", "Sold 40 premium plans"),
            ("lea", "3", "Ran the NPS survey"),
            ("max", "4", "Saved two accounts"),
        ]:
            entry(term, [("Who", who), ("Key result", kr), ("What", what)], what)
        term.press("BTab")
        term.wait_for(lambda s: "e Edit" in s.footer, what="the contributions list")
        term.press("c")  # shift+Tab starts the list on its first entry: Jon's
        term.wait_for("★ Jon Reyes: Sold 40 premium plans")
        next_step(term, "Step 5 of 9: Experiences")

        # Two experiences.
        entry(
            term,
            [("Kind", "w"), ("Who", "ivy"), ("What", "Premium demo converts")],
            "demo",
        )
        # The step's last entry needs no Enter: PageDown keeps a complete entry in the form.
        for label, text in [("Kind", "l"), ("Who", "noa")]:
            type_value(term, label, text)
            term.press("Enter")
        type_value(term, "What", "Ask before discounting")
        # No issue is open yet in a new team: the step is passed.
        next_step(term, "Step 6 of 9: Open issues")
        next_step(term, "Step 7 of 9: Mini-training")

        # One training, by Ivy, everyone present attending (the defaults).
        entry(
            term,
            [
                ("Topic", "Objection handling"),
                ("Presenter", "ivy"),
                ("Minutes", ""),
                ("Attendees", ""),
                ("Notes", "Role play"),
            ],
            "Objection handling — Ivy Park",
        )
        next_step(term, "Step 8 of 9: Next week's targets")

        # Two commitments, due in a week (the default).
        for owner, what, kr in [("jon", "Call 30 customers", "1"), ("kim", "Fix the form", "")]:
            fields = [
                ("Owner", owner),
                ("What", what),
                ("Kind", ""),
                ("Key result", kr),
                ("Due", ""),
            ]
            entry(term, fields, what)
        next_step(term, "Step 9 of 9: Wrap-up")

        # Summary and six ratings, then finish.
        type_value(term, "Summary", "Premium is selling")
        term.press("Enter")
        term.wait_for("— summary")
        for rating, who in zip("879868", [*MEMBERS[:2], *MEMBERS[3:], "Raj"], strict=True):
            term.press(rating)
            term.wait_for(f" {rating}  {who}")
        term.press("f")
        shown = term.wait_for("Support — weekly meeting, week")
        keys = list(term.pressed)
        term.press("C-q")
        assert term.wait_for_exit() == 0

    assert len(keys) <= KEY_BUDGET, f"{len(keys)} keys: {keys}"
    assert "Absent: Kim Lund" in shown
    session = saved_session(six_person_team)["session"]
    assert session["status"] == "completed"
    assert session["facilitator"] == "Ivy Park"
    assert session["guests"] == ["Raj"]
    assert [c["confidence"] for c in session["checkins"]] == [
        "on_track",
        "at_risk",
        "on_track",
        "off_track",
    ]
    assert [c["note"] for c in session["checkins"]] == [
        "Three renewals",
        "Discounts",
        "Survey in",
        "Two big losses",
    ]
    assert [c["celebrated"] for c in session["contributions"]] == [True, False, False]
    assert len(session["notes"]) == 2
    assert len(session["trainings"]) == 1
    assert len(session["commitments"]) == 2
    assert session["summary"] == "Premium is selling"
    assert len(session["ratings"]) + len(session["guest_ratings"]) == 6
