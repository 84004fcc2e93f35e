"""A process that opens a meeting and keeps it, for tests of two processes on one folder.

Run as `python holding_process.py FOLDER SESSION_ID`: it holds the meeting, prints `held`,
then for each line on stdin tries to save an answer and prints `saved` or `taken: WHO`:
`step KEY` moves the meeting to that step, `checkin KR VALUE` checks a key result in, any
other line becomes the summary. The line `hold again` holds the meeting again and prints
`held`.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrtui.domain.meeting import set_checkin, set_current_step
from okrtui.services.identity import current_person
from okrtui.store import Repository, SessionHeldElsewhere


@contextmanager
def held_elsewhere(folder: Path, session_id: str) -> Iterator[subprocess.Popen[str]]:
    """This script, run in another process holding the meeting, until the block ends."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(folder), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "held\n"
        yield process
    finally:
        process.kill()
        process.wait()


def main(folder: Path, session_id: str) -> None:
    repository = Repository.open(folder)
    repository.hold(session_id, person=current_person())
    print("held", flush=True)
    for line in sys.stdin:
        if line.strip() == "hold again":  # opening the meeting again on purpose
            repository.hold(session_id)
            print("held", flush=True)
            continue
        session = repository.session(session_id)
        words = line.split()
        if words[:1] == ["step"]:
            session = set_current_step(session, words[1])
        elif words[:1] == ["checkin"]:
            session = set_checkin(session, words[1], value=float(words[2]), confidence="at_risk")
        else:
            session = session.model_copy(update={"summary": line.strip()})
        try:
            repository.save_session(session)
        except SessionHeldElsewhere as exc:
            print(f"taken: {exc.holder.describe()}", flush=True)
        else:
            print("saved", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
