"""Schema versions of the data files and the steps that bring old files up to date.

Each file keeps `{"schema_version": N}` in its `meta` table. Opening a file with an older
version writes a backup copy first, then applies each step in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "meta"

RawData = dict[str, dict[str, Any]]


def schema_version(data: RawData) -> int:
    """The schema version a file declares; 0 for files from before versions were recorded."""
    for document in data.get(META_TABLE, {}).values():
        version = document.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool):
            return version
        raise ValueError("its schema_version is not a whole number")
    return 0


def _v0_to_v1(data: RawData) -> RawData:
    """Version 0 files had the same tables but no `meta` table."""
    return {**data, META_TABLE: {"1": {"schema_version": 1}}}


# MIGRATIONS[n] turns a version-n file into a version n+1 file. A step returns new data and
# never changes the data it is given: a migrated file is written only once it validates.
MIGRATIONS: dict[int, Callable[[RawData], RawData]] = {0: _v0_to_v1}


def migrate(data: RawData, version: int) -> RawData:
    """Apply every step from `version` up to `SCHEMA_VERSION`."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
    return data
