"""A process that saves many distinct records into one folder once told to go.

Run as `python concurrent_writer.py FOLDER NAME COUNT sessions|teams|issues|updates`. It
opens the folder, prints `ready`, waits for a line on stdin, saves COUNT records whose ids
start with NAME, then prints `done`. Two of these started together write into the same file at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from okrtui.domain.models import Contribution, Issue, ParkedTopic, Session, Team
from okrtui.domain.updates import Update
from okrtui.store import Repository

T = TypeVar("T")

QUARTER = "2026-Q4"


def session(name: str, n: int) -> Session:
    """Session `n` of writer `name`, in the one quarter file both writers share.

    Finished, so it is saved into the quarter's file (meetings in progress have their own).
    """
    day = 1 + n % 28
    started = datetime(2026, 11, day, 9, n % 60)
    return Session(
        id=f"{QUARTER}-{name}{n:04d}",
        team_id="sales",
        kind="weekly",
        quarter=QUARTER,
        week=1 + n % 13,
        date=date(2026, 11, day),
        facilitator=name,
        status="completed",
        started_at=started,
        ended_at=started.replace(hour=10),
    )


def team(name: str, n: int) -> Team:
    """Team `n` of writer `name`, in the plan file both writers share."""
    return Team(id=f"{name}-{n:04d}", name=f"Team {n} of {name}")


def issue(name: str, n: int) -> Issue:
    """Issue `n` of writer `name`: both writers raise issues of the same team."""
    return Issue(
        id=f"{QUARTER}-{name}.n-{n:04d}",
        team_id="sales",
        text=f"Blocker {n} raised by {name}",
        raised_in=f"{QUARTER}-{name}",
        raised_on=date(2026, 11, 1 + n % 28),
    )


def topic(name: str, n: int) -> ParkedTopic:
    """Parked topic `n` of writer `name`, of the same team as the other writer's."""
    return ParkedTopic(
        id=f"p-{name}{n:04d}",
        team_id="sales",
        text=f"Topic {n} parked by {name}",
        parked_in=f"{QUARTER}-{name}",
        parked_on=date(2026, 11, 1 + n % 28),
    )


def adding(record: T) -> Callable[[list[T]], list[T]]:
    """A change that adds `record` to what is stored."""
    return lambda now: [record]


def update(name: str, n: int) -> Update:
    """Update `n` sent by writer `name` into the sales team's inbox, which both share."""
    return Update(
        id=f"up-{name}{n:04d}",
        team_id="sales",
        kind="contribution",
        from_member="ana",
        submitted_at=datetime(2026, 11, 1 + n % 28, 9, n % 60),
        contribution=Contribution(id=f"ct-{name}{n:04d}", member_id="ana", text=f"{name} {n}"),
    )


def main(folder: Path, name: str, count: int, kind: str) -> None:
    repository = Repository.open(folder)
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(count):
        if kind == "sessions":
            repository.save_session(session(name, n))
        elif kind == "issues":
            # Each writer reads the team's issues as they are under the lock and adds one.
            repository.update_issues("sales", adding(issue(name, n)))
            repository.update_parked_topics("sales", adding(topic(name, n)))
        elif kind == "updates":
            repository.submit_update(update(name, n))
        else:
            repository.save_team(team(name, n))
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4])
