"""The okrtui Textual app: holds the repository, the clock and the chosen team; routes screens.

Screens reach the repository through `self.app.repository`; they never touch TinyDB.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from okrtui.store import Repository
from okrtui.tui.screens.home import HomeScreen


class OkrApp(App[None]):
    """The facilitator's app."""

    TITLE = "okrtui"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(
        self,
        repository: Repository,
        today: date | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.today = today or date.today()
        # Meetings time their steps with this clock; tests pass a fake one.
        self.clock: Callable[[], datetime] = clock or datetime.now
        # The team chosen on the home screen; meetings and history start from it.
        self.team_id: str | None = None

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())

    # The actions below are the app's public verbs: the home screen's keys and the command
    # palette both call them. Each hands over to the module that owns that part of the app.

    def action_start_weekly_meeting(self) -> None:
        """Start (or resume) the chosen team's weekly meeting."""
        from okrtui.tui.screens.meeting import open_meeting

        if self.team_id is not None:
            open_meeting(self, self.team_id, "weekly")

    def action_start_quarterly_review(self) -> None:
        """Start (or resume) the chosen team's quarterly review."""
        from okrtui.tui.screens.meeting import open_meeting

        if self.team_id is not None:
            open_meeting(self, self.team_id, "quarterly")

    def action_browse_history(self) -> None:
        """Open the past sessions."""
        from okrtui.tui.screens.history import open_history

        open_history(self, self.team_id)

    def action_export_minutes(self) -> None:
        """Export minutes of a session."""
        from okrtui.tui.dialogs.export import open_export

        open_export(self, None)
