"""Exporting minutes from the app: written where the person chose, in the format they use.

Where files go and what they are called is `okrtui.minutes.files`' business; this adds what
the app remembers for the person (the last format chosen), so the next export offers it.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from okrtui.domain.models import Session
from okrtui.minutes import Format, render
from okrtui.minutes.files import export_file
from okrtui.services.settings import PersonalSettings, Settings
from okrtui.store import StoreError

DEFAULT_FORMAT: Format = "md"


def preferred_format(settings: Settings) -> Format:
    """The format this person exported last, else Markdown."""
    return settings.export_format or DEFAULT_FORMAT


class Exported(NamedTuple):
    """Where the minutes went, and the settings as saved with their format (None if not)."""

    path: Path
    settings: Settings | None


def export_minutes(
    session: Session,
    earlier: list[Session],
    fmt: Format,
    path: Path,
    data_folder: Path | None,
    personal: PersonalSettings,
    force: bool = False,
) -> Exported:
    """Write the minutes by `export_file`'s rules and remember the format.

    ExportError (ExistingFiles unless `force`) says why nothing was written. Remembering is
    best effort: the minutes were written, which is what was asked.
    """
    written = export_file(path, render(session, fmt, earlier), data_folder, force)
    saved = None
    with suppress(StoreError):
        saved = personal.update(export_format=fmt)
    return Exported(written, saved)
