"""Schema versions of the data files and the steps that bring old files up to date.

Each file keeps `{"schema_version": N}` in its `meta` table. Opening a file with an older
version writes a backup copy first, then applies each step in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from okrtui.domain.lineage import links_by_title
from okrtui.domain.models import Objective
from okrtui.domain.text import STORED

SCHEMA_VERSION = 2
META_TABLE = "meta"
OBJECTIVES_TABLE = "objectives"

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


def _v1_to_v2(data: RawData) -> RawData:
    """Key results record the one they continue: link those carried before (same title in
    the team's previous quarter, one of each). Files without objectives stay as they are."""
    documents = data.get(OBJECTIVES_TABLE)
    if not documents:
        return dict(data)
    objectives = []
    for document in documents.values():
        try:
            objectives.append(Objective.model_validate(document, context=STORED))
        except ValidationError:
            continue  # reported by the check of the migrated file, named there
    links = links_by_title(objectives)
    linked: dict[str, Any] = {}
    for doc_id, document in documents.items():
        krs = document.get("key_results")
        if not isinstance(krs, list):
            linked[doc_id] = document
            continue
        where = (str(document.get("team_id")), str(document.get("quarter")))
        linked[doc_id] = {**document, "key_results": [_link(kr, where, links) for kr in krs]}
    return {**data, OBJECTIVES_TABLE: linked}


def _link(kr: Any, where: tuple[str, str], links: dict[tuple[str, str, str], str]) -> Any:
    """A key result's document with the link it gets, if any."""
    if not isinstance(kr, dict):
        return kr
    found = links.get((*where, str(kr.get("id"))))
    return kr if found is None else {**kr, "continues": found}


# MIGRATIONS[n] turns a version-n file into a version n+1 file. A step returns new data and
# never changes the data it is given: a migrated file is written only once it validates.
MIGRATIONS: dict[int, Callable[[RawData], RawData]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(data: RawData, version: int) -> RawData:
    """Apply every step from `version` up to `SCHEMA_VERSION`."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
    return data
