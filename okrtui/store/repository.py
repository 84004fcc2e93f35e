"""The repository: typed load and save of the plan and the sessions.

Models become documents and documents become models here and nowhere else
(`model_dump(mode="json")` / `model_validate`). The plan lives in `okrtui.json`; sessions
live in one file per quarter, read only when a caller asks for that quarter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel
from tinydb import Query

from okrtui.domain.ids import quarter_of_session_id
from okrtui.domain.models import Issue, Objective, ParkedTopic, Session, SessionKind, Team
from okrtui.domain.plan import Plan
from okrtui.domain.quarters import is_quarter
from okrtui.domain.updates import Update
from okrtui.store.backends import Backend, FileBackend, MemoryBackend, RawData
from okrtui.store.errors import DataFileError, NotFoundError
from okrtui.store.holders import Holder, SessionHeldElsewhere, now_holder
from okrtui.store.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_version
from okrtui.store.port import DataPart
from okrtui.store.records import FileRecords, checked, gate_written

PLAN_FILE = "okrtui"
LIVE_FILE = "in-progress"
INBOX_FILE = "inbox"  # members' own updates waiting for their team's meeting
UPDATES = "updates"
HOLDERS = "holders"
DISPLACED = "displaced"  # processes whose meeting was taken over: they may not save it
TEAMS = "teams"
OBJECTIVES = "objectives"
SESSIONS = "sessions"
SETTINGS = "settings"
ISSUES = "issues"
PARKED = "parked"
_SETTINGS_ID = "app"

_MODELS: dict[str, dict[str, type[BaseModel]]] = {
    PLAN_FILE: {TEAMS: Team, OBJECTIVES: Objective, ISSUES: Issue, PARKED: ParkedTopic},
    SESSIONS: {SESSIONS: Session},
    INBOX_FILE: {UPDATES: Update},
}
# The files each part of the data lives in (the quarter files are added as they appear).
_PART_FILES: dict[str, tuple[str, ...]] = {
    "plan": (PLAN_FILE,),
    "sessions": (LIVE_FILE,),
    "inbox": (INBOX_FILE,),
}


class Repository:
    """Typed access to one data folder (or to memory, in tests)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        # Per file: the models validated so far from its current version.
        self._cache: dict[str, FileRecords] = {}

    @classmethod
    def open(cls, folder: Path | str) -> Repository:
        """Open a data folder and check its plan file and teams, stopping on anything unusable.

        A team's objectives are validated when that team's are first read (as the quarter
        files' meetings are), and every one of them before any write into the plan file.
        """
        backend = FileBackend(Path(folder))
        backend.check_folder()
        repository = cls(backend)
        repository.teams()
        backend.sweep_temp_files()
        return repository

    @classmethod
    def in_memory(cls) -> Repository:
        """A repository that keeps everything in memory."""
        return cls(MemoryBackend())

    def folder(self) -> Path | None:
        """The data folder, or None for a repository in memory."""
        return self.backend.folder if isinstance(self.backend, FileBackend) else None

    def location(self) -> str:
        """The data folder's absolute path, or `memory` for a repository in memory."""
        folder = self.folder()
        return str(folder.resolve()) if folder is not None else "memory"

    def demo_store(self) -> Repository:
        """The repository of the data folder's `demo` folder; in memory, this one."""
        if isinstance(self.backend, FileBackend):
            return Repository.open(self.backend.folder / "demo")
        return self

    # -- the plan ---------------------------------------------------------------------

    def plan(self) -> Plan:
        """Every team and objective."""
        records, data = self._records(PLAN_FILE)
        return Plan(teams=records.all(data, TEAMS), objectives=records.all(data, OBJECTIVES))

    def teams(self, include_archived: bool = False) -> list[Team]:
        """Teams, in the order they were created."""
        records, data = self._records(PLAN_FILE)
        teams: list[Team] = records.all(data, TEAMS)
        return [t for t in teams if include_archived or not t.archived]

    def team(self, team_id: str) -> Team:
        """One team; NotFoundError names the ids that exist."""
        teams = self.teams(include_archived=True)
        for team in teams:
            if team.id == team_id or team.name.casefold() == team_id.casefold():
                return team
        known = ", ".join(t.id for t in teams) or "none yet"
        raise NotFoundError(f"no team '{team_id}' (teams: {known})")

    def objectives(
        self, team_id: str | None = None, quarter: str | None = None, include_archived: bool = False
    ) -> list[Objective]:
        """Objectives, optionally of one team and quarter; of one team, only its are validated."""
        records, data = self._records(PLAN_FILE)
        found: list[Objective] = (
            records.all(data, OBJECTIVES)
            if team_id is None
            else records.of_team(data, OBJECTIVES, team_id)
        )
        return [
            o
            for o in found
            if (quarter is None or o.quarter == quarter) and (include_archived or not o.archived)
        ]

    def objective_quarters(self, team_id: str) -> list[str]:
        """Quarters for which a team has objectives, newest first."""
        return sorted({o.quarter for o in self.objectives(team_id)}, reverse=True)

    def save_team(self, team: Team) -> None:
        """Create or replace a team."""
        self._upsert(PLAN_FILE, TEAMS, team)

    def save_objective(self, objective: Objective) -> None:
        """Create or replace an objective with its key results."""
        self._upsert(PLAN_FILE, OBJECTIVES, objective)

    def save_plan(self, plan: Plan) -> None:
        """Create or replace every team and objective of `plan` in one transaction."""
        self.update_plan(lambda _current: plan)

    def update_team(self, team_id: str, change: Callable[[Team], Team]) -> Team:
        """Change one team as it is on disk now, under the plan's lock; returns the new team.

        An edit made from a form opened a while ago is applied to the team as another
        process may have changed it since (a member imported meanwhile is kept).
        """

        def one(plan: Plan) -> Plan:
            team = next((t for t in plan.teams if t.id == team_id), None)
            if team is None:
                raise NotFoundError(f"no team '{team_id}': it was removed meanwhile")
            return Plan(teams=[change(team)])

        return self.update_plan(one).teams[0]

    def update_objective(
        self, objective_id: str, change: Callable[[Objective], Objective]
    ) -> Objective:
        """Change one objective as it is on disk now, under the plan's lock (see update_team)."""

        def one(plan: Plan) -> Plan:
            objective = next((o for o in plan.objectives if o.id == objective_id), None)
            if objective is None:
                raise NotFoundError(f"no objective '{objective_id}': it was removed meanwhile")
            return Plan(objectives=[change(objective)])

        return self.update_plan(one).objectives[0]

    def update_plan(self, change: Callable[[Plan], Plan]) -> Plan:
        """Change the plan in one locked read-modify-write; returns what `change` returned.

        `change` is given the plan as it is on disk under the lock, so a second process's
        changes made meanwhile are merged, not lost. Its teams and objectives are created
        or replaced by id.
        """
        changed: dict[str, list[str]] = {}
        with self.backend.transaction(PLAN_FILE) as db:
            self._prepare(PLAN_FILE, db, changed)
            plan = change(self.plan())
            data = db.storage.read() or {}
            for table, records in ((TEAMS, plan.teams), (OBJECTIVES, plan.objectives)):
                documents = [_dump(r) for r in records]
                for document, record in zip(documents, records, strict=True):
                    if not isinstance(document.get("id"), str):
                        checked(self.backend.describe(PLAN_FILE), type(record), table, document)
                changed[table] = [document["id"] for document in documents]
                _replace_by_id(data.setdefault(table, {}), documents)
            # One write for the whole plan: the file holds the old plan or the new one.
            db.storage.write(data)
        return plan

    # -- what a team carries from meeting to meeting ---------------------------------------

    def issues(self, team_id: str) -> list[Issue]:
        """The team's issues, open and closed, oldest first."""
        return self._team_records(ISSUES, team_id)

    def update_issues(
        self, team_id: str, change: Callable[[list[Issue]], Sequence[Issue]]
    ) -> list[Issue]:
        """Create or replace issues of the team in one locked write; returns its issues.

        `change` is given the team's issues as they are on disk under the lock and returns
        those to create or replace (by id); none is ever deleted.
        """
        return self._update_team_records(ISSUES, team_id, change)

    def parked_topics(self, team_id: str) -> list[ParkedTopic]:
        """The team's parked topics, waiting or not, oldest first."""
        return self._team_records(PARKED, team_id)

    def update_parked_topics(
        self, team_id: str, change: Callable[[list[ParkedTopic]], Sequence[ParkedTopic]]
    ) -> list[ParkedTopic]:
        """Create or replace parked topics of the team in one locked write (see update_issues)."""
        return self._update_team_records(PARKED, team_id, change)

    def _team_records(self, table: str, team_id: str) -> list[Any]:
        records, data = self._records(PLAN_FILE)
        return list(records.of_team(data, table, team_id))

    def _update_team_records(
        self, table: str, team_id: str, change: Callable[[list[Any]], Sequence[Any]]
    ) -> list[Any]:
        changed: dict[str, list[str]] = {}
        with self.backend.transaction(PLAN_FILE) as db:
            self._prepare(PLAN_FILE, db, changed)
            put = list(change(self._team_records(table, team_id)))
            if put:
                for record in put:
                    if record.team_id != team_id:
                        raise ValueError(f"{table} record '{record.id}' is not of team {team_id}")
                data = db.storage.read() or {}
                documents = [_dump(r) for r in put]
                changed[table] = [document["id"] for document in documents]
                _replace_by_id(data.setdefault(table, {}), documents)
                db.storage.write(data)
        return self._team_records(table, team_id)

    # -- settings -----------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The app's remembered preferences (such as the theme); empty when none are saved."""
        documents = (self.backend.load(PLAN_FILE) or {}).get(SETTINGS, {})
        stored: dict[str, Any] = next(
            (d for d in documents.values() if d.get("id") == _SETTINGS_ID), {}
        )
        return {key: value for key, value in stored.items() if key != "id"}

    def save_settings(self, values: dict[str, Any]) -> None:
        """Remember preferences, merged into those already saved."""
        with self.backend.transaction(PLAN_FILE) as db:
            self._prepare(PLAN_FILE, db)
            # Merged under the lock: another process's preferences saved meanwhile stay.
            document = {**self.settings(), **values, "id": _SETTINGS_ID}
            db.table(SETTINGS).upsert(document, Query().id == _SETTINGS_ID)

    # -- sessions -----------------------------------------------------------------------
    #
    # A finished meeting lives in its quarter's file. A meeting in progress lives in the
    # small LIVE_FILE instead: it is saved after every answer, and rewriting a quarter file
    # of hundreds of meetings each time would make a busy year slower than week one. When
    # the meeting finishes it is written to its quarter, then removed from LIVE_FILE; a
    # crash in between leaves it in both, and the quarter's copy wins.

    def quarters(self) -> list[str]:
        """Quarters that have sessions, newest first. Reads no quarter file."""
        found = {n for n in self.backend.names() if is_quarter(n)}
        found |= {s.quarter for s in self._live()}
        return sorted(found, reverse=True)

    def sessions(
        self,
        quarter: str,
        team_id: str | None = None,
        kind: SessionKind | None = None,
    ) -> list[Session]:
        """The sessions of one quarter, oldest first, optionally filtered.

        The models are shared with the repository's cache: copy one before changing it.
        """
        records, data = self._records(quarter)
        stored: list[Session] = (
            records.all(data, SESSIONS)
            if team_id is None
            else records.of_team(data, SESSIONS, team_id)
        )
        live = [
            s
            for s in self._live()
            if s.quarter == quarter and not records.holds(data, SESSIONS, s.id)
        ]
        return sorted(
            (
                s
                for s in [*stored, *live]
                if (team_id is None or s.team_id == team_id) and (kind is None or s.kind == kind)
            ),
            key=lambda s: (s.date, s.started_at),
        )

    def iter_sessions(
        self, team_id: str | None = None, kind: SessionKind | None = None
    ) -> Iterator[list[Session]]:
        """Sessions a quarter at a time, newest quarter first; each file read when reached."""
        for quarter in self.quarters():
            yield self.sessions(quarter, team_id, kind)

    def search_sessions(self, quarter: str, words: list[str]) -> list[Session]:
        """Sessions of a quarter whose stored text holds every case-folded word, oldest first.

        A quick filter for searching many quarters: a file without the words is not parsed,
        and only records that hold them are validated. It may return a few more sessions than
        a search of the searchable fields would (a word in a KR title, say), never fewer.
        """
        pieces = [p for word in words for p in re.split(r'["\\]', word.casefold()) if p]
        cached = self._cache.get(quarter)
        if not pieces or (
            cached is not None
            and cached.is_complete(SESSIONS)
            and cached.version == self.backend.snapshot(quarter)[0]
        ):
            return [s for s in self.sessions(quarter) if _holds_all(s.model_dump_json(), pieces)]
        live = [s for s in self._live() if s.quarter == quarter]
        found = [s for s in live if _holds_all(s.model_dump_json(), pieces)]
        if not self.backend.contains_all(quarter, pieces):
            return found
        records, data = self._records(quarter)
        matched: list[Session] = records.matching(
            data, SESSIONS, lambda d: _holds_all(orjson.dumps(d).decode(), pieces)
        )
        ids = {s.id for s in matched}
        found = [s for s in found if s.id not in ids] + matched
        return sorted(found, key=lambda s: (s.date, s.started_at))

    def session(self, session_id: str) -> Session:
        """One session by id; NotFoundError when there is none."""
        quarter = quarter_of_session_id(session_id)
        if quarter is not None:
            records, data = self._records(quarter)
            stored: list[Session] = records.with_id(data, SESSIONS, session_id)
            live = [s for s in self._live() if s.quarter == quarter and s.id == session_id]
            found = stored or live
            if found:
                return min(found, key=lambda s: (s.date, s.started_at))
        raise NotFoundError(f"no session '{session_id}'")

    def save_session(self, session: Session, wait: bool = True) -> None:
        """Save a session: in progress into the live file, finished into its quarter's.

        Raises SessionHeldElsewhere when another live process has the meeting open; with
        `wait=False`, LockBusy when another process holds a file's lock beyond a moment
        (saving the same session again later finishes the job).
        """
        if not (isinstance(session.quarter, str) and is_quarter(session.quarter)):
            # The quarter names the file: refuse before it chooses where to write.
            checked(self.backend.describe(session.quarter), Session, SESSIONS, _dump(session))
        if session.status == "in_progress":
            self._upsert(LIVE_FILE, SESSIONS, session, self._not_held_elsewhere, wait)
            return
        # Saved finished before: a correction, whose hold stays until it is released.
        amending = self._holds(session.quarter, session.id)
        self._upsert(session.quarter, SESSIONS, session, self._not_held_live, wait)
        _, live = self.backend.snapshot(LIVE_FILE)
        tables = (SESSIONS,) if amending else (SESSIONS, HOLDERS)
        documents = [d for table in tables for d in (live or {}).get(table, {}).values()]
        if any(session.id in (d.get("id"), d.get("session_id")) for d in documents):
            self._remove(LIVE_FILE, session.id, wait)

    # -- who has a meeting open ------------------------------------------------------------

    def holder(self, session_id: str) -> Holder | None:
        """Another live process that has this meeting open, or None."""
        _, data = self.backend.snapshot(LIVE_FILE)
        for document in (data or {}).get(HOLDERS, {}).values():
            if document.get("session_id") == session_id:
                found = _holder(document)
                if found and found.is_alive() and not found.is_this_process():
                    return found
        return None

    def hold(self, session_id: str, take_over: bool = False, person: str | None = None) -> None:
        """Mark the meeting open in this process, by `person` (default: the process's
        account); SessionHeldElsewhere unless `take_over`.

        A process that was taken over can never save the meeting again (its screen is
        stale), not even after the new holder has left, until it holds it again here.
        """
        with self.backend.transaction(LIVE_FILE) as db:
            self._prepare(LIVE_FILE, db)
            me = now_holder(person)
            if not take_over:
                self._not_held_elsewhere(db, session_id, displaced_too=False)
            for document in db.table(HOLDERS).search(Query().session_id == session_id):
                found = _holder(document)
                if found and found.is_alive() and not found.is_this_process():
                    victim = {k: document[k] for k in ("host", "pid", "started")}
                    db.table(DISPLACED).insert(
                        {"session_id": session_id, **victim, "by": asdict(me)}
                    )
            db.table(DISPLACED).remove(
                (Query().session_id == session_id)
                & (Query().host == me.host)
                & (Query().pid == me.pid)
                & (Query().started == me.started)
            )
            document = {"session_id": session_id, **asdict(me)}
            db.table(HOLDERS).upsert(document, Query().session_id == session_id)

    def release(self, session_id: str) -> None:
        """Let go of a meeting this process holds (someone who took it over keeps it)."""
        if self.holder(session_id) is not None:
            return
        with self.backend.transaction(LIVE_FILE) as db:
            self._prepare(LIVE_FILE, db)
            db.table(HOLDERS).remove(Query().session_id == session_id)

    def _not_held_live(self, db: Any, session_id: str) -> None:
        """A finished meeting's file is written only while no other process holds it."""
        found = self.holder(session_id)
        if found is not None:
            raise SessionHeldElsewhere(session_id, found)

    def _not_held_elsewhere(self, db: Any, session_id: str, displaced_too: bool = True) -> None:
        for document in db.table(HOLDERS).search(Query().session_id == session_id):
            found = _holder(document)
            if found and found.is_alive() and not found.is_this_process():
                raise SessionHeldElsewhere(session_id, found)
        if not displaced_too:
            return
        me = now_holder()
        for document in db.table(DISPLACED).search(Query().session_id == session_id):
            if (document.get("host"), document.get("pid"), document.get("started")) == (
                me.host,
                me.pid,
                me.started,
            ):
                by = _holder(document.get("by") or {})
                raise SessionHeldElsewhere(session_id, by or me)

    def delete_session(self, session_id: str) -> str | None:
        """Delete a session after writing a backup of its file; returns the copy."""
        session = self.session(session_id)
        names = [n for n in (session.quarter, LIVE_FILE) if self._holds(n, session.id)]
        copy = None
        for name in names:
            copy = self.backend.backup(name, f"before-deleting-{session.id}") or copy
            self._remove(name, session.id)
        return copy

    def in_progress(self, team_id: str, kind: SessionKind | None = None) -> Session | None:
        """The team's latest unfinished session, if any."""
        pending = [
            s for s in self._live() if s.team_id == team_id and (kind is None or s.kind == kind)
        ]
        # A meeting finished just before a crash is still in the live file: skip it.
        pending = [s for s in pending if not self._holds(s.quarter, s.id)]
        for quarter in self.quarters()[:2]:  # data written before the live file existed
            records, data = self._records(quarter)
            pending += [
                s
                for s in records.of_team(data, SESSIONS, team_id)
                if s.status == "in_progress" and (kind is None or s.kind == kind)
            ]
        pending.sort(key=lambda s: (s.date, s.started_at))
        return pending[-1] if pending else None

    def _live(self) -> list[Session]:
        records, data = self._records(LIVE_FILE)
        sessions: list[Session] = records.all(data, SESSIONS)
        return sessions

    def _holds(self, name: str, session_id: str) -> bool:
        records, data = self._records(name)
        return records.holds(data, SESSIONS, session_id)

    def _remove(self, name: str, session_id: str, wait: bool = True) -> None:
        with self.backend.transaction(name, wait) as db:
            self._prepare(name, db)
            db.table(SESSIONS).remove(Query().id == session_id)
            if name == LIVE_FILE:
                db.table(HOLDERS).remove(Query().session_id == session_id)
                db.table(DISPLACED).remove(Query().session_id == session_id)

    # -- members' own updates -------------------------------------------------------------

    def submit_update(self, update: Update) -> None:
        """Put a member's update into the team's inbox (or replace the one with its id)."""
        self.team(update.team_id)  # an update for a team that does not exist is refused
        self._upsert(INBOX_FILE, UPDATES, update)

    def pending_updates(self, team_id: str) -> list[Update]:
        """The team's updates waiting in its inbox, oldest first."""
        records, data = self._records(INBOX_FILE)
        found: list[Update] = records.of_team(data, UPDATES, team_id)
        return sorted(found, key=lambda u: u.submitted_at)

    def remove_update(self, update_id: str) -> None:
        """Take an update out of the inbox (accepted or withdrawn); gone already is fine."""
        with self.backend.transaction(INBOX_FILE) as db:
            self._prepare(INBOX_FILE, db)
            db.table(UPDATES).remove(Query().id == update_id)

    # -- watching for changes ---------------------------------------------------------------

    def version(self, part: DataPart | None = None) -> Hashable:
        """A token that changes whenever the files of `part` (all when None) change; cheap."""
        names = set(_PART_FILES.get(part, ())) if part is not None else set(_all_files())
        if part in (None, "sessions"):
            names |= {n for n in self.backend.names() if is_quarter(n)}
        return self.backend.stamp(sorted(names))

    def changed_since(self, version: Hashable, part: DataPart | None = None) -> bool:
        """Whether `part` changed since `version(part)` returned `version`."""
        return self.version(part) != version

    # -- files --------------------------------------------------------------------------

    def _upsert(
        self,
        name: str,
        table: str,
        record: BaseModel,
        guard: Callable[[Any, str], None] | None = None,
        wait: bool = True,
    ) -> None:
        document = _dump(record)
        if not isinstance(document.get("id"), str):  # the id finds the record to replace
            checked(self.backend.describe(name), type(record), table, document)
        with self.backend.transaction(name, wait) as db:
            passed: dict[str, BaseModel] = {}
            before = self._prepare(name, db, {table: [document["id"]]}, passed)
            if guard is not None:
                guard(db, document["id"])
            db.table(table).upsert(document, Query().id == document["id"])
            written, data = self.backend.snapshot(name)  # under the lock: no one else wrote
        # Keep the cache current instead of validating the whole file again on the next
        # read: a meeting saves after every answer. The gate validated its own copy of the
        # record as written (callers change theirs).
        self._cache[name] = before.after_write(written, data or {}, table, passed[document["id"]])

    def _prepare(
        self,
        name: str,
        db: Any,
        changed: dict[str, list[str]] | None = None,
        passed: dict[str, BaseModel] | None = None,
    ) -> FileRecords:
        """Under the lock: every record of the file validated, at the current schema, and
        the gate every write of this transaction passes.

        A write rewrites the whole file, so none is written while any record is unusable.
        The gate checks, as the reader will, the records of `changed` (table -> ids: filled
        in by the caller before it writes) and every record new to the file; one that would
        not read back is refused (RecordRefused) before the temporary file is written.
        The models it validated from `changed` go into `passed`.
        """
        records, data = self._records(name)
        for table in records.models:
            records.all(data, table)
        ids = {} if changed is None else changed

        def gate(written: RawData) -> None:
            gate_written(records.where, records.models, written, ids, records, passed)
            if not written.get(META_TABLE):  # a new file: stamped with its schema
                written[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}

        db.storage.gate = gate
        return records

    def _current(self, name: str) -> tuple[Hashable, RawData]:
        """A file's version and contents at the current schema, migrating (after a backup)."""
        version, data = self.backend.snapshot(name)
        where = Path(self.backend.describe(name))
        if not data:
            return version, {}
        try:
            found = schema_version(data)
        except ValueError as exc:
            raise DataFileError(where, str(exc)) from None
        if found > SCHEMA_VERSION:
            raise DataFileError(
                where,
                f"it was written by a newer okrtui (schema {found}; this one reads up to "
                f"{SCHEMA_VERSION})",
                "Nothing was changed. Upgrade okrtui to open it.",
            )
        if found < SCHEMA_VERSION:
            return self._migrate(name, version, data, found)
        return version, data

    def _migrate(
        self, name: str, version: Hashable, data: RawData, found: int
    ) -> tuple[Hashable, RawData]:
        """Bring an old file up to date: nothing is written (not even a backup) unless every
        record of the migrated file reads back; then a backup, then the file, under the lock."""
        where = Path(self.backend.describe(name))
        migrated = migrate(dict(data), found)  # the steps never change what they are given
        validated = FileRecords(version, where, file_models(name))
        for table in validated.models:
            validated.all(migrated, table)  # DataFileError names the record
        with self.backend.transaction(name) as db:
            if self.backend.snapshot(name)[0] != version:
                return self._current(name)  # another process changed it meanwhile
            self.backend.backup(name, f"schema-{found}")
            db.storage.gate = lambda written: gate_written(
                where, validated.models, written, {}, validated
            )
            db.storage.write(migrated)
        return self.backend.snapshot(name)[0], migrated

    def _records(self, name: str) -> tuple[FileRecords, RawData]:
        """A file's validated records so far and its current data (same version)."""
        version, data = self._current(name)
        records = self._cache.get(name)
        if records is None or records.version != version:
            records = FileRecords(version, Path(self.backend.describe(name)), file_models(name))
            self._cache[name] = records
        return records, data


def _holds_all(text: str, pieces: list[str]) -> bool:
    folded = text.casefold()
    return all(piece in folded for piece in pieces)


def _holder(document: dict[str, Any]) -> Holder | None:
    try:
        return Holder(**{f.name: document[f.name] for f in fields(Holder)})
    except (KeyError, TypeError):
        return None


def _dump(record: BaseModel) -> dict[str, Any]:
    """A record as the document it would be stored as (warnings about bad values are moot:
    the gate refuses them)."""
    return record.model_dump(mode="json", warnings=False)


def _replace_by_id(documents: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Put each record in place of the document with its id, or after the last one."""
    keys = {document.get("id"): key for key, document in documents.items()}
    next_key = max((int(key) for key in documents if key.isdigit()), default=0) + 1
    for record in records:
        key = keys.get(record["id"])
        if key is None:
            key = keys[record["id"]] = str(next_key)
            next_key += 1
        documents[key] = record


def _all_files() -> tuple[str, ...]:
    return tuple(name for names in _PART_FILES.values() for name in names)


def file_models(name: str) -> dict[str, type[BaseModel]]:
    """The model of each table of a data file."""
    if name in (PLAN_FILE, INBOX_FILE):
        return _MODELS[name]
    return _MODELS[SESSIONS]


def is_data_file(name: str) -> bool:
    """Whether okrtui reads the file `name.json` of a data folder."""
    return name in _all_files() or is_quarter(name)
