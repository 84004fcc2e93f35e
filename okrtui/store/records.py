"""A data file's records as models, each validated only when a caller first needs it.

A quarter file holds every team's meetings; a caller usually wants one team's. Validating
all of them with pydantic is most of the cost of a cold read, so a `FileRecords` keeps the
models validated so far for one version of one file, and validates the rest on demand.

Filtering by team reads the raw `team_id` of every record: a record without a string one is
validated on the spot, so it is reported at once rather than skipped. A malformed record of
another team is reported when that team (or the whole file) is read, and before any write
into the file, which validates every record first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from okrtui.domain.text import STORED
from okrtui.domain.validation import describe
from okrtui.store.backends import RawData
from okrtui.store.errors import DataFileError, RecordRefused

TEAM_FIELD = "team_id"


class FileRecords:
    """The models validated so far from one version of one data file.

    It never keeps the file's parsed data: TinyDB changes that data in place during a
    write, so every call is given the data of the current snapshot, which has this version.
    """

    def __init__(self, version: Hashable, where: Path, models: dict[str, type[BaseModel]]) -> None:
        self.version = version
        self.where = where
        self.models = models
        self._validated: dict[str, dict[str, Any]] = {table: {} for table in models}
        self._complete: set[str] = set()
        self._by_team: dict[str, dict[str, list[str]]] = {}

    def is_complete(self, table: str) -> bool:
        """Whether every record of `table` has been validated."""
        return table in self._complete

    def all(self, data: RawData, table: str) -> list[Any]:
        """Every record of a table, in file order."""
        records = self.some(data, table, data.get(table, {}))
        self._complete.add(table)
        return records

    def of_team(self, data: RawData, table: str, team_id: str) -> list[Any]:
        """The records of one team, in file order."""
        by_team = self._by_team.get(table)
        if by_team is None:
            by_team = self._by_team[table] = self._index_teams(data, table)
        return self.some(data, table, by_team.get(team_id, []))

    def with_id(self, data: RawData, table: str, record_id: str) -> list[Any]:
        """The records whose id is `record_id` (normally one, or none)."""
        documents = data.get(table, {})
        return self.some(data, table, [k for k, d in documents.items() if d.get("id") == record_id])

    def holds(self, data: RawData, table: str, record_id: str) -> bool:
        """Whether a record has this id; validates nothing."""
        return any(d.get("id") == record_id for d in data.get(table, {}).values())

    def matching(self, data: RawData, table: str, wanted: Callable[[Any], bool]) -> list[Any]:
        """The records whose raw document `wanted` accepts, in file order."""
        documents = data.get(table, {})
        return self.some(data, table, [k for k, d in documents.items() if wanted(d)])

    def some(self, data: RawData, table: str, keys: Iterable[str]) -> list[Any]:
        """The records stored under these document keys, validating those not yet seen."""
        validated = self._validated[table]
        documents = data.get(table, {})
        records = []
        for key in keys:
            record = validated.get(key)
            if record is None:
                record = validated[key] = self._validate(table, key, documents[key])
            records.append(record)
        return records

    def after_write(
        self, version: Hashable, data: RawData, table: str, record: BaseModel
    ) -> FileRecords:
        """The records of the version this process just wrote by saving `record` alone.

        Only valid when this object describes the version the write started from.
        """
        written = FileRecords(version, self.where, self.models)
        written._complete = set(self._complete)
        written._validated = {t: dict(models) for t, models in self._validated.items()}
        record_id = getattr(record, "id", None)
        for key, document in data.get(table, {}).items():
            if document.get("id") == record_id:
                written._validated[table][key] = record
        return written

    def _index_teams(self, data: RawData, table: str) -> dict[str, list[str]]:
        by_team: dict[str, list[str]] = {}
        for key, document in data.get(table, {}).items():
            team_id = document.get(TEAM_FIELD)
            if not isinstance(team_id, str):
                # Not filterable: validating it names what is wrong (or finds it usable).
                record = self._validated[table].get(key) or self._validate(table, key, document)
                self._validated[table][key] = record
                team_id = getattr(record, TEAM_FIELD)
            by_team.setdefault(team_id, []).append(key)
        return by_team

    def _validate(self, table: str, key: str, document: dict[str, Any]) -> Any:
        try:
            return self.models[table].model_validate(document, context=STORED)
        except RecursionError:
            raise DataFileError(
                self.where, f"{table} record {key} is nested too deeply to read"
            ) from None
        except ValidationError as exc:
            label = document.get("id") if isinstance(document.get("id"), str) else key
            problems = "; ".join(describe(exc))
            raise DataFileError(
                self.where, f"{table} record '{label}' is not valid: {problems}"
            ) from None


def gate_written(
    where: Path,
    models: dict[str, type[BaseModel]],
    data: RawData,
    changed: Mapping[str, Collection[str]] | None,
    known: FileRecords | None = None,
    passed: dict[str, BaseModel] | None = None,
) -> None:
    """Refuse to write `data` if a record in it would not read back (RecordRefused).

    The records checked are those of `changed` (table -> record ids, as they will be
    written, after TinyDB's merge), every record `known` has not validated (new ones),
    or, with `changed=None`, every record. Records are checked with the reader's models
    and context, so what is written is exactly what the reader accepts. The models of the
    records of `changed` go into `passed`, by id.
    """
    for table, model in models.items():
        documents = data.get(table, {})
        ids = None if changed is None else set(changed.get(table, ()))
        seen = known._validated.get(table, {}) if known is not None else {}
        for key, document in documents.items():
            record_id = document.get("id") if isinstance(document.get("id"), str) else None
            if ids is not None and record_id not in ids and key in seen:
                continue
            record = checked(where, model, table, document, key)
            if passed is not None and ids is not None and record_id in ids:
                passed[str(record_id)] = record


def checked(
    where: Path | str, model: type[BaseModel], table: str, document: dict[str, Any], key: str = ""
) -> BaseModel:
    """A document about to be written, validated as the reader will; RecordRefused if not."""
    try:
        return model.model_validate(document, context=STORED)
    except ValidationError as exc:
        label = document.get("id") if isinstance(document.get("id"), str) else key
        raise RecordRefused(str(where), table, str(label), describe(exc)) from None
