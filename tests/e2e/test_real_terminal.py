"""okrtui in a real terminal (tmux): a whole weekly meeting by keys, and resizing mid-meeting.

The app runs as the installed `okrtui` command; the test reads the screen like a facilitator
does and only types once the screen shows the field is ready (keys typed before a focus change
lands go to the old field, in any terminal). Saved data is checked through `okrtui export`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from okrtui.domain.agenda import WEEKLY_AGENDA
from tests.e2e.support_plan import write_plan
from tests.e2e.tmux import Screen, Terminal, TmuxMissing

pytestmark = pytest.mark.e2e

OKRTUI = Path(sys.executable).parent / "okrtui"

MEMBERS = [("ivy", "Ivy Park"), ("jon", "Jon Reyes"), ("kim", "Kim Lund")]


def okrtui(folder: Path, *args: str) -> str:
    """Run the okrtui command on a data folder; its output (a failure shows stderr)."""
    result = subprocess.run(
        [str(OKRTUI), *args, "--data", str(folder)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"okrtui {' '.join(args)} failed: {result.stderr}"
    return result.stdout


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    """A fresh data folder holding only the Support team's plan for this quarter."""
    plan = write_plan(tmp_path, MEMBERS, ["kr-upsell", "kr-price"])
    folder = tmp_path / "data"
    okrtui(folder, "plan", "import", str(plan))
    return folder


@contextmanager
def app_in_terminal(folder: Path, width: int = 80, height: int = 24) -> Iterator[Terminal]:
    """okrtui on `folder` in a tmux terminal, on its home screen; tmux is gone afterwards."""
    try:
        terminal = Terminal([str(OKRTUI), "--data", str(folder)], width=width, height=height)
    except TmuxMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    with terminal:
        terminal.wait_for(
            lambda s: "Move 2,000 customers to premium support" in s and "w Weekly" in s.footer,
            what="the home screen with the Support team's plan",
        )
        yield terminal


def saved_session(folder: Path) -> dict[str, Any]:
    """The folder's only meeting, as `okrtui export --format json` writes it."""
    [row] = json.loads(okrtui(folder, "sessions", "--json"))
    return dict(json.loads(okrtui(folder, "export", row["id"], "--format", "json")))


def step_part(line: str) -> str:
    """The part of a meeting line right of the agenda sidebar."""
    return line.split("▕", 1)[-1]


def cursor_on(
    label: str, *, below: str | None = None, above: str | None = None
) -> Callable[[Screen], bool]:
    """The cursor (set by the focused input) is on the field labelled `label`, between anchors."""

    def check(screen: Screen) -> bool:
        row = screen.cursor[1]
        if label not in step_part(screen.cursor_line):
            return False
        rows = {i for i, line in enumerate(screen.lines) if below and below in line}
        if below and not any(r < row for r in rows):
            return False
        limits = [i for i, line in enumerate(screen.lines) if above and above in line]
        return not above or any(row < r for r in limits)

    return check


def fill(term: Terminal, label: str, text: str, *, first: bool = False, **anchors: str) -> None:
    """Wait until the field is focused, type `text`, and see it in the field.

    `first`: the step's first field, focused by the step change itself (the app places the
    terminal cursor only once the field is drawn, so there is nothing to wait for).
    """
    at_field = cursor_on(label, **anchors)
    if not first:
        term.wait_for(at_field, what=f"the cursor in the {label!r} field")
    term.type(text)
    term.wait_for(
        lambda s: at_field(s) and text in step_part(s.cursor_line),
        what=f"{text!r} in the {label!r} field",
    )


def confidence_then_note(term: Terminal, key: str, **anchors: str) -> None:
    """After a value's Enter: the cursor is in the note, where one digit (1-3) is the
    confidence (the footer at 80 columns has no room to show those keys)."""
    term.wait_for(cursor_on("Note", **anchors), what="the cursor in the note field")
    term.press(key)


def step_line(key: str, titled: bool = True) -> str:
    """The start of the meeting's step line for the weekly step `key` (its title's first
    words, which fit on any screen)."""
    keys = [step.key for step in WEEKLY_AGENDA]
    number = keys.index(key) + 1
    line = f"Step {number} of {len(keys)}"
    return f"{line}: {WEEKLY_AGENDA[number - 1].title[:16]}" if titled else line


def open_checkins(term: Terminal) -> None:
    """Start the weekly meeting and go to the check-in step, everyone present."""
    term.press("w")
    term.wait_for(step_line("attendance"))
    term.press("PageDown")
    term.wait_for(step_line("commitments_review", titled=False))
    term.press("PageDown")
    term.wait_for(step_line("checkins"))


def test_facilitator_holds_a_whole_weekly_meeting_in_a_real_terminal(team_folder: Path) -> None:
    with app_in_terminal(team_folder) as term:
        term.press("w")
        term.wait_for(lambda s: step_line("attendance") in s and "Present/a" in s.footer)

        # 1 Attendance: Kim is away; Ivy facilitates.
        term.press("Down", "Down", "Space")
        term.wait_for("[ ] Kim Lund  (absent)")
        term.press("BTab")
        fill(term, "Facilitator", "Ivy Park")
        term.press("Enter")
        term.wait_for("— facilitator")
        term.press("PageDown")
        term.wait_for(step_line("commitments_review"))
        term.press("PageDown")
        term.wait_for(step_line("checkins"))

        # 3 Check-ins, typed the way people say numbers.
        fill(term, "New value", "1,200", first=True, above="2. Keep")
        term.press("Enter")
        confidence_then_note(term, "1", above="2. Keep")
        fill(term, "Note", "Three renewals", above="2. Keep")
        term.press("Enter")
        fill(term, "New value", "$4,800", below="2. Keep")
        term.press("Enter")
        confidence_then_note(term, "2", below="2. Keep")
        screen = term.wait_for("holds the threshold")
        assert "60% · pace" in screen, "1,200 of 2,000 shows as 60% progress"
        term.press("PageDown")

        # 4 Contributions: Jon's, on KR 1, celebrated.
        term.wait_for(step_line("contributions"))
        fill(term, "Who", "jon", first=True)
        term.press("Enter")
        fill(term, "Key result", "1")
        term.press("Enter")
        fill(term, "What", "Sold 40 premium plans")
        term.press("Enter")
        term.wait_for("Jon Reyes: Sold 40 premium plans")
        term.press("BTab")
        term.wait_for(lambda s: "e Edit" in s.footer, what="the contributions list")
        term.press("Down", "c")
        term.wait_for("★ Jon Reyes: Sold 40 premium plans")
        term.press("PageDown")

        # 5 Experiences: Ivy's win.
        term.wait_for(step_line("experiences"))
        fill(term, "Kind", "w", first=True)
        term.press("Enter")
        fill(term, "Who", "ivy")
        term.press("Enter")
        fill(term, "What", "Premium demo converts")
        term.press("Enter")
        term.wait_for("Premium demo converts (Ivy Park)")

        # No open issues from earlier meetings; 6 no training this week; 7 Jon's target on
        # KR 1, due in a week.
        term.press("PageDown")
        term.wait_for(step_line("open_issues"))
        term.press("PageDown")
        term.wait_for(step_line("training"))
        term.press("PageDown")
        term.wait_for(step_line("next_week"))
        fill(term, "Owner", "jon", first=True)
        term.press("Enter")
        fill(term, "What", "Call 30 customers")
        term.press("Enter")
        term.wait_for(cursor_on("Kind"), what="the cursor in the kind (a target)")
        term.press("Enter")
        fill(term, "Key result", "1")
        term.press("Enter")
        term.wait_for(cursor_on("Due"), what="the cursor in the due date")
        term.press("Enter")
        term.wait_for("Jon Reyes: Call 30 customers (due")

        # 8 Wrap-up: summary, ratings 8 and 9, finish; the minutes show.
        term.press("PageDown")
        term.wait_for(step_line("wrap_up"))
        fill(term, "Summary", "Premium is selling", first=True)
        term.press("Enter")
        term.wait_for("— summary")
        term.press("8")
        term.wait_for(" 8  Ivy Park")
        term.press("9")
        term.wait_for(" 9  Jon Reyes")
        term.press("f")
        term.wait_for("Nothing was entered in: Mini-training.")
        term.press("y")
        shown = term.wait_for("Support — weekly meeting, week")
        assert "Absent: Kim Lund" in shown
        assert "Rating: 8.5 / 10" in shown
        term.press("C-q")
        assert term.wait_for_exit() == 0

    minutes = saved_session(team_folder)
    session = minutes["session"]
    assert session["status"] == "completed"
    assert session["kind"] == "weekly"
    assert session["team_id"] == "support"
    assert session["facilitator"] == "Ivy Park"
    assert session["present_ids"] == ["ivy", "jon"]
    assert minutes["absent"] == ["Kim Lund"]
    checkins = {c["kr_id"]: (c["value"], c["confidence"], c["note"]) for c in session["checkins"]}
    assert checkins == {
        "kr-upsell": (1200, "on_track", "Three renewals"),
        "kr-price": (4800, "at_risk", ""),
    }
    assert [
        (c["member_id"], c["kr_id"], c["text"], c["celebrated"]) for c in session["contributions"]
    ] == [("jon", "kr-upsell", "Sold 40 premium plans", True)]
    assert [(n["kind"], n["member_id"], n["text"]) for n in session["notes"]] == [
        ("win", "ivy", "Premium demo converts")
    ]
    week_later = (date.fromisoformat(session["date"]) + timedelta(days=7)).isoformat()
    assert [
        (c["kind"], c["owner_id"], c["text"], c["kr_id"], c["due"], c["status"])
        for c in session["commitments"]
    ] == [("target", "jon", "Call 30 customers", "kr-upsell", week_later, "open")]
    assert session["ratings"] == {"ivy": 8, "jon": 9}
    assert session["summary"] == "Premium is selling"
    assert session["trainings"] == []


def assert_whole_screen(screen: Screen, width: int, height: int) -> None:
    """The meeting fills exactly this terminal: header on top, footer at the bottom edge."""
    assert (screen.width, screen.height) == (width, height), str(screen)
    assert len(screen.lines) == height, str(screen)
    assert screen.overflowing_lines() == [], str(screen)
    assert screen.lines[0].lstrip().startswith("Support weekly"), str(screen)
    assert "Meeting " in screen.lines[0], f"the meeting clock is cut off:\n{screen}"
    assert step_line("checkins") in screen, str(screen)
    footer = screen.footer.rstrip()
    assert "pgdn Next step" in footer, str(screen)
    # The palette hint is drawn at the right edge of *this* width: the frame was redrawn.
    assert footer.endswith("^p palette") and cell_len(footer) >= width - 2, str(screen)


def resize(term: Terminal, width: int, height: int) -> Screen:
    """Resize the terminal and wait until the app has redrawn for the new size."""
    term.resize(width, height)
    return term.wait_for(
        lambda s: (
            (s.width, s.height) == (width, height)
            and s.footer.rstrip().endswith("^p palette")
            and cell_len(s.footer.rstrip()) >= width - 2
        ),
        what=f"the app redrawn at {width}x{height}",
    )


def test_resizing_mid_checkin_loses_nothing_typed_and_draws_inside_the_screen(
    team_folder: Path,
) -> None:
    with app_in_terminal(team_folder) as term:
        open_checkins(term)
        fill(term, "New value", "1,200", first=True, above="2. Keep")
        term.press("Enter")
        confidence_then_note(term, "2", above="2. Keep")
        fill(term, "Note", "Half way", above="2. Keep")  # typed, not yet committed

        big = resize(term, 200, 60)
        assert_whole_screen(big, 200, 60)
        assert "^q Quit" in big.footer, "the wide footer has room for every key"
        assert "New value  1,200" in big and "Note       Half way" in big
        term.type(" and rising")
        term.wait_for("Note       Half way and rising")

        small = resize(term, 80, 24)
        assert_whole_screen(small, 80, 24)
        assert "^q Quit" not in small.footer, "nothing left over from the wide frame"
        assert "New value  1,200" in small and "Note       Half way and rising" in small
        term.press("Enter")
        fill(term, "New value", "$4,9", below="2. Keep")  # half a number, then resize twice

        assert_whole_screen(resize(term, 200, 60), 200, 60)
        assert_whole_screen(resize(term, 80, 24), 80, 24)
        term.type("00")
        term.wait_for("New value  $4,900")
        term.press("Enter")
        confidence_then_note(term, "3", below="2. Keep")
        screen = term.wait_for("holds the threshold")
        assert "60% · pace" in screen
        term.press("C-q")
        assert term.wait_for_exit() == 0

    session = saved_session(team_folder)["session"]
    assert session["status"] == "in_progress"
    checkins = {c["kr_id"]: (c["value"], c["confidence"], c["note"]) for c in session["checkins"]}
    assert checkins == {
        "kr-upsell": (1200, "at_risk", "Half way and rising"),
        "kr-price": (4900, "off_track", ""),
    }
