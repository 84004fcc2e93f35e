"""The history screen: past sessions. Being built; see issue 6."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


def open_history(app: OkrApp, team_id: str | None) -> None:
    """Show past sessions, starting filtered to `team_id` when given."""
    app.notify("History is not available in this build yet.", severity="warning")
