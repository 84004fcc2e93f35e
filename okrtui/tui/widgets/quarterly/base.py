"""What every quarterly review step shares: the reviewed key results, their paths, the styles."""

from __future__ import annotations

from pathlib import Path

from okrtui.domain.models import Objective, Session
from okrtui.domain.quarter_rollup import rollup_sessions
from okrtui.domain.quarterly import (
    KRQuarterPath,
    quarter_paths,
    quarter_sessions,
    reviewed_objectives,
)
from okrtui.tui.widgets.steps.base import StepWidget


class QuarterlyStep(StepWidget):
    """Base of the quarterly steps: reads the quarter's weekly meetings from the context."""

    # The meeting screen's stylesheet belongs to the weekly engineer; these steps bring their
    # own, kept in a .tcss file beside them.
    DEFAULT_CSS = Path(__file__).with_name("quarterly.tcss").read_text(encoding="utf-8")

    @property
    def quarter(self) -> str:
        """The quarter under review."""
        return self.context.session.quarter

    def objectives(self) -> list[Objective]:
        """The objectives and key results under review, as they stood when the review began."""
        return reviewed_objectives(self.context.session)

    def weekly_sessions(self) -> list[Session]:
        """The team's weekly meetings of the quarter under review, oldest first."""
        return quarter_sessions(self.context.earlier, self.context.session.team_id, self.quarter)

    def rollup_sessions(self) -> list[Session]:
        """The sessions the review rolls up (as its minutes do): the weekly meetings, then itself."""
        return rollup_sessions(self.context.session, self.context.earlier)

    def paths(self) -> list[KRQuarterPath]:
        """Every reviewed key result's path over the quarter."""
        return quarter_paths(self.quarter, self.objectives(), self.weekly_sessions())
