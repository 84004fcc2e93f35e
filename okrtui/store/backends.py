"""Where the data files live: a folder of JSON files, or memory for tests.

A backend hands out named TinyDB databases (`okrtui`, `2026-Q4`, ...) inside transactions.
The file backend holds an inter-process lock around each whole read-modify-write and gives
each transaction a fresh TinyDB, so no query or next-id cache outlives the lock.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections import Counter
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from okrtui.store.errors import DataFileError, SaveError
from okrtui.store.storage import FILE_MODE, AtomicJSONStorage, replace_atomically

RawData = dict[str, dict[str, Any]]
LOCK_TIMEOUT_SECONDS = 10.0


class Backend(Protocol):
    """What the repository needs from a place that keeps named databases."""

    def names(self) -> list[str]:
        """Names of the databases that exist."""
        ...

    def load(self, name: str) -> RawData | None:
        """The raw contents of a database, or None when it does not exist or is empty."""
        ...

    def version(self, name: str) -> Hashable:
        """A token that changes whenever the database changes."""
        ...

    def transaction(self, name: str) -> Any:
        """A context manager giving a TinyDB for one locked read-modify-write."""
        ...

    def backup(self, name: str, reason: str) -> str | None:
        """Keep a copy of a database before a risky change; returns where it went."""
        ...

    def describe(self, name: str) -> str:
        """How to name a database to a person (its path)."""
        ...


class FileBackend:
    """JSON files in a folder, written atomically under a sidecar `.lock` file."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.reads: Counter[str] = Counter()

    def path(self, name: str) -> Path:
        """The file of a database."""
        return self.folder / f"{name}.json"

    def describe(self, name: str) -> str:
        return str(self.path(name))

    def check_folder(self) -> None:
        """Refuse a data folder that is a file."""
        if self.folder.exists() and not self.folder.is_dir():
            raise DataFileError(
                self.folder,
                "this is a file, but okrtui needs a folder here",
                "Nothing was changed. Pass another folder with --data DIR or OKRTUI_DATA.",
            )

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if not p.name.startswith("."))

    def version(self, name: str) -> Hashable:
        try:
            st = self.path(name).stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def load(self, name: str) -> RawData | None:
        path = self.path(name)
        if path.is_dir():
            raise DataFileError(path, "this is a folder, but okrtui needs a file here")
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            raise DataFileError(path, "it is not a text file (it is not valid UTF-8)") from None
        except PermissionError:
            raise DataFileError(
                path,
                "okrtui is not allowed to read it",
                "Nothing was changed. Check the file's owner and permissions.",
            ) from None
        self.reads[name] += 1
        if not text.strip():
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFileError(
                path, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        return check_shape(data, path)

    @contextmanager
    def transaction(self, name: str) -> Iterator[TinyDB]:
        path = self.path(name)
        self.check_folder()
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
            with lock:
                self.load(name)  # never write over a file that cannot be read
                db = TinyDB(path, storage=AtomicJSONStorage)
                try:
                    yield db
                finally:
                    db.close()
        except Timeout:
            raise SaveError(
                f"{path} is locked by another okrtui process for more than "
                f"{LOCK_TIMEOUT_SECONDS:.0f} seconds"
            ) from None
        except OSError as exc:
            raise SaveError(f"could not save to {path}: {exc.strerror or exc}") from exc

    def backup(self, name: str, reason: str) -> str | None:
        path = self.path(name)
        if not path.is_file():
            return None
        backups = self.folder / "backups"
        backups.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backups / f"{name}.{reason}.{stamp}.json"
        replace_atomically(str(target), path.read_text(encoding="utf-8"), "utf-8")
        shutil.copymode(path, target)
        return str(target)


class MemoryBackend:
    """Databases kept in memory: the same behaviour without touching disk."""

    def __init__(self) -> None:
        self._dbs: dict[str, TinyDB] = {}
        self._versions: Counter[str] = Counter()
        self.reads: Counter[str] = Counter()
        self.backups: list[tuple[str, str, RawData]] = []

    def describe(self, name: str) -> str:
        return f"memory:{name}"

    def names(self) -> list[str]:
        return sorted(n for n, db in self._dbs.items() if db.storage.read())

    def version(self, name: str) -> Hashable:
        return self._versions[name]

    def load(self, name: str) -> RawData | None:
        db = self._dbs.get(name)
        if db is None:
            return None
        self.reads[name] += 1
        data = db.storage.read()
        return copy.deepcopy(data) if data else None

    @contextmanager
    def transaction(self, name: str) -> Iterator[TinyDB]:
        db = self._dbs.setdefault(name, TinyDB(storage=MemoryStorage))
        db.clear_cache()
        yield db
        self._versions[name] += 1

    def backup(self, name: str, reason: str) -> str | None:
        data = self.load(name)
        if data is None:
            return None
        self.backups.append((name, reason, data))
        return f"memory:backups/{name}.{reason}"


def check_shape(data: Any, path: Path) -> RawData:
    """A TinyDB file is an object of tables, each an object of documents keyed by number."""
    if not isinstance(data, dict):
        raise DataFileError(path, "it does not hold okrtui data (the top level is not an object)")
    for table, documents in data.items():
        if not isinstance(documents, dict):
            raise DataFileError(path, f"its '{table}' table is not an object of records")
        for key, document in documents.items():
            if not isinstance(document, dict):
                raise DataFileError(path, f"record {key} of its '{table}' table is not an object")
    return data
