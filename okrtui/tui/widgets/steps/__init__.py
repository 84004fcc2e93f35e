"""Agenda step widgets, looked up by step key (see `base.py` for how to add one)."""

from __future__ import annotations

from okrtui.domain.agenda import Step
from okrtui.tui.widgets.quarterly.registry import QUARTERLY_STEP_WIDGETS
from okrtui.tui.widgets.steps.attendance import AttendanceStep
from okrtui.tui.widgets.steps.base import MeetingContext, StepWidget, UnavailableStep
from okrtui.tui.widgets.steps.checkins import CheckInsStep
from okrtui.tui.widgets.steps.commitments_review import CommitmentsReviewStep
from okrtui.tui.widgets.steps.contributions import ContributionsStep
from okrtui.tui.widgets.steps.experiences import ExperiencesStep
from okrtui.tui.widgets.steps.next_week import NextWeekStep
from okrtui.tui.widgets.steps.training import TrainingStep
from okrtui.tui.widgets.steps.wrap_up import WrapUpStep

# Step key (okrtui.domain.agenda) → the widget that runs it. Quarterly steps go here too.
STEP_WIDGETS: dict[str, type[StepWidget]] = {
    "attendance": AttendanceStep,
    "commitments_review": CommitmentsReviewStep,
    "checkins": CheckInsStep,
    "contributions": ContributionsStep,
    "experiences": ExperiencesStep,
    "training": TrainingStep,
    "next_week": NextWeekStep,
    "wrap_up": WrapUpStep,
    **QUARTERLY_STEP_WIDGETS,
}


def step_widget(step: Step, context: MeetingContext) -> StepWidget:
    """The widget for an agenda step, or a clear placeholder when there is none yet."""
    return STEP_WIDGETS.get(step.key, UnavailableStep)(context, step)


__all__ = ["STEP_WIDGETS", "MeetingContext", "StepWidget", "UnavailableStep", "step_widget"]
