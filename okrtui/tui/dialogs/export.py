"""Exporting minutes from the app. Being built; see issue 6."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


def open_export(app: OkrApp, session_id: str | None) -> None:
    """Ask for a format and a path and export a session's minutes (the latest if None)."""
    app.notify("Export is not available in this build yet.", severity="warning")
