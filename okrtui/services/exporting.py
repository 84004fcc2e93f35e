"""Exporting minutes from the app: written where the person chose, in the format they use.

Where files go and what they are called is `okrtui.minutes.files`' business; this adds what
the app remembers for the person (the last format chosen), so the next export offers it.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from okrtui.domain.models import Session
from okrtui.minutes import Format, render
from okrtui.minutes.files import export_file
from okrtui.services.settings import PersonalSettings, Settings
from okrtui.store import StoreError

DEFAULT_FORMAT: Format = "md"


def preferred_format(settings: Settings) -> Format:
    """The format this person exported last, else Markdown."""
    return settings.export_format or DEFAULT_FORMAT


def export_minutes(
    session: Session,
    earlier: list[Session],
    fmt: Format,
    path: Path,
    data_folder: Path | None,
    personal: PersonalSettings,
    force: bool = False,
) -> Path:
    """Write the minutes by `export_file`'s rules and remember the format; returns the path.

    ExportError (ExistingFiles unless `force`) says why nothing was written. Remembering is
    best effort: the minutes were written, which is what was asked.
    """
    written = export_file(path, render(session, fmt, earlier), data_folder, force)
    with suppress(StoreError):
        personal.update(export_format=fmt)
    return written
