"""Storage of okrtui's data in TinyDB files: atomic, locked, one file per quarter.

Callers outside the store depend on the `Store` protocol; `Repository` implements it, and
TinyDB stays inside this package. Nothing here imports Textual.
"""

from __future__ import annotations

from okrtui.store.backends import LOCK_TIMEOUT_SECONDS, FileBackend, MemoryBackend
from okrtui.store.errors import DataFileError, LockBusy, NotFoundError, SaveError, StoreError
from okrtui.store.holders import Holder, SessionHeldElsewhere
from okrtui.store.migrations import SCHEMA_VERSION
from okrtui.store.port import Store
from okrtui.store.repository import Repository
from okrtui.store.storage import AtomicJSONStorage

__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "DataFileError",
    "FileBackend",
    "Holder",
    "LockBusy",
    "MemoryBackend",
    "NotFoundError",
    "Repository",
    "SaveError",
    "SessionHeldElsewhere",
    "Store",
    "StoreError",
]
