"""The command palette's okrtui commands: every home action and the theme switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


class OkrCommands(Provider):
    """Start meetings, browse history, edit the plan, export, switch theme, show keys."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("OkrApp", self.app)
        theme = "Switch to light theme" if app.dark else "Switch to dark theme"
        return [
            (
                "Start weekly meeting",
                "Run this week's meeting, or continue it (w)",
                app.action_start_weekly_meeting,
            ),
            (
                "Start another weekly meeting",
                "A second meeting for this week (asks first)",
                app.action_start_another_weekly_meeting,
            ),
            (
                "Start quarterly review",
                "Score the quarter's key results (r)",
                app.action_start_quarterly_review,
            ),
            ("Browse past sessions", "Past meetings and KR trends (h)", app.action_browse_history),
            ("Edit plan", "Teams, members, objectives and key results (p)", app.action_edit_plan),
            (
                "Export minutes",
                "Minutes as Markdown, HTML, JSON or PDF (e)",
                app.action_export_minutes,
            ),
            (
                "My update",
                "Your check-in, contribution, experience or target for the meeting (u)",
                app.action_my_update,
            ),
            (theme, "Remembered for the next run", app.action_toggle_theme),
            ("Show keys", "The keys of this screen (? or F1)", app.action_help),
        ]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
