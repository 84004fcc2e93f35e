"""Labels are never cut, at 80×24 and 200×60, and a refused commit shows its message.

A form's label column fits its longest label, or labels go above their fields when the step
is too narrow for both; labels above lists wrap.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, Label, OptionList

from okrtui.domain.agenda import agenda
from okrtui.domain.models import SessionKind
from okrtui.tui.widgets.steps import StepWidget
from okrtui.tui.widgets.steps.base import FieldRow
from tests.tui.meeting_helpers import HeldMeeting, error_text, holding_meeting

SIZES = [(80, 24), (200, 60)]
SIZE_IDS = ["80x24", "200x60"]


def shown(label: Label) -> bool:
    """The label is displayed (not in a part of the step hidden for now)."""
    return label.display and all(node.display for node in label.ancestors_with_self[:-2])


def cut_labels(step: StepWidget) -> list[str]:
    """Every label of the step whose text does not fit the room it has."""
    cut = []
    width = step.scrollable_content_region.width
    for row in step.query(FieldRow):
        label = row.query_one(".field-row-label", Label)
        need = cell_len(row.label_text)
        room = label.size.width * label.size.height
        beside = not row.has_class("-stacked")
        if room < need or (beside and label.size.width < need) or row.size.width > width:
            cut.append(row.label_text)
    for label in step.query(".field-label").results(Label):
        text = str(label.render())
        if shown(label) and label.size.width * label.size.height < cell_len(text):
            cut.append(text)
    return cut


async def visit(held: HeldMeeting, kind: SessionKind) -> dict[str, list[str]]:
    """Every step's cut labels, by step key."""
    found = {}
    for step in agenda(kind):
        screen = await held.go_to(step.key)
        await held.pilot.pause()
        widget = screen.query_one(f"#step-{step.key}", StepWidget)
        found[step.key] = cut_labels(widget)
    return found


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_no_label_of_a_weekly_step_is_cut(demo_folder: Path, size: tuple[int, int]) -> None:
    async with holding_meeting(demo_folder, size=size) as held:
        cut = await visit(held, "weekly")
    assert {key: labels for key, labels in cut.items() if labels} == {}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_no_label_of_a_quarterly_step_is_cut(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, "quarterly", size=size) as held:
        cut = await visit(held, "quarterly")
    assert {key: labels for key, labels in cut.items() if labels} == {}


async def test_long_labels_go_above_their_fields_only_when_the_step_is_narrow(
    demo_folder: Path,
) -> None:
    stacked = {}
    async with holding_meeting(demo_folder, "quarterly", step="scores", size=SIZES[0]) as held:
        for size in SIZES:  # the terminal is made larger: the labels go beside their fields
            await held.pilot.resize_terminal(*size)
            await held.pilot.pause()
            rows = list(held.screen.query("#step-scores FieldRow").results(FieldRow))
            stacked[size] = {row.label_text: row.has_class("-stacked") for row in rows}
    reason = "Why the computed score is not right (required for an override)"
    assert stacked[(80, 24)][reason] is True
    assert stacked[(200, 60)][reason] is False


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_an_override_refused_for_want_of_a_reason_shows_why_on_screen(
    demo_folder: Path, size: tuple[int, int]
) -> None:
    async with holding_meeting(demo_folder, "quarterly", step="scores", size=size) as held:
        pilot = held.pilot
        screen = held.screen
        step = screen.query_one("#step-scores", StepWidget)
        assert held.app.focused is screen.query_one("#score-list", OptionList)
        await pilot.press("o", *"0.6", "enter", "enter")  # the score, then no reason
        await pilot.pause()
        await pilot.pause()
        message = error_text(screen, "override-rationale")
        assert message, "the refusal says why"
        error = screen.query_one("#override-rationale-error")
        assert error.region.area and step.region.contains_region(error.region), (
            f"the message is off screen: {error.region} outside {step.region}"
        )
        assert held.app.focused is screen.query_one("#override-rationale", Input)
