"""Exporting minutes from the app: written where the person chose, in the format they use.

Where files go and what they are called is `okrtui.minutes.files`' business; this adds what
the app remembers for the person (the last format and paper chosen), so the next export
offers them.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from okrtui.domain.models import Session
from okrtui.minutes import ExportFormat, Paper, render_export
from okrtui.minutes.files import export_file, file_name
from okrtui.services.settings import PersonalSettings, Settings
from okrtui.store import StoreError

DEFAULT_FORMAT: ExportFormat = "md"
DEFAULT_PAPER: Paper = "a4"


def preferred_format(settings: Settings) -> ExportFormat:
    """The format this person exported last, else Markdown."""
    return settings.export_format or DEFAULT_FORMAT


def preferred_paper(settings: Settings) -> Paper:
    """The paper this person chose for their last PDF, else A4."""
    return settings.paper or DEFAULT_PAPER


class Exported(NamedTuple):
    """Where the minutes went, and the settings as saved with their format (None if not)."""

    path: Path
    settings: Settings | None


def export_minutes(
    session: Session,
    earlier: list[Session],
    fmt: ExportFormat,
    path: Path,
    data_folder: Path | None,
    personal: PersonalSettings,
    force: bool = False,
    paper: Paper = DEFAULT_PAPER,
) -> Exported:
    """Write the minutes by `export_file`'s rules and remember the format (and paper).

    ExportError (ExistingFiles unless `force`) or, for a PDF, PdfUnavailable says why nothing
    was written.
    """
    written = export_file(path, render_export(session, fmt, earlier, paper), data_folder, force)
    return Exported(written, _remember(personal, fmt, paper))


def minutes_to_download(
    session: Session,
    earlier: list[Session],
    fmt: ExportFormat,
    personal: PersonalSettings,
    paper: Paper = "a4",
) -> tuple[str, str | bytes]:
    """The minutes as a file name and its contents (a PDF's bytes), for a browser to download
    (nothing is written on the server); remembers the format."""
    contents = render_export(session, fmt, earlier, paper)
    _remember(personal, fmt, paper)
    return file_name(session, fmt), contents


def _remember(personal: PersonalSettings, fmt: ExportFormat, paper: Paper) -> Settings | None:
    """The settings as saved with this format; None when they could not be saved (best
    effort: the minutes were made, which is what was asked)."""
    remembered = {"export_format": fmt, **({"paper": paper} if fmt == "pdf" else {})}
    with suppress(StoreError):
        return personal.update(**remembered)
    return None
