"""Who facilitated a team's last meeting: offered as the next meeting's facilitator.

Kept with the plan (a team-wide setting): whoever opens the team's next meeting, on any
machine, is offered the same name.
"""

from __future__ import annotations

from okrtui.services.identity import current_person, named_by_environment
from okrtui.store import StoreError
from okrtui.store.port import Store

FACILITATORS = "facilitators"


def remember_facilitator(store: Store, team_id: str, name: str) -> None:
    """Keep the facilitator's name for this team's next meeting (best effort)."""
    try:
        stored = store.settings().get(FACILITATORS, {})
        facilitators = dict(stored) if isinstance(stored, dict) else {}
        if name and facilitators.get(team_id) != name:
            store.save_settings({FACILITATORS: {**facilitators, team_id: name}})
    except (StoreError, OSError):
        pass


def remembered_facilitator(store: Store, team_id: str) -> str:
    """The facilitator of this team's last meeting, from the settings or its sessions."""
    try:
        stored = store.settings().get(FACILITATORS, {})
    except StoreError:
        stored = {}
    if isinstance(stored, dict) and isinstance(stored.get(team_id), str):
        return str(stored[team_id])
    for sessions in store.iter_sessions(team_id):
        for session in reversed(sessions):
            if session.facilitator:
                return session.facilitator
    return ""


def opening_facilitator(store: Store, team_id: str) -> str:
    """A new meeting's facilitator: the person named for this process (by `okrtui serve` or
    `OKRTUI_USER`), else whoever facilitated the team's last meeting."""
    if named_by_environment():
        return current_person()
    return remembered_facilitator(store, team_id)
