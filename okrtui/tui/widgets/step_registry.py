"""Every agenda step's widget by step key, weekly and quarterly: what the meeting screen runs.

It sits above both step packages, which import only the step framework (`steps.base`), so
any of their modules can be imported first.
"""

from __future__ import annotations

from okrtui.domain.agenda import Step
from okrtui.tui.widgets.quarterly.registry import QUARTERLY_STEP_WIDGETS
from okrtui.tui.widgets.steps.attendance import AttendanceStep
from okrtui.tui.widgets.steps.base import MeetingContext, Recorder, StepWidget, UnavailableStep
from okrtui.tui.widgets.steps.checkins import CheckInsStep
from okrtui.tui.widgets.steps.commitments_review import CommitmentsReviewStep
from okrtui.tui.widgets.steps.contributions import ContributionsStep
from okrtui.tui.widgets.steps.discussion import DiscussionStep
from okrtui.tui.widgets.steps.experiences import ExperiencesStep
from okrtui.tui.widgets.steps.next_week import NextWeekStep
from okrtui.tui.widgets.steps.open_issues import OpenIssuesStep
from okrtui.tui.widgets.steps.training import TrainingStep
from okrtui.tui.widgets.steps.wrap_up import WrapUpStep

# Step key (okrtui.domain.agenda) → the widget that runs it.
STEP_WIDGETS: dict[str, type[StepWidget]] = {
    "attendance": AttendanceStep,
    "commitments_review": CommitmentsReviewStep,
    "checkins": CheckInsStep,
    "contributions": ContributionsStep,
    "experiences": ExperiencesStep,
    "open_issues": OpenIssuesStep,
    "training": TrainingStep,
    "next_week": NextWeekStep,
    "wrap_up": WrapUpStep,
    **QUARTERLY_STEP_WIDGETS,
}


def step_widget(step: Step, context: MeetingContext, recorder: Recorder) -> StepWidget:
    """The widget for an agenda step (saving through `recorder`), or a clear placeholder."""
    if step.discussion:  # the team's own steps, each with a key of its own: one widget
        return DiscussionStep(context, step, recorder)
    return STEP_WIDGETS.get(step.key, UnavailableStep)(context, step, recorder)


__all__ = ["STEP_WIDGETS", "step_widget"]
