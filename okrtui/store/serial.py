"""A Store that answers one call at a time, whichever thread asks.

The app reads in worker threads (history, home) while the meeting saves on the event loop.
The repository is not made for two threads at once: a write changes in place the data a
read may be walking. Every call of the app's store goes through one lock instead; each
call is short (one quarter at a time), so a save waits at most for one read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any

from okrtui.domain.models import Issue, Objective, ParkedTopic, Session, SessionKind, Team
from okrtui.domain.plan import Plan
from okrtui.domain.updates import Update
from okrtui.store.holders import Holder
from okrtui.store.port import DataPart, Store


class SerialStore:
    """Wraps a Store so that its calls never overlap."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self._lock = threading.RLock()

    def location(self) -> str:
        return self.inner.location()

    def folder(self) -> Path | None:
        return self.inner.folder()

    def demo_store(self) -> Store:
        with self._lock:
            demo = self.inner.demo_store()
        return self if demo is self.inner else SerialStore(demo)

    def plan(self) -> Plan:
        with self._lock:
            return self.inner.plan()

    def teams(self, include_archived: bool = False) -> list[Team]:
        with self._lock:
            return self.inner.teams(include_archived)

    def team(self, team_id: str) -> Team:
        with self._lock:
            return self.inner.team(team_id)

    def objectives(
        self, team_id: str | None = None, quarter: str | None = None, include_archived: bool = False
    ) -> list[Objective]:
        with self._lock:
            return self.inner.objectives(team_id, quarter, include_archived)

    def objective_quarters(self, team_id: str) -> list[str]:
        with self._lock:
            return self.inner.objective_quarters(team_id)

    def save_team(self, team: Team) -> None:
        with self._lock:
            self.inner.save_team(team)

    def save_objective(self, objective: Objective) -> None:
        with self._lock:
            self.inner.save_objective(objective)

    def save_plan(self, plan: Plan) -> None:
        with self._lock:
            self.inner.save_plan(plan)

    def update_plan(self, change: Callable[[Plan], Plan]) -> Plan:
        with self._lock:
            return self.inner.update_plan(change)

    def update_team(self, team_id: str, change: Callable[[Team], Team]) -> Team:
        with self._lock:
            return self.inner.update_team(team_id, change)

    def update_objective(
        self, objective_id: str, change: Callable[[Objective], Objective]
    ) -> Objective:
        with self._lock:
            return self.inner.update_objective(objective_id, change)

    def issues(self, team_id: str) -> list[Issue]:
        with self._lock:
            return self.inner.issues(team_id)

    def update_issues(
        self, team_id: str, change: Callable[[list[Issue]], Sequence[Issue]]
    ) -> list[Issue]:
        with self._lock:
            return self.inner.update_issues(team_id, change)

    def parked_topics(self, team_id: str) -> list[ParkedTopic]:
        with self._lock:
            return self.inner.parked_topics(team_id)

    def update_parked_topics(
        self, team_id: str, change: Callable[[list[ParkedTopic]], Sequence[ParkedTopic]]
    ) -> list[ParkedTopic]:
        with self._lock:
            return self.inner.update_parked_topics(team_id, change)

    def settings(self) -> dict[str, Any]:
        with self._lock:
            return self.inner.settings()

    def save_settings(self, values: dict[str, Any]) -> None:
        with self._lock:
            self.inner.save_settings(values)

    def quarters(self) -> list[str]:
        with self._lock:
            return self.inner.quarters()

    def sessions(
        self, quarter: str, team_id: str | None = None, kind: SessionKind | None = None
    ) -> list[Session]:
        with self._lock:
            return self.inner.sessions(quarter, team_id, kind)

    def iter_sessions(
        self, team_id: str | None = None, kind: SessionKind | None = None
    ) -> Iterator[list[Session]]:
        batches = self.inner.iter_sessions(team_id, kind)
        while True:
            # The lock is held for one quarter at a time, not while the caller looks at it.
            with self._lock:
                batch = next(batches, None)
            if batch is None:
                return
            yield batch

    def search_sessions(self, quarter: str, words: list[str]) -> list[Session]:
        with self._lock:
            return self.inner.search_sessions(quarter, words)

    def session(self, session_id: str) -> Session:
        with self._lock:
            return self.inner.session(session_id)

    def save_session(self, session: Session, wait: bool = True) -> None:
        with self._lock:
            self.inner.save_session(session, wait)

    def delete_session(self, session_id: str) -> str | None:
        with self._lock:
            return self.inner.delete_session(session_id)

    def in_progress(self, team_id: str, kind: SessionKind | None = None) -> Session | None:
        with self._lock:
            return self.inner.in_progress(team_id, kind)

    def holder(self, session_id: str) -> Holder | None:
        with self._lock:
            return self.inner.holder(session_id)

    def hold(self, session_id: str, take_over: bool = False, person: str | None = None) -> None:
        with self._lock:
            self.inner.hold(session_id, take_over, person)

    def release(self, session_id: str) -> None:
        with self._lock:
            self.inner.release(session_id)

    def submit_update(self, update: Update) -> None:
        with self._lock:
            self.inner.submit_update(update)

    def pending_updates(self, team_id: str) -> list[Update]:
        with self._lock:
            return self.inner.pending_updates(team_id)

    def remove_update(self, update_id: str) -> None:
        with self._lock:
            self.inner.remove_update(update_id)

    # Not under the lock: a screen's watch asks on the event loop, and must not wait for a
    # long read in a worker. A version only looks at the files' status, changing nothing.
    def version(self, part: DataPart | None = None) -> Hashable:
        return self.inner.version(part)

    def changed_since(self, version: Hashable, part: DataPart | None = None) -> bool:
        return self.inner.changed_since(version, part)


def serial(store: Store) -> SerialStore:
    """`store` made safe to call from several threads (itself when it already is)."""
    return store if isinstance(store, SerialStore) else SerialStore(store)
