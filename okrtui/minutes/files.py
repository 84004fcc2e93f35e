"""Minutes as files: safe names, the sessions a minute looks back on, a quarter with its index.

Shared by `okrtui export` and the app's export dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from okrtui.domain.ids import slugify
from okrtui.domain.models import Session
from okrtui.domain.quarters import previous_quarter
from okrtui.minutes import Format, render
from okrtui.minutes.index import render_index

if TYPE_CHECKING:
    from okrtui.store import Repository

EXTENSIONS: dict[Format, str] = {"md": "md", "html": "html", "json": "json"}


class ExportError(Exception):
    """Minutes could not be written; the message says where and why, in plain words."""


def file_name(session: Session, fmt: Format, team_name: str | None = None) -> str:
    """`<team>-<date>-<kind>[-wN].<ext>`, safe on every file system whatever the team is called."""
    team = slugify(team_name or session.team_name or session.team_id, fallback="team")
    week = f"-w{session.week}" if session.kind == "weekly" and session.week else ""
    return f"{team}-{session.date.isoformat()}-{session.kind}{week}.{EXTENSIONS[fmt]}"


def earlier_sessions(repository: Repository, session: Session) -> list[Session]:
    """The team's sessions a minute needs: its quarter's and the quarter before's."""
    known = set(repository.quarters())
    quarters = [q for q in (session.quarter, previous_quarter(session.quarter)) if q in known]
    return [s for q in quarters for s in repository.sessions(q, session.team_id)]


def session_minutes(repository: Repository, session_id: str, fmt: Format) -> tuple[Session, str]:
    """A session and its minutes; NotFoundError when there is no such session."""
    session = repository.session(session_id)
    return session, render(session, fmt, earlier_sessions(repository, session))


def write_text(path: Path, text: str) -> None:
    """Write a file, creating its folder; ExportError names the path and the reason."""
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise ExportError(f"cannot write {path}: {blocker} is a file, not a folder")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def export_quarter(
    repository: Repository, team_id: str, quarter: str, fmt: Format, folder: Path
) -> list[Path]:
    """Write every session of a team's quarter and an index file; returns the paths written."""
    sessions = repository.sessions(quarter, team_id)
    if not sessions:
        raise ExportError(f"team '{team_id}' has no sessions in {quarter}")
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot write into {folder}: it is a file, not a folder")
    earlier = earlier_sessions(repository, sessions[0])
    team_name = repository.team(team_id).name
    written: list[Path] = []
    names: list[tuple[Session, str]] = []
    used: set[str] = set()
    for session in sessions:
        name = _unique(file_name(session, fmt, team_name), used)
        path = folder / name
        write_text(path, render(session, fmt, earlier))
        written.append(path)
        names.append((session, name))
    index = folder / f"index.{EXTENSIONS[fmt]}"
    write_text(index, render_index(team_name, quarter, names, fmt))
    return [*written, index]


def _unique(name: str, used: set[str]) -> str:
    # Two meetings of one kind on one day would share a name: number the later ones.
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    used.add(candidate)
    return candidate


def default_path(session: Session, fmt: Format, folder: Path | None = None) -> Path:
    """Where the app proposes to write: `exports/<file name>` under the current folder."""
    return (folder or Path.cwd()) / "exports" / file_name(session, fmt)
