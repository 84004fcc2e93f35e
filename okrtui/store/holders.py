"""Who has a meeting open: one process runs a meeting; others view it or take it over.

A holder names a process by host, pid and that process's start time (pids are reused),
so a holder whose process has died no longer counts.
"""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from okrtui.store.errors import StoreError


@dataclass(frozen=True)
class Holder:
    """The process that has a meeting open."""

    host: str
    pid: int
    started: str  # the process's start time, as the system reports it
    user: str
    since: str  # when it opened the meeting (ISO time)

    def describe(self) -> str:
        """`ana on laptop (process 4242) since 10:03`."""
        when = self.since[11:16] if len(self.since) >= 16 else self.since
        return f"{self.user} on {self.host} (process {self.pid}) since {when}"

    def is_this_process(self) -> bool:
        """True when the holder is the running process."""
        me = this_process()
        return (self.host, self.pid, self.started) == (me.host, me.pid, me.started)

    def is_alive(self) -> bool:
        """True unless the holder's process is known to have ended."""
        if self.host != socket.gethostname():
            return True  # cannot tell for another machine: assume it is still there
        return _start_time(self.pid) == self.started


class SessionHeldElsewhere(StoreError):
    """The meeting is open in another live process."""

    def __init__(self, session_id: str, holder: Holder) -> None:
        self.session_id = session_id
        self.holder = holder
        super().__init__(f"this meeting is open elsewhere: {holder.describe()}")


def this_process() -> Holder:
    """The running process as a holder (its `since` is filled in when it takes a meeting)."""
    return _process(os.getpid())  # by pid: a forked child is not its parent


@cache
def _process(pid: int) -> Holder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "someone"
    return Holder(socket.gethostname(), pid, _start_time(pid) or "", user, "")


def now_holder(person: str | None = None) -> Holder:
    """This process, holding from now, by `person` (default: the process's account)."""
    me = this_process()
    return Holder(
        me.host, me.pid, me.started, person or me.user, datetime.now().isoformat(timespec="seconds")
    )


def _start_time(pid: int) -> str | None:
    """A process's start time in clock ticks since boot, or None when it is not running."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return fields[19]  # field 22 of stat(5), counted after the command name
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return "?"
        return "?"
