"""The app killed with SIGKILL at random moments of a weekly meeting: the folder always loads,
holds every answer whose save was acknowledged, and the next start resumes the meeting."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from okrtui.services.demo import build_demo
from okrtui.store import NotFoundError, Repository

# Run as a module from the project root, so it can import the tests' own helpers.
CHILD = "tests.faults.meeting_child"
PROJECT = Path(__file__).parent.parent.parent
# Two folders, each with its own app server, killed in turn: the two cores run one each.
SEEDS = (20261125, 20261126)
KILLS_PER_FOLDER = 25
LINE_TIMEOUT_SECONDS = 60.0

Payload = dict[str, Any] | None  # a session as saved (model_dump in JSON mode); None: not saved


class Lines:
    """Lines from a pipe, read with a deadline so a stuck child fails the test, not hangs it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.partial = b""
        self.queue: deque[str] = deque()

    def next(self) -> str:
        """The next line, waiting for it up to the deadline."""
        deadline = time.monotonic() + LINE_TIMEOUT_SECONDS
        while not self.queue:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the app process said nothing for a minute"
            if select.select([self.fd], [], [], remaining)[0]:
                chunk = os.read(self.fd, 1 << 20)
                assert chunk, "the app server stopped"
                *lines, self.partial = (self.partial + chunk).split(b"\n")
                self.queue.extend(line.decode() for line in lines)
        return self.queue.popleft()


@contextmanager
def app_server(folder: Path) -> Iterator[tuple[subprocess.Popen[bytes], Lines]]:
    process = subprocess.Popen(
        [sys.executable, "-m", CHILD, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=PROJECT,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        yield process, Lines(process.stdout.fileno())
    finally:
        process.kill()
        process.wait()


@dataclass
class Tally:
    """What one folder went through."""

    kills: int = 0
    kills_before_first_ack: int = 0
    kills_mid_save: int = 0
    acks: int = 0
    resumes: int = 0
    finished: int = 0
    # Per session id, what may be on disk now: the last acknowledged save or any started later.
    possible: dict[str, list[Payload]] = field(default_factory=dict)

    def heard(self, line: str, last_saving: dict[str, Payload]) -> None:
        """Take in one line of the child's output."""
        word, _, rest = line.partition(" ")
        assert word != "error", f"the app failed: {line}"
        if word == "saving":
            payload: dict[str, Any] = json.loads(rest)
            self.possible.setdefault(payload["id"], [None]).append(payload)
            last_saving[payload["id"]] = payload
        elif word == "ack":
            session_id = rest.split()[0]
            acknowledged = last_saving[session_id]
            self.possible[session_id] = [acknowledged]
            self.acks += 1
            self.finished += acknowledged is not None and acknowledged["status"] == "completed"
        elif word == "resuming":
            self.resumes += 1


def answers(payload: Payload) -> str:
    """A short account of a saved meeting's answers, for failure messages."""
    if payload is None:
        return "nothing"
    counts = {
        k: len(payload[k])
        for k in ("checkins", "contributions", "notes", "trainings", "commitments", "ratings")
    }
    return f"{payload['status']} at {payload['current_step']}, {counts}"


def check_folder(folder: Path, tally: Tally, seed: int) -> None:
    """The folder loads and each meeting holds its last acknowledged save or a later one."""
    repository = Repository.open(folder)  # raises on a torn or unusable file
    for quarter in repository.quarters():
        repository.sessions(quarter)
    assert len(repository.sessions("2026-Q3")) + len(repository.sessions("2026-Q4")) >= 6
    for session_id, possible in tally.possible.items():
        try:
            found: Payload = repository.session(session_id).model_dump(mode="json")
        except NotFoundError:
            found = None
        assert found in possible, (
            f"seed {seed}, kill {tally.kills}: meeting {session_id} holds {answers(found)}; "
            f"acknowledged: {answers(possible[0])}; started since: "
            f"{[answers(p) for p in possible[1:]]}"
        )
        tally.possible[session_id] = [found]
    pending = repository.in_progress("sales", "weekly")
    if pending is not None:
        assert pending.status == "in_progress"


def kill_repeatedly(folder: Path, seed: int) -> Tally:
    """Start the app on `folder` again and again, killing it at random moments."""
    rng = random.Random(seed)
    build_demo(Repository.open(folder))
    tally = Tally()
    with app_server(folder) as (process, lines):
        assert process.stdin is not None
        for _ in range(KILLS_PER_FOLDER):
            process.stdin.write(b"start\n")
            process.stdin.flush()
            first = lines.next()
            assert first.startswith("pid "), f"expected the child's pid, got {first[:200]}"
            pid = int(first.split()[1])
            # Some kills land while the app is still starting; the rest just after a
            # random number of acknowledged saves, or in the middle of the next save.
            wanted = 0 if rng.random() < 0.15 else rng.randint(1, 8)
            mid_save = rng.random() < 0.4
            last_saving: dict[str, Payload] = {}
            count = 0
            while count < wanted:
                line = lines.next()
                assert not line.startswith("died"), f"the app ended by itself: {line}"
                tally.heard(line, last_saving)
                count += line.startswith("saving " if mid_save else "ack ")
            os.kill(pid, signal.SIGKILL)
            acks_before = tally.acks
            while not (line := lines.next()).startswith("died "):
                tally.heard(line, last_saving)
            assert line == f"died {signal.SIGKILL.value}", f"the app ended by itself: {line}"
            tally.kills += 1
            tally.kills_before_first_ack += wanted == 0
            tally.kills_mid_save += mid_save and wanted > 0 and tally.acks == acks_before
            check_folder(folder, tally, seed)
    return tally


@pytest.mark.slow
def test_app_killed_during_meetings_keeps_every_acknowledged_answer(tmp_path: Path) -> None:
    with ThreadPoolExecutor(len(SEEDS)) as pool:
        runs = [pool.submit(kill_repeatedly, tmp_path / f"data-{s}", s) for s in SEEDS]
        tallies = [run.result() for run in runs]
    total = Tally(
        kills=sum(t.kills for t in tallies),
        kills_before_first_ack=sum(t.kills_before_first_ack for t in tallies),
        kills_mid_save=sum(t.kills_mid_save for t in tallies),
        acks=sum(t.acks for t in tallies),
        resumes=sum(t.resumes for t in tallies),
        finished=sum(t.finished for t in tallies),
    )
    print(f"kill test, seeds {SEEDS}: {total}")
    assert total.kills >= 50
    assert total.acks > 3 * total.kills, "too few answers were acknowledged to mean anything"
    assert total.resumes > total.kills // 2, "too few runs resumed a killed meeting"
    assert total.kills_before_first_ack >= 3
    assert total.kills_mid_save >= 5
