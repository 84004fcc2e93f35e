"""One member following the meeting: what the follow view does with the store, no drawing.

Run as `python -m bench.follower FOLDER TEAM`. It looks at the meetings' files as the follow
view does (`Store.changed_since`, every FOLLOW_POLL_SECONDS), reads the team's meeting in
progress when they changed, and prints `VALUE TIME` (the first key result's check-in value
and `time.monotonic()`, which every process on the machine shares) for each value it sees.
It ends when its standard input closes.
"""

from __future__ import annotations

import select
import sys
import time
from pathlib import Path

from okrtui.store import Repository, StoreError
from okrtui.tui.screens.follow import FOLLOW_POLL_SECONDS


def follow(folder: Path, team_id: str) -> None:
    """Print each new check-in value of the team's meeting as this follower first sees it."""
    repository = Repository.open(folder)
    seen = repository.version("sessions")
    last: float | None = None
    print("ready", flush=True)
    while not select.select([sys.stdin], [], [], FOLLOW_POLL_SECONDS)[0]:
        try:
            if not repository.changed_since(seen, "sessions"):
                continue
            seen = repository.version("sessions")
            meeting = repository.in_progress(team_id, "weekly")
        except StoreError:
            continue  # a file replaced this instant: the next look reads it
        checkin = meeting.checkins[0] if meeting is not None and meeting.checkins else None
        if checkin is not None and checkin.value != last:
            last = checkin.value
            print(f"{last:g} {time.monotonic():.6f}", flush=True)


if __name__ == "__main__":
    follow(Path(sys.argv[1]), sys.argv[2])
