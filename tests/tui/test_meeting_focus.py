"""Where the cursor is in a meeting: always visible and predictable, at 80×24 and 200×60.

Entering a step puts the cursor where typing starts; Escape from a field goes to the step's
list with a row highlighted; a focused list always has one; confidence is one digit after
the value and never swallows a digit typed into it; ctrl+g lands where the step's work
is; ? opens the keys outside fields (F1 inside); keys typed in a burst land field by field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList

from okrtui.domain.agenda import agenda
from okrtui.store import Repository
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.screens.help import HelpScreen
from okrtui.tui.widgets.steps import StepWidget
from okrtui.tui.widgets.steps.checkin_card import ConfidencePicker
from okrtui.tui.widgets.text_box import TextBox
from tests.quick_keys import burst
from tests.tui.meeting_helpers import HeldMeeting, holding_meeting

SIZES = [(80, 24), (200, 60)]
SIZE_IDS = ["80x24", "200x60"]


def on_screen(held: HeldMeeting, widget: Widget) -> bool:
    """The widget is drawn inside its step's visible area."""
    step = held.screen.query_one(f"#step-{held.screen.step.key}", StepWidget)
    region = widget.region
    return region.area > 0 and step.region.contains_region(region)


def focused_in_step(held: HeldMeeting) -> Widget:
    """The focused widget, which must be inside the step on screen and visible."""
    focused = held.app.focused
    step = held.screen.query_one(f"#step-{held.screen.step.key}", StepWidget)
    assert focused is not None, f"{step.step.key}: nothing has the focus"
    assert step in focused.ancestors, f"{step.step.key}: focus on {focused!r}, outside the step"
    assert on_screen(held, focused), f"{step.step.key}: {focused!r} is not on screen"
    return focused


def first_field(step: StepWidget) -> Widget:
    """The first field of the step, top to bottom."""
    return next(w for w in step.query("*") if isinstance(w, Input | TextBox) and w.focusable)


def assert_highlighted(listing: OptionList) -> None:
    assert listing.highlighted is not None, f"{listing!r} has the focus but no row highlighted"
    assert not listing.get_option_at_index(listing.highlighted).disabled


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_entering_each_step_focuses_where_typing_starts(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, size=size) as held:
        for step in agenda("weekly"):
            screen = await held.go_to(step.key)
            await held.pilot.pause()
            focused = focused_in_step(held)
            widget = screen.query_one(f"#step-{step.key}", StepWidget)
            if isinstance(focused, OptionList):  # a step whose work is on its list
                if focused.option_count:  # (an empty one, as open issues without any, has none)
                    assert_highlighted(focused)
            else:
                assert focused is first_field(widget), f"{step.key}: starts in {focused!r}"


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_escape_and_shift_tab_reach_the_list_with_a_row_highlighted(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, step="contributions", size=size) as held:
        pilot = held.pilot
        await pilot.press(*"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
        await pilot.press(*"che")
        await pilot.press("escape")
        listing = held.screen.query_one("#step-contributions .entries", OptionList)
        assert focused_in_step(held) is listing
        assert_highlighted(listing)
        await pilot.press("c")  # the highlighted row is the one its keys act on
        assert held.session.contributions[0].celebrated
        await pilot.press("tab")  # into the form, emptied by Escape
        who = held.screen.query_one("#contrib-member", Input)
        assert focused_in_step(held) is who and who.value == ""
        listing.highlighted = None
        await pilot.press("shift+tab")
        assert focused_in_step(held) is listing
        assert_highlighted(listing)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_confidence_is_one_digit_after_the_value_and_digits_stay_in_fields(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, step="checkins", size=size) as held:
        pilot = held.pilot
        screen = held.screen
        assert not screen.query_one(ConfidencePicker).focusable
        await pilot.press(*"123", "tab")  # digits typed into the value are the value's
        assert screen.query_one("#value-1", Input).value == "123"
        assert focused_in_step(held) is screen.query_one("#note-1", Input)
        await pilot.press(*"2 deals", "shift+tab", "ctrl+u", *"250", "enter")
        assert focused_in_step(held) is screen.query_one("#note-1", Input)  # not the row
        await pilot.press("2")  # right after the value: the confidence
        await pilot.press("end", *" 3 more", "enter")
        checkin = held.saved().checkin("kr-tier1")
        assert checkin is not None
        assert (checkin.value, checkin.confidence, checkin.note) == (
            250,
            "at_risk",
            "2 deals 3 more",
        )
        assert focused_in_step(held) is screen.query_one("#value-2", Input)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_go_to_wrap_up_lands_where_f_finishes(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, step="wrap_up", size=size) as held:
        pilot = held.pilot
        await pilot.press(*"Tier 1 ahead", "enter")
        await held.go_to("contributions")
        screen = await held.go_to("wrap_up")
        await pilot.pause()
        ratings = screen.query_one("#ratings-list", OptionList)
        assert focused_in_step(held) is ratings
        assert_highlighted(ratings)
        session_id = held.session.id
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(held.app.screen, ConfirmDialog), "f asks to finish the meeting"
        assert held.saved(session_id).summary == "Tier 1 ahead"  # no "f" typed into it


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_question_mark_opens_the_keys_outside_fields_and_types_inside(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, step="contributions", size=size) as held:
        pilot = held.pilot
        shown = {b.binding.key for b in held.screen.active_bindings.values() if b.binding.show}
        assert "f1" in shown and "question_mark" not in shown, "in a field the footer says F1"
        await pilot.press("question_mark")
        assert held.screen.query_one("#contrib-member", Input).value == "?"
        await pilot.press("ctrl+u")
        await held.go_to("attendance")  # on its list
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(held.app.screen, HelpScreen)


BURST = [*"Ben", "tab", "1", "tab", *"Closed 12 upgrades", "enter"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_a_contribution_typed_in_one_press_lands_field_by_field(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, step="contributions", size=size) as held:
        await held.pilot.press(*BURST)
        await held.pilot.pause()
        saved = [(c.member_id, c.kr_id, c.text) for c in held.saved().contributions]
        assert saved == [("ben", "kr-tier1", "Closed 12 upgrades")]


async def test_a_contribution_typed_in_a_burst_lands_field_by_field(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="contributions") as held:
        burst(held.app, BURST)
        for _ in range(50):  # bounded: until the burst's Enter has added the entry
            await held.pilot.pause()
            if held.session.contributions:
                break
        saved = [(c.member_id, c.kr_id, c.text) for c in held.saved().contributions]
        assert saved == [("ben", "kr-tier1", "Closed 12 upgrades")]
        form = [
            held.screen.query_one(f"#{f}", Input).value for f in ("contrib-member", "contrib-kr")
        ]
        assert form == ["", ""]


async def test_a_paragraph_is_typed_with_ctrl_j_and_committed_with_enter(
    demo_folder: Path,
) -> None:
    async with holding_meeting(demo_folder, step="wrap_up") as held:
        pilot = held.pilot
        await pilot.press(*"Tier 1 ahead.", "ctrl+j", *"Portal late.", "shift+enter", *"Ok")
        await pilot.press("enter")
        assert held.saved().summary == "Tier 1 ahead.\nPortal late.\nOk"
        assert focused_in_step(held) is held.screen.query_one("#ratings-list", OptionList)


async def test_a_paragraph_box_keeps_the_models_limit(demo_folder: Path) -> None:
    async with holding_meeting(demo_folder, step="wrap_up") as held:
        box = held.screen.query_one("#summary", TextBox)
        limit = box.rules.max_length
        assert limit is not None
        box.post_message(events.Paste("x" * (limit + 5)))
        await held.pilot.pause()
        assert len(box.text) == limit
        error = held.screen.query_one("#summary-error")
        assert f"at most {limit} characters" in str(error.render())
        box.value = ""
        box.post_message(events.Paste("ok\x1b[31m"))
        await held.pilot.pause()
        assert box.text == "" and "control character" in str(error.render())
        assert Repository.open(held.folder).session(held.session.id).summary == ""
