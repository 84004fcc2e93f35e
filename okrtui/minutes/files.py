"""Minutes as files: safe names, one session's minutes, a quarter with its index.

Shared by `okrtui export` and the app's export dialog, so both follow one set of rules: an
export never writes inside the data folder, never leaves the folder it was given, replaces
an existing file only when asked to (`force`), never writes through a link, and writes each
file atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrtui.domain.history import earlier_sessions
from okrtui.domain.ids import slugify
from okrtui.domain.models import Session
from okrtui.domain.text import control_character, one_line
from okrtui.minutes import EXTENSIONS, ExportFormat, Paper, render_export
from okrtui.minutes.index import render_index
from okrtui.store.storage import replace_atomically

if TYPE_CHECKING:
    from okrtui.store import Store

# The longest file name most file systems take, in bytes.
_NAME_BYTES = 255


class ExportError(Exception):
    """Minutes could not be written; the message says where and why, in plain words."""


class ExistingFiles(ExportError):
    """The export would replace files that are already there (see `paths`)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        shown = ", ".join(str(p) for p in self.paths[:3])
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        verb = "exists" if len(self.paths) == 1 else "exist"
        super().__init__(f"{shown}{more} already {verb}")


def file_name(session: Session, fmt: ExportFormat, team_name: str | None = None) -> str:
    """`<team>-<date>-<kind>[-wN].<ext>`, safe on every file system whatever the team is called."""
    team = slugify(team_name or session.team_name or session.team_id, fallback="team")
    week = f"-w{session.week}" if session.kind == "weekly" and session.week else ""
    return f"{team}-{session.date.isoformat()}-{session.kind}{week}.{EXTENSIONS[fmt]}"


def session_minutes(
    repository: Store, session_id: str, fmt: ExportFormat, paper: Paper = "a4"
) -> tuple[Session, str | bytes]:
    """A session and its minutes (bytes for a PDF); NotFoundError when there is no such session."""
    session = repository.session(session_id)
    return session, render_export(session, fmt, earlier_sessions(repository, session), paper)


def session_target(output: str, session: Session, fmt: ExportFormat) -> Path:
    """The file `-o OUTPUT` names: inside OUTPUT when it is a folder or ends with `/`."""
    path = Path(output).expanduser()
    if output.endswith(("/", os.sep)) or _is_folder(path):
        return path / file_name(session, fmt)
    return path


def _is_folder(path: Path) -> bool:
    # `Path.is_dir` raises on a name too long for the file system; `check_targets` says so.
    try:
        return path.is_dir()
    except OSError:
        return False


def data_folder_of(repository: Store) -> Path | None:
    """The folder a store keeps its data in (None in memory): exports stay out of it."""
    return repository.folder()


def export_file(
    path: Path, text: str | bytes, data_folder: Path | None, force: bool = False
) -> Path:
    """Write one export atomically and return its path, by the rules in `check_targets`."""
    path = Path(os.path.abspath(path))
    check_targets(path.parent, [path.name], data_folder, force)
    _write(path, text)
    return path


def check_targets(
    folder: Path, names: Sequence[str], data_folder: Path | None, force: bool
) -> None:
    """Refuse an export into `folder` that could surprise: ExportError says why.

    Never inside the data folder; never a name that leaves the folder; nothing that is
    already there unless `force` (ExistingFiles lists what is); a link with an export's name
    is replaced itself, never written through.
    """
    folder = Path(os.path.abspath(folder))
    blocker = next((p for p in (folder, *folder.parents) if _is_file(p)), None)
    if blocker is not None:
        what = folder / names[0] if names else folder
        raise ExportError(f"cannot write {what}: {blocker} is a file, not a folder")
    if data_folder is not None and folder.resolve().is_relative_to(data_folder.resolve()):
        raise ExportError(
            f"cannot write into {folder}: it is inside the data folder {data_folder}, "
            "where okrtui keeps its own files"
        )
    existing: list[Path] = []
    for name in names:
        _check_name(folder, name)
        path = folder / name
        if _is_folder(path) and not path.is_symlink():
            raise ExportError(f"cannot write {path}: it is a folder")
        if os.path.lexists(path):
            existing.append(path)
    if existing and not force:
        raise ExistingFiles(existing)


def _is_file(path: Path) -> bool:
    return os.path.lexists(path) and not _is_folder(path)


def _check_name(folder: Path, name: str) -> None:
    # Names are built from slugs or typed whole; either way they stay in their folder.
    shown = one_line(name)
    if name in ("", ".", "..") or Path(name).name != name:
        raise ExportError(f"cannot write {folder / shown}: '{shown}' is not a file name")
    if len(name.encode("utf-8")) > _NAME_BYTES:
        raise ExportError(
            f"cannot write {folder / shown[:40]}…: the file name is longer than {_NAME_BYTES} bytes"
        )
    bad = control_character(name, multiline=False)
    if bad is not None:
        raise ExportError(f"cannot write {folder / shown}: the name holds the character {bad}")


def _write(path: Path, text: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A temporary file beside the target, then a rename: a crash leaves the old file or
        # the new one, and a link at the target is replaced rather than followed. Minutes
        # can be exported again, so they skip the fsyncs that a quarter's export would
        # otherwise spend most of its time on.
        replace_atomically(str(path), text, durable=False)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def export_quarter(
    repository: Store,
    team_id: str,
    quarter: str,
    fmt: ExportFormat,
    folder: Path,
    force: bool = False,
    paper: Paper = "a4",
) -> list[Path]:
    """Write every session of a team's quarter and an index file; returns the paths written.

    Every file is checked before the first is written, so a refused export writes nothing.
    """
    sessions = repository.sessions(quarter, team_id)
    if not sessions:
        raise ExportError(f"team '{team_id}' has no sessions in {quarter}")
    folder = Path(os.path.abspath(folder.expanduser()))
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot write into {folder}: it is a file, not a folder")
    # One read for the whole quarter: the first session's earlier ones, and that session.
    earlier = [*earlier_sessions(repository, sessions[0]), sessions[0]]
    team_name = repository.team(team_id).name
    names: list[tuple[Session, str]] = []
    used: set[str] = set()
    for session in sessions:
        names.append((session, _unique(file_name(session, fmt, team_name), used)))
    index = f"index.{EXTENSIONS[fmt]}"
    check_targets(folder, [*(n for _, n in names), index], data_folder_of(repository), force)
    written: list[Path] = []
    for session, name in names:
        _write(folder / name, render_export(session, fmt, earlier, paper))
        written.append(folder / name)
    _write(folder / index, _index(team_name, quarter, names, fmt, paper))
    return [*written, folder / index]


def _index(
    team: str, quarter: str, names: Sequence[tuple[Session, str]], fmt: ExportFormat, paper: Paper
) -> str | bytes:
    # A quarter of PDFs gets its index as a PDF too, laid out from the HTML index.
    if fmt != "pdf":
        return render_index(team, quarter, names, fmt)
    from okrtui.minutes.pdf import html_pdf

    return html_pdf(render_index(team, quarter, names, "html"), paper)


def _unique(name: str, used: set[str]) -> str:
    # Two meetings of one kind on one day would share a name: number the later ones.
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    used.add(candidate)
    return candidate


def default_path(session: Session, fmt: ExportFormat, folder: Path | None = None) -> Path:
    """Where the app proposes to write: `exports/<file name>` under the current folder."""
    return (folder or Path.cwd()) / "exports" / file_name(session, fmt)
