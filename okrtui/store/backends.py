"""Where the data files live: a folder of JSON files, or memory for tests.

A backend hands out named TinyDB databases (`okrtui`, `2026-Q4`, ...) inside transactions.
The file backend holds an inter-process lock around each whole read-modify-write and gives
each transaction a fresh TinyDB, so no query or next-id cache outlives the lock.

A file's version is a checksum of its bytes, not its timestamps: two writes within one clock
tick can reuse an inode and keep the size, and a stale parse would then lose a write.
"""

from __future__ import annotations

import copy
import json
import time
import zlib
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from okrtui.store.errors import DataFileError, LockBusy, SaveError
from okrtui.store.storage import FILE_MODE, AtomicJSONStorage, replace_atomically

if TYPE_CHECKING:
    from filelock import FileLock

RawData = dict[str, dict[str, Any]]
LOCK_TIMEOUT_SECONDS = 10.0
# How long a write that may not wait tries the lock: another process's usual save (a few
# milliseconds) is waited for, a long hold (an import, a repair) is not.
LOCK_MOMENT_SECONDS = 0.05
STALE_TEMP_SECONDS = 3600.0
# A file changed this recently may change again within the same timestamp tick, keeping its
# size (and a reused inode): its stamp then includes a checksum of its bytes as well.
RACY_SECONDS = 2.0


class Backend(Protocol):
    """What the repository needs from a place that keeps named databases."""

    def names(self) -> list[str]:
        """Names of the databases that exist."""
        ...

    def snapshot(self, name: str) -> tuple[Hashable, RawData | None]:
        """A database's version and contents (None when missing or empty).

        The contents are shared and must not be changed by the caller.
        """
        ...

    def load(self, name: str) -> RawData | None:
        """A database's contents, as in `snapshot`."""
        ...

    def contains_all(self, name: str, words: list[str]) -> bool:
        """Whether the database's stored text holds every (case-folded) word; cheap, no parse."""
        ...

    def stamp(self, names: list[str]) -> Hashable:
        """A token that changes whenever any of these databases changes; parses nothing."""
        ...

    def transaction(self, name: str, wait: bool = True) -> Any:
        """A context manager giving a TinyDB for one locked read-modify-write.

        With `wait=False`, LockBusy when another process holds the lock beyond a moment.
        """
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
        # How many times each file was parsed: tests use it to prove lazy loading.
        self.reads: Counter[str] = Counter()
        self._parsed: dict[str, tuple[Hashable, RawData | None]] = {}
        self._locks: dict[Path, FileLock] = {}
        # Per file: its status when last stamped, and its bytes' checksum then (its status
        # again when it was first seen long after its last write).
        self._stamps: dict[str, tuple[tuple[int, int, int], Hashable]] = {}

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

    def sweep_temp_files(self, older_than_seconds: float = STALE_TEMP_SECONDS) -> list[Path]:
        """Remove temporary files left by a process killed mid-write; returns what went.

        Only old ones: a young temporary file may be another process's write in flight.
        """
        if not self.folder.is_dir():
            return []
        removed = []
        limit = time.time() - older_than_seconds
        for path in self.folder.glob(".*.json.*.tmp"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:
                continue
        return removed

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if not p.name.startswith("."))

    def snapshot(self, name: str) -> tuple[Hashable, RawData | None]:
        content = self._read(name)
        if content is None:
            return None, None
        version = _version(content)
        cached = self._parsed.get(name)
        if cached is not None and cached[0] == version:
            return cached
        data = self._parse(name, content)
        self._parsed[name] = (version, data)
        return version, data

    def load(self, name: str) -> RawData | None:
        return self.snapshot(name)[1]

    def contains_all(self, name: str, words: list[str]) -> bool:
        content = self._read(name)
        if content is None:
            return False
        folded = content.decode("utf-8", errors="replace").casefold()
        return all(word in folded for word in words)

    def stamp(self, names: list[str]) -> Hashable:
        # A file's status is cheap, but two writes within one timestamp tick can keep it
        # (same size, a reused inode). So the stamp is the bytes' checksum, read again only
        # when the status changed or the file was written in the last moments: a folder
        # whose files do not change costs a `stat` per file. A file first seen long after
        # its last write is stamped by its status alone (a later write gives it a new
        # time): watching a folder of old quarters reads none of them.
        stamps: list[tuple[object, ...]] = []
        now = time.time()
        for name in names:
            path = self.path(name)
            try:
                found = path.stat()
                status = (found.st_size, found.st_mtime_ns, found.st_ino)
                known = self._stamps.get(name)
                racy = now - found.st_mtime < RACY_SECONDS
                if known is None and not racy:
                    known = self._stamps[name] = (status, status)
                elif known is None or known[0] != status or racy:
                    known = self._stamps[name] = (status, _version(path.read_bytes()))
            except FileNotFoundError:
                self._stamps.pop(name, None)
                stamps.append((name,))
                continue
            stamps.append((name, known[1]))
        return tuple(stamps)

    def content(self, name: str) -> bytes | None:
        """A database's file as it is on disk (None when missing); parses nothing."""
        return self._read(name)

    def _read(self, name: str) -> bytes | None:
        path = self.path(name)
        if path.is_dir():
            raise DataFileError(path, "this is a folder, but okrtui needs a file here")
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except PermissionError:
            raise DataFileError(
                path,
                "okrtui is not allowed to read it",
                "Nothing was changed. Check the file's owner and permissions.",
            ) from None

    def _parse(self, name: str, content: bytes) -> RawData | None:
        self.reads[name] += 1
        path = self.path(name)
        return check_shape(parse_content(path, content), path)

    @contextmanager
    def locked(self, name: str, wait: bool = True) -> Iterator[None]:
        """Hold a database's lock (for work that is not a TinyDB transaction).

        With `wait=False`, LockBusy when another process holds it beyond a moment.
        """
        from filelock import Timeout  # loaded by the first write: reading needs no lock

        path = self.path(name)
        timeout = LOCK_TIMEOUT_SECONDS if wait else LOCK_MOMENT_SECONDS
        try:
            with self._lock(path).acquire(timeout=timeout):
                yield
        except Timeout:
            if not wait:
                raise LockBusy(f"{path} is locked by another okrtui process") from None
            raise SaveError(
                f"{path} is locked by another okrtui process for more than "
                f"{LOCK_TIMEOUT_SECONDS:.0f} seconds"
            ) from None

    @contextmanager
    def transaction(self, name: str, wait: bool = True) -> Iterator[TinyDB]:
        path = self.path(name)
        self.check_folder()
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self.locked(name, wait):
                self.snapshot(name)  # never write over a file that cannot be read
                db = TinyDB(storage=lambda: _LockedStorage(self, name))
                try:
                    yield db
                finally:
                    db.close()
        except OSError as exc:
            raise SaveError(f"could not save to {path}: {exc.strerror or exc}") from exc

    def _lock(self, path: Path) -> FileLock:
        # One lock object per file: FileLock is reentrant per object, so a transaction
        # that opens another on the same file (a migration) does not wait for itself.
        lock = self._locks.get(path)
        if lock is None:
            from filelock import FileLock

            lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
            self._locks[path] = lock
        return lock

    def _written(self, name: str, data: RawData | None, content: bytes | None) -> None:
        """Record what a transaction wrote (or forget the parse when the write failed)."""
        if content is None:
            self._parsed.pop(name, None)
        else:
            self._parsed[name] = (_version(content), data)

    def backup(self, name: str, reason: str) -> str | None:
        path = self.path(name)
        if not path.is_file():
            return None
        return str(self.keep_copy(f"{name}.{reason}", path.read_bytes()))

    def keep_copy(self, label: str, content: bytes) -> Path:
        """Write `content` into `backups/LABEL.<timestamp>.json`, readable by its owner only."""
        backups = self.folder / "backups"
        backups.mkdir(exist_ok=True, mode=0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backups / f"{label}.{stamp}.json"
        replace_atomically(str(target), content)  # 0600 whatever the old file's mode
        return target


Gate = Callable[[RawData], None]


def _pass_gate(gate: Gate | None, data: RawData) -> None:
    """Every write into a data file passes the caller's record gate first."""
    if gate is None:
        raise RuntimeError("a write into a data file must first pass a record gate")
    gate(data)


class _LockedStorage(AtomicJSONStorage):
    """The storage TinyDB uses inside a transaction, while the lock is held.

    Reads return the backend's parsed copy instead of parsing the file again; a successful
    write becomes the new parsed copy. TinyDB changes the data it read before writing it,
    so a failed or refused write drops the copy. `gate` (set by the transaction's owner)
    sees the data before anything touches the disk and raises to refuse it. The file is
    not created until a write: an empty file is never left behind.
    """

    def __init__(self, backend: FileBackend, name: str) -> None:
        # JSONStorage's constructor creates and opens the file; nothing here needs a handle.
        self._path = str(backend.path(name))
        self._encoding = None
        self._mode = "r+"
        self.kwargs: dict[str, Any] = {}
        self._backend = backend
        self._name = name
        self.gate: Gate | None = None

    def read(self) -> RawData | None:
        return self._backend.load(self._name)

    def write(self, data: RawData) -> None:
        try:
            _pass_gate(self.gate, data)
            try:
                content = self.serialize(data)
            except orjson.JSONEncodeError as exc:  # nested too deep, say
                raise SaveError(f"could not save to {self._path}: {exc}") from None
            payload = content if isinstance(content, bytes) else content.encode("utf-8")
            replace_atomically(self._path, payload)
        except BaseException:
            self._backend._written(self._name, None, None)
            raise
        self._backend._written(self._name, data, payload)

    def close(self) -> None:
        pass


class MemoryBackend:
    """Databases kept in memory: the same behaviour without touching disk."""

    def __init__(self) -> None:
        self._dbs: dict[str, TinyDB] = {}
        self._versions: Counter[str] = Counter()
        self._seen: dict[str, int] = {}
        self.reads: Counter[str] = Counter()
        self.backups: list[tuple[str, str, RawData]] = []

    def describe(self, name: str) -> str:
        return f"memory:{name}"

    def names(self) -> list[str]:
        return sorted(n for n in self._dbs if self.load(n))

    def snapshot(self, name: str) -> tuple[Hashable, RawData | None]:
        db = self._dbs.get(name)
        if db is None:
            return None, None
        version = self._versions[name]
        if self._seen.get(name) != version:
            self.reads[name] += 1  # counted like a file parse: once per version
            self._seen[name] = version
        storage: _CountingMemoryStorage = db.storage  # type: ignore[assignment]
        return version, storage.memory or None

    def load(self, name: str) -> RawData | None:
        return self.snapshot(name)[1]

    def stamp(self, names: list[str]) -> Hashable:
        return tuple((name, self._versions[name]) for name in names)

    def contains_all(self, name: str, words: list[str]) -> bool:
        data = self.load(name)
        folded = orjson.dumps(data).decode().casefold() if data else ""
        return bool(data) and all(word in folded for word in words)

    @contextmanager
    def transaction(self, name: str, wait: bool = True) -> Iterator[TinyDB]:
        # Nothing else holds memory: `wait` never matters here.
        db = self._dbs.get(name)
        if db is None:
            db = self._dbs[name] = TinyDB(storage=lambda: _CountingMemoryStorage(self, name))
        db.clear_cache()
        try:
            yield db
        finally:
            db.storage.gate = None  # type: ignore[attr-defined]  # each transaction sets its own

    def _written(self, name: str) -> None:
        self._versions[name] += 1

    def backup(self, name: str, reason: str) -> str | None:
        data = self.load(name)
        if data is None:
            return None
        self.backups.append((name, reason, copy.deepcopy(data)))
        return f"memory:backups/{name}.{reason}"


class _CountingMemoryStorage(MemoryStorage):
    """Memory storage that gives the database a new version on every write.

    TinyDB changes what it read before writing it back, so it reads a copy: a write the
    gate refuses leaves the committed data as it was, as a refused file write does.
    """

    def __init__(self, backend: MemoryBackend, name: str) -> None:
        super().__init__()
        self._backend = backend
        self._name = name
        self.gate: Gate | None = None

    def read(self) -> RawData | None:
        return copy.deepcopy(self.memory)

    def write(self, data: RawData) -> None:
        _pass_gate(self.gate, data)
        super().write(data)
        self._backend._written(self._name)


def _version(content: bytes) -> Hashable:
    return (len(content), zlib.crc32(content))


def parse_content(path: Path, content: bytes) -> Any:
    """A data file's bytes as JSON; DataFileError says why they are not."""
    if not content.strip():
        # okrtui never writes an empty file: an empty one lost its data somehow.
        what = "it is empty" if not content else "it holds nothing but white space"
        raise DataFileError(path, f"{what}, not okrtui data")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(path, "it is not a text file (it is not valid UTF-8)") from None
    try:
        return orjson.loads(content)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            path, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def shape_problems(data: Any) -> list[tuple[str | None, str | None, str]]:
    """What keeps data from being a TinyDB file: (table, record key, problem) each, with
    None for the whole file or the whole table. A TinyDB file is an object of tables, each
    an object of documents keyed by number."""
    if not isinstance(data, dict):
        return [(None, None, "it does not hold okrtui data (the top level is not an object)")]
    found: list[tuple[str | None, str | None, str]] = []
    for table, documents in data.items():
        if not isinstance(documents, dict):
            found.append((table, None, f"its '{table}' table is not an object of records"))
            continue
        for key, document in documents.items():
            if not isinstance(document, dict):
                found.append((table, key, f"record {key} of its '{table}' table is not an object"))
    return found


def check_shape(data: Any, path: Path) -> RawData:
    """The data of a TinyDB file, or DataFileError naming its first problem of shape."""
    for _table, _key, problem in shape_problems(data)[:1]:
        raise DataFileError(path, problem)
    return data
