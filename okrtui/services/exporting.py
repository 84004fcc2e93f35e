"""Exporting minutes from the app: written where the person chose, in the format they use.

Where files go and what they are called is `okrtui.minutes.files`' business; this adds what
the app remembers for the person (the last format chosen), so the next export offers it.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from okrtui.domain.models import Session
from okrtui.minutes import Format, render
from okrtui.minutes.files import export_file, file_name
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

    ExportError (ExistingFiles unless `force`) says why nothing was written.
    """
    written = export_file(path, render(session, fmt, earlier), data_folder, force)
    _remember(personal, fmt)
    return written


def minutes_to_download(
    session: Session, earlier: list[Session], fmt: Format, personal: PersonalSettings
) -> tuple[str, str]:
    """The minutes as a file name and its text, for a browser to download (nothing is
    written on the server); remembers the format."""
    text = render(session, fmt, earlier)
    _remember(personal, fmt)
    return file_name(session, fmt), text


def _remember(personal: PersonalSettings, fmt: Format) -> None:
    # Best effort: the minutes were made, which is what was asked.
    with suppress(StoreError):
        personal.update(export_format=fmt)
