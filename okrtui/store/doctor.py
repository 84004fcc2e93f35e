"""`okrtui doctor`: every problem of a data folder, and a repair that deletes nothing.

The check reads each data file as the repository would (the same parsing, schema rules and
models), but goes on past the first problem and says which record each one is in. The
repair sets each unusable record aside: it writes a full copy of the file into `backups/`,
moves the record into `backups/quarantine-<timestamp>.json`, and rewrites the file with
every other record as it was. A file that cannot be read at all (not JSON, say) is left
alone: there are no records to tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from okrtui.store.backends import FileBackend, RawData, parse_content, shape_problems
from okrtui.store.errors import DataFileError
from okrtui.store.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version
from okrtui.store.records import FileRecords, gate_written
from okrtui.store.repository import file_models, is_data_file
from okrtui.store.storage import replace_atomically


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: the whole file, or one record of one table."""

    path: Path
    what: str
    table: str | None = None
    key: str | None = None  # the record's document key, when one record is the problem

    @property
    def movable(self) -> bool:
        """Whether the repair can set this record aside and keep the rest of the file."""
        return self.key is not None

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


@dataclass
class Repair:
    """What `repair` did: the copies it wrote, the records it moved, what it left."""

    backups: list[Path] = field(default_factory=list)
    quarantine: Path | None = None
    moved: list[Problem] = field(default_factory=list)
    left: list[Problem] = field(default_factory=list)


def check(folder: Path) -> list[Problem]:
    """Every problem of every data file in `folder`, in file order."""
    backend = FileBackend(folder)
    backend.check_folder()
    found: list[Problem] = []
    for name in backend.names():
        if is_data_file(name):
            found += _check_file(backend, name)[0]
    return found


def repair(folder: Path) -> Repair:
    """Set every unusable record of the folder aside (see the module's docstring)."""
    backend = FileBackend(folder)
    backend.check_folder()
    done = Repair()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    moved: list[dict[str, Any]] = []
    for name in backend.names():
        if not is_data_file(name) or not _check_file(backend, name)[0]:
            continue  # nothing wrong: not even locked
        with backend.locked(name):
            problems, data, content = _check_file(backend, name)  # again, under the lock
            if any(not p.movable for p in problems) or data is None or content is None:
                done.left += problems
                continue
            done.backups.append(backend.keep_copy(f"{name}.before-repair", content))
            kept = _without(data, problems)
            _gate(backend, name, kept)
            moved += [_quarantined(backend, name, data, p) for p in problems]
            quarantine = backend.folder / "backups" / f"quarantine-{stamp}.json"
            replace_atomically(str(quarantine), _dumps(moved))
            done.quarantine = quarantine
            replace_atomically(str(backend.path(name)), orjson.dumps(kept))
            done.moved += problems
    return done


def _check_file(
    backend: FileBackend, name: str
) -> tuple[list[Problem], RawData | None, bytes | None]:
    """A file's problems, its data and its bytes (None where they cannot be had)."""
    path = backend.path(name)
    try:
        content = backend.content(name)
        if content is None:
            return [], None, None
        data = parse_content(path, content)
    except DataFileError as exc:
        return [Problem(path, exc.problem)], None, None
    problems = [Problem(path, what, table, key) for table, key, what in shape_problems(data)]
    if any(not p.movable or p.table == META_TABLE for p in problems):
        return problems, None, content
    try:
        version = schema_version(data)
    except ValueError as exc:
        return [Problem(path, str(exc))], None, content
    if version > SCHEMA_VERSION:
        what = f"it was written by a newer okrtui (schema {version}); upgrade okrtui to open it"
        return [Problem(path, what)], None, content
    current = migrate(dict(data), version) if version < SCHEMA_VERSION else data
    bad = {(p.table, p.key) for p in problems}
    records = FileRecords(None, path, file_models(name))
    for table in records.models:
        for key in current.get(table, {}):
            if (table, key) in bad:
                continue
            try:
                records.some(current, table, [key])
            except DataFileError as exc:
                problems.append(Problem(path, exc.problem, table, key))
    return problems, data, content


def _without(data: RawData, problems: list[Problem]) -> RawData:
    bad = {(p.table, p.key) for p in problems}
    return {
        table: {k: d for k, d in documents.items() if (table, k) not in bad}
        for table, documents in data.items()
    }


def _gate(backend: FileBackend, name: str, data: RawData) -> None:
    """What the repair writes passes the gate every write passes."""
    version = schema_version(data)
    current = migrate(dict(data), version) if version < SCHEMA_VERSION else data
    gate_written(backend.path(name), file_models(name), current, None)


def _quarantined(
    backend: FileBackend, name: str, data: RawData, problem: Problem
) -> dict[str, Any]:
    assert problem.table is not None and problem.key is not None
    return {
        "file": backend.path(name).name,
        "table": problem.table,
        "key": problem.key,
        "problem": problem.what,
        "record": data[problem.table][problem.key],
    }


def _dumps(moved: list[dict[str, Any]]) -> bytes:
    try:
        return orjson.dumps(moved, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        # Nested too deep for JSON writers: the full backup of its file still holds it.
        kept = [
            {**entry, "record": "too deeply nested to copy here; see the full backup"}
            if _too_deep(entry["record"])
            else entry
            for entry in moved
        ]
        return orjson.dumps(kept, option=orjson.OPT_INDENT_2)


def _too_deep(record: Any) -> bool:
    try:
        orjson.dumps(record)
    except orjson.JSONEncodeError:
        return True
    return False
