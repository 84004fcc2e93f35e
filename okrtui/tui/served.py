"""What changes when the app runs in a browser, started by `okrtui serve`.

The server starts one app per browser tab and talks to it over the app's stdin and stdout.
When the server goes (killed, or the tab's connection is dropped without a goodbye), Textual
stops reading its input at end of file but keeps running, holding its meeting: the
watchdog here ends the app the normal way instead (so the meeting is saved and let go).
"""

from __future__ import annotations

import os
import select
from typing import TYPE_CHECKING

from okrtui.services.identity import named_by_environment
from okrtui.store import StoreError

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# How often the app looks whether its server is still there.
WATCH_SECONDS = 0.5


def start_served(app: OkrApp) -> None:
    """In a browser: watch the server, and ask who the person is unless a proxy said."""
    parent = os.getppid()
    app.set_interval(WATCH_SECONDS, lambda: _watch(app, parent), name="server watchdog")
    if not named_by_environment():
        from okrtui.tui.dialogs.who_are_you import WhoAreYouDialog

        app.push_screen(WhoAreYouDialog(member_names(app)))


def server_gone(parent: int) -> bool:
    """Whether the server that started this app has gone: a new parent, or stdin closed."""
    if os.getppid() != parent:
        return True
    poller = select.poll()
    poller.register(0, select.POLLHUP)
    return any(
        events & (select.POLLHUP | select.POLLERR | select.POLLNVAL)
        for _fd, events in poller.poll(0)
    )


def _watch(app: OkrApp, parent: int) -> None:
    if not server_gone(parent):
        return
    # Nobody reads the screen any more: drawn into nothing, the app leaves the normal way
    # (the meeting saves its clocks and is let go) instead of failing on a broken pipe.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    app.exit()


def member_names(app: OkrApp) -> list[str]:
    """The active members of every team, the chosen team's first, each name once."""
    try:
        teams = app.repository.teams()
    except StoreError:
        return []
    teams.sort(key=lambda team: team.id != app.team_id)
    names = [m.name for team in teams for m in team.members if m.active]
    return list(dict.fromkeys(names))
