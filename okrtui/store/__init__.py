"""Storage of okrtui's data in TinyDB files: atomic, locked, one file per quarter.

Nothing here imports Textual.
"""

from __future__ import annotations

from okrtui.store.backends import FileBackend, MemoryBackend
from okrtui.store.errors import DataFileError, NotFoundError, SaveError, StoreError
from okrtui.store.holders import Holder, SessionHeldElsewhere
from okrtui.store.migrations import SCHEMA_VERSION
from okrtui.store.repository import Repository
from okrtui.store.storage import AtomicJSONStorage

__all__ = [
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "DataFileError",
    "FileBackend",
    "Holder",
    "MemoryBackend",
    "NotFoundError",
    "Repository",
    "SaveError",
    "SessionHeldElsewhere",
    "StoreError",
]
