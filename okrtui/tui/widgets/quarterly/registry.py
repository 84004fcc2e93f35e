"""The quarterly steps by agenda key, merged into `step_registry.STEP_WIDGETS`."""

from __future__ import annotations

from okrtui.tui.widgets.quarterly.contributions_rollup import ContributionsRollupStep
from okrtui.tui.widgets.quarterly.next_quarter import NextQuarterStep
from okrtui.tui.widgets.quarterly.objective_scores import ObjectiveScoresStep
from okrtui.tui.widgets.quarterly.quarter_numbers import QuarterNumbersStep
from okrtui.tui.widgets.quarterly.retrospective import RetrospectiveStep
from okrtui.tui.widgets.quarterly.scores import ScoresStep
from okrtui.tui.widgets.quarterly.trainings_held import TrainingsHeldStep
from okrtui.tui.widgets.steps.base import StepWidget

# Attendance and wrap-up are shared with the weekly meeting and registered there.
QUARTERLY_STEP_WIDGETS: dict[str, type[StepWidget]] = {
    "quarter_numbers": QuarterNumbersStep,
    "scores": ScoresStep,
    "objective_scores": ObjectiveScoresStep,
    "contributions_rollup": ContributionsRollupStep,
    "trainings_held": TrainingsHeldStep,
    "retrospective": RetrospectiveStep,
    "next_quarter": NextQuarterStep,
}
