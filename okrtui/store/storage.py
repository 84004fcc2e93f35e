"""A TinyDB storage whose every write is atomic and whose files are private.

TinyDB's own `JSONStorage` rewrites its file in place, so a crash mid-write leaves a torn
file. This one writes a temporary file beside the target, fsyncs it, renames it over the
target with `os.replace` and fsyncs the folder: a crash leaves the old file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

import orjson
from tinydb.storages import JSONStorage

FILE_MODE = 0o600
_READ_ONLY_MODES = ("r", "rb")


class AtomicJSONStorage(JSONStorage):
    """Drop-in replacement for `tinydb.storages.JSONStorage` with atomic, 0600 writes."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        create_dirs: bool = False,
        encoding: str | None = None,
        access_mode: str = "r+",
        **kwargs: Any,
    ) -> None:
        self._path = os.fspath(path)
        self._encoding = encoding
        if any(c in access_mode for c in "+wa"):
            _create_private(self._path, create_dirs)
        super().__init__(self._path, create_dirs, encoding, access_mode, **kwargs)

    def read(self) -> dict[str, dict[str, Any]] | None:
        # Reopen by path: after a replace, an old handle would still see the old file.
        with open(self._path, encoding=self._encoding) as handle:
            text = handle.read()
        if not text:
            return None
        data: dict[str, dict[str, Any]] = json.loads(text)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._mode in _READ_ONLY_MODES:
            raise OSError(f'Cannot write to the database. Access mode is "{self._mode}"')
        replace_atomically(self._path, self.serialize(data), self._encoding)
        # Keep the handle TinyDB's callers may look at pointing at the current file.
        self._handle.close()
        self._handle = open(self._path, mode=self._mode, encoding=self._encoding)  # noqa: SIM115

    def serialize(self, data: dict[str, dict[str, Any]]) -> str | bytes:
        """JSON text; orjson (several times faster) unless json options or an encoding ask
        for the standard library."""
        if not self.kwargs and self._encoding in (None, "utf-8", "utf8"):
            return orjson.dumps(data)
        return json.dumps(data, **self.kwargs)


def replace_atomically(
    path: str, content: str | bytes, encoding: str | None = None, durable: bool = True
) -> None:
    """Write `content` to `path` so that a crash leaves either the old or the new file.

    `durable=False` skips the fsyncs (about 14 ms a file here): still never a torn file when
    a process dies, but a power cut may lose the write. For files okrtui does not read back.
    """
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    payload = content if isinstance(content, bytes) else content.encode(encoding or "utf-8")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    if durable:
        fsync_folder(folder)


def fsync_folder(folder: str) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_private(path: str, create_dirs: bool) -> None:
    if create_dirs:
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, FILE_MODE)
    os.close(fd)
