"""The weekly agenda's step widgets and the step framework every step derives from.

See `base.py` for how to add a step; `okrtui.tui.widgets.step_registry` maps step keys to
widgets. This package imports nothing of the quarterly steps, which build on its framework.
"""

from __future__ import annotations

from okrtui.tui.widgets.steps.base import MeetingContext, Recorder, StepWidget, UnavailableStep

__all__ = ["MeetingContext", "Recorder", "StepWidget", "UnavailableStep"]
