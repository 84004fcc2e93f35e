"""The meeting screen (weekly and quarterly). Being built; see issues 4 and 5."""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrtui.domain.models import SessionKind

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


def open_meeting(app: OkrApp, team_id: str, kind: SessionKind, quarter: str | None = None) -> None:
    """Start a new meeting of `kind` for the team, or offer to resume one in progress."""
    app.notify("Meetings are not available in this build yet.", severity="warning")
