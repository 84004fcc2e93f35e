"""The port to the data: what the interface, the services and the command line may ask of it.

`Repository` (on a folder of TinyDB files, or in memory) is the implementation; anything
else that passes the suite in `tests/store/test_store_contract.py` may stand in for it.
Nothing here names TinyDB: callers speak in the domain's models only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from okrtui.domain.models import Issue, Objective, ParkedTopic, Session, SessionKind, Team
from okrtui.domain.plan import Plan
from okrtui.domain.updates import Update
from okrtui.store.holders import Holder

DataPart = Literal["plan", "sessions", "inbox"]
"""What a screen may watch: the plan, the meetings (in progress and finished), the inbox."""


@runtime_checkable
class Store(Protocol):
    """Typed load and save of the plan, the sessions and the team-wide settings."""

    # -- where the data is ------------------------------------------------------------

    def location(self) -> str:
        """Where the data lives, named for a person and stable between runs (a folder's path)."""
        ...

    def folder(self) -> Path | None:
        """The data folder, or None for a store kept elsewhere (in memory)."""
        ...

    def demo_store(self) -> Store:
        """The store the demo is built into: a `demo` folder inside a data folder.

        A store without folders (in memory) is its own demo store.
        """
        ...

    # -- the plan ---------------------------------------------------------------------

    def plan(self) -> Plan:
        """Every team and objective."""
        ...

    def teams(self, include_archived: bool = False) -> list[Team]:
        """Teams, in the order they were created."""
        ...

    def team(self, team_id: str) -> Team:
        """One team by id or name; NotFoundError names the ids that exist."""
        ...

    def objectives(
        self, team_id: str | None = None, quarter: str | None = None, include_archived: bool = False
    ) -> list[Objective]:
        """Objectives, optionally of one team and quarter."""
        ...

    def objective_quarters(self, team_id: str) -> list[str]:
        """Quarters for which a team has objectives, newest first."""
        ...

    def save_team(self, team: Team) -> None:
        """Create or replace a team."""
        ...

    def save_objective(self, objective: Objective) -> None:
        """Create or replace an objective with its key results."""
        ...

    def save_plan(self, plan: Plan) -> None:
        """Create or replace every team and objective of `plan` in one write."""
        ...

    def update_plan(self, change: Callable[[Plan], Plan]) -> Plan:
        """Change the plan as it is now, in one locked write; returns what `change` returned."""
        ...

    def update_team(self, team_id: str, change: Callable[[Team], Team]) -> Team:
        """Change one team as it is now, in one locked write; returns the new team."""
        ...

    def update_objective(
        self, objective_id: str, change: Callable[[Objective], Objective]
    ) -> Objective:
        """Change one objective as it is now, in one locked write; returns the new one."""
        ...

    # -- what a team carries from meeting to meeting ---------------------------------------

    def issues(self, team_id: str) -> list[Issue]:
        """The team's issues, open and closed, oldest first."""
        ...

    def update_issues(
        self, team_id: str, change: Callable[[list[Issue]], Sequence[Issue]]
    ) -> list[Issue]:
        """Create or replace issues of the team in one locked write; returns its issues.

        `change` is given the team's issues as they are now and returns those to create
        or replace (by id); none is deleted.
        """
        ...

    def parked_topics(self, team_id: str) -> list[ParkedTopic]:
        """The team's parked topics, waiting or not, oldest first."""
        ...

    def update_parked_topics(
        self, team_id: str, change: Callable[[list[ParkedTopic]], Sequence[ParkedTopic]]
    ) -> list[ParkedTopic]:
        """Create or replace parked topics of the team in one locked write (as update_issues)."""
        ...

    # -- settings the whole team shares -----------------------------------------------

    def settings(self) -> dict[str, Any]:
        """Team-wide settings kept with the plan; empty when none are saved."""
        ...

    def save_settings(self, values: dict[str, Any]) -> None:
        """Remember team-wide settings, merged into those already saved."""
        ...

    # -- sessions ---------------------------------------------------------------------

    def quarters(self) -> list[str]:
        """Quarters that have sessions, newest first."""
        ...

    def sessions(
        self, quarter: str, team_id: str | None = None, kind: SessionKind | None = None
    ) -> list[Session]:
        """The sessions of one quarter, oldest first; the models are shared: copy to change."""
        ...

    def iter_sessions(
        self, team_id: str | None = None, kind: SessionKind | None = None
    ) -> Iterator[list[Session]]:
        """Sessions a quarter at a time, newest quarter first."""
        ...

    def search_sessions(self, quarter: str, words: list[str]) -> list[Session]:
        """A quarter's sessions whose stored text holds every word (maybe a few more), oldest first."""
        ...

    def session(self, session_id: str) -> Session:
        """One session by id; NotFoundError when there is none."""
        ...

    def save_session(self, session: Session, wait: bool = True) -> None:
        """Save a session; SessionHeldElsewhere when another process has it open.

        With `wait=False`, LockBusy (nothing written) instead of waiting for another
        process's lock beyond a moment.
        """
        ...

    def delete_session(self, session_id: str) -> str | None:
        """Delete a session after keeping a copy; returns where the copy went."""
        ...

    def in_progress(self, team_id: str, kind: SessionKind | None = None) -> Session | None:
        """The team's latest unfinished session, if any."""
        ...

    # -- who has a meeting open ---------------------------------------------------------

    def holder(self, session_id: str) -> Holder | None:
        """Another live process that has this meeting open, or None."""
        ...

    def hold(self, session_id: str, take_over: bool = False, person: str | None = None) -> None:
        """Mark the meeting open here, by `person` (default: this process's account);
        SessionHeldElsewhere unless `take_over`."""
        ...

    def release(self, session_id: str) -> None:
        """Let go of a meeting this process holds."""
        ...

    # -- members' own updates -------------------------------------------------------------

    def submit_update(self, update: Update) -> None:
        """Put a member's update into its team's inbox (replacing one with the same id)."""
        ...

    def pending_updates(self, team_id: str) -> list[Update]:
        """The team's updates waiting in its inbox, oldest first."""
        ...

    def remove_update(self, update_id: str) -> None:
        """Take an update out of the inbox once accepted; one already gone is no error."""
        ...

    # -- watching for changes ---------------------------------------------------------------

    def version(self, part: DataPart | None = None) -> Hashable:
        """A token that changes whenever `part` of the data changes (any part when None),
        whichever process changed it. Cheap (no file is parsed): screens poll it, from any
        thread, without waiting for the store's other calls."""
        ...

    def changed_since(self, version: Hashable, part: DataPart | None = None) -> bool:
        """Whether `part` changed since `version(part)` returned `version`."""
        ...
