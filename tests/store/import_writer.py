"""A process that runs `okrtui plan import` (or a meeting's autosave) many times once told to go.

Run as `python import_writer.py FOLDER NAME ROUNDS import|autosave`. It prints `ready`, waits
for a line on stdin, then each round either imports a plan file that adds the member
`NAME-<round>` to the team `sales` (through the command line, as a new `okrtui plan import`
would) or saves an answer into the meeting in progress `2026-Q4-NAME` (as the meeting screen
does after every answer); then it prints `done`.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from okrtui.cli import cli
from okrtui.domain.models import Session
from okrtui.store import Repository

TEAM = "sales"


def plan_file(folder: Path, name: str, n: int) -> Path:
    """A plan file naming the team and one new member."""
    path = folder.parent / f"{folder.name}-{name}-{n}.toml"
    path.write_text(
        f'[[teams]]\nid = "{TEAM}"\nname = "Sales"\n\n'
        f'[[teams.members]]\nid = "{name}-{n}"\nname = "Member {n} of {name}"\n',
        encoding="utf-8",
    )
    return path


def meeting(name: str, answer: int) -> Session:
    """The meeting in progress of writer `name`, after its `answer`-th answer."""
    return Session(
        id=f"2026-Q4-{name}",
        team_id=TEAM,
        kind="weekly",
        quarter="2026-Q4",
        week=3,
        date=date(2026, 11, 12),
        started_at=datetime(2026, 11, 12, 9, 0),
        summary=f"answer {answer}",
    )


def main(folder: Path, name: str, rounds: int, kind: str) -> None:
    files = [plan_file(folder, name, n) for n in range(rounds)]
    repository = Repository.open(folder) if kind == "autosave" else None
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(rounds):
        if repository is not None:
            repository.save_session(meeting(name, n))
        else:
            cli.main(
                ["plan", "import", str(files[n]), "--data", str(folder)], standalone_mode=False
            )
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4])
