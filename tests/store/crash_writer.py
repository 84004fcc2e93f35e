"""A process that saves records in a loop and acknowledges each save; the crash test kills it.

Run as `python crash_writer.py FOLDER`. It imports okrtui once, then serves commands read on
stdin, so each of the hundred-odd kills costs a fork instead of a fresh interpreter:

    start N   fork a writer that saves writes N, N+1, ... into FOLDER; it prints `pid P`, then
              `ack I` after each save of write I returns. When the writer dies this process
              prints `died S` (S = the killing signal, or -code when it exited by itself).

Write I saves one record, `record(I)`: a team, a meeting in progress (kept in the live
file) or a finished meeting (moved into its quarter's file). The test rebuilds any record
from its index and compares it field by field.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import date, datetime
from pathlib import Path

from okrtui.domain.models import Member, Session, Team
from okrtui.store import Repository

QUARTER = "2026-Q4"
# With every fourth write a team, ten session slots still all get written (10 % 4 != 0).
SESSION_SLOTS = 10
TEAM_SLOTS = 3
# Each slot's meeting is saved in progress for two rounds of writes, then finished in the
# third, then the slot starts a new meeting: saves go to the live file, the quarter file,
# and the move from one to the other.
ROUND = SESSION_SLOTS
ROUNDS_PER_MEETING = 3
# A writer that is never killed stops here, so a lost test run cannot leave it spinning.
MAX_WRITES_PER_WRITER = 5_000


def target(index: int) -> tuple[str, int]:
    """Which record write `index` saves: ("team", slot) for every fourth, else a session."""
    if index % 4 == 3:
        return "team", index // 4 % TEAM_SLOTS
    return "session", index % SESSION_SLOTS


def finishes(index: int) -> bool:
    """Whether write `index` (of a session) saves its meeting as completed."""
    return index // ROUND % ROUNDS_PER_MEETING == ROUNDS_PER_MEETING - 1


def record_key(index: int) -> str:
    """The id of the record that write `index` saves."""
    kind, slot = target(index)
    if kind == "team":
        return f"crash-{slot}"
    meeting = index // (ROUND * ROUNDS_PER_MEETING)
    return f"{QUARTER}-crash{slot:02d}m{meeting:03d}"


def record(index: int) -> Team | Session:
    """The exact record write `index` saves; sizes vary so writes take varying time."""
    kind, slot = target(index)
    if kind == "team":
        return Team(
            id=record_key(index),
            name=f"Crash team {slot}",
            aligned_objective=f"write {index}",
            members=[Member(id=f"m{n}", name=f"Member {n}") for n in range(index % 7)],
        )
    day = 1 + index % 28
    started = datetime(2026, 11, day, 9, index % 60)
    return Session(
        id=record_key(index),
        team_id=f"crash-{slot % TEAM_SLOTS}",
        kind="weekly",
        quarter=QUARTER,
        week=1 + index % 13,
        date=date(2026, 11, day),
        facilitator=f"write {index}",
        status="completed" if finishes(index) else "in_progress",
        started_at=started,
        ended_at=started.replace(hour=10) if finishes(index) else None,
        step_seconds={f"step{n}": float(index + n) for n in range(index % 9)},
        summary="words " * (index % 120),
    )


def index_of(saved: Team | Session) -> int:
    """The write index a saved record came from."""
    text = saved.aligned_objective if isinstance(saved, Team) else saved.facilitator
    return int(text.removeprefix("write "))


def say(line: str) -> None:
    """One line on stdout, unbuffered, so a kill cannot lose or duplicate it."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write_forever(folder: Path, first: int) -> None:
    """Open the folder and save write after write, acknowledging each one."""
    repository = Repository.open(folder)
    for index in range(first, first + MAX_WRITES_PER_WRITER):
        saved = record(index)
        if isinstance(saved, Team):
            repository.save_team(saved)
        else:
            repository.save_session(saved)
        say(f"ack {index}")


def serve(folder: Path) -> None:
    """Fork a writer for each `start N` line on stdin and report how it died."""
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command != "start":
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                say(f"pid {os.getpid()}")
                write_forever(folder, int(argument))
            except BaseException as exc:
                say(f"error {exc!r}".replace("\n", " | "))
                code = 3
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            say(f"died {os.WTERMSIG(status)}")
        else:
            say(f"died {-os.WEXITSTATUS(status)}")


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # the test went away: just stop
    serve(Path(sys.argv[1]))
