"""A writer killed with SIGKILL at random moments never leaves a folder that fails to load,
and never loses a save it acknowledged."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from okrtui.domain.models import Session, Team
from okrtui.store import Repository
from tests.store.crash_writer import QUARTER, finishes, index_of, record, record_key, target

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 120
SEED = 20261125
LINE_TIMEOUT_SECONDS = 20.0


class Lines:
    """Lines from a pipe, read with a deadline so a stuck writer fails the test, not hangs it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.partial = b""
        self.queue: deque[str] = deque()

    def _fill(self, timeout: float) -> None:
        if select.select([self.fd], [], [], timeout)[0]:
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise AssertionError("the writer process stopped talking")
            *lines, self.partial = (self.partial + chunk).split(b"\n")
            self.queue.extend(line.decode() for line in lines)

    def ready(self, timeout: float) -> list[str]:
        """Every line that has arrived, waiting up to `timeout` seconds if none has yet."""
        if not self.queue:
            self._fill(timeout)
        lines = list(self.queue)
        self.queue.clear()
        return lines

    def until(self, prefix: str) -> tuple[str, list[str]]:
        """Read up to the first line starting with `prefix`; returns it and the lines before."""
        before: list[str] = []
        deadline = time.monotonic() + LINE_TIMEOUT_SECONDS
        while True:
            while self.queue:
                line = self.queue.popleft()
                if line.startswith(prefix):
                    return line, before
                if line.startswith("error"):
                    raise AssertionError(f"the writer failed: {line}")
                before.append(line)
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no '{prefix}' line from the writer; got {before[-5:]}"
            self._fill(remaining)


@contextmanager
def writer_server(folder: Path) -> Iterator[tuple[subprocess.Popen[bytes], Lines]]:
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        yield process, Lines(process.stdout.fileno())
    finally:
        process.kill()
        process.wait()


def acks(lines: list[str]) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith("ack ")]


def check_folder(folder: Path, acknowledged: dict[str, int], started_below: int) -> None:
    """The folder loads; every acknowledged save is there, whole, or overtaken by a later one."""
    repository = Repository.open(folder)  # raises DataFileError on a torn or half-written file
    assert set(repository.quarters()) <= {QUARTER}, "a leftover temp file shows up as a quarter"
    saved: dict[str, Team | Session] = {t.id: t for t in repository.teams()}
    saved.update({s.id: s for s in repository.sessions(QUARTER)})
    for key, index in acknowledged.items():
        assert key in saved, f"acknowledged write {index} ({key}) is missing"
        assert index_of(saved[key]) >= index, f"{key} went back from write {index}"
    for key, found in saved.items():
        index = index_of(found)
        assert index < started_below, f"{key} holds write {index}, which was never started"
        assert found == record(index), f"{key} does not hold exactly what write {index} saved"


@pytest.mark.slow
def test_killed_writer_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    folder = tmp_path / "data"
    acknowledged: dict[str, int] = {}
    next_write = 0
    kills_before_first_ack = 0
    total_acks = 0
    with writer_server(folder) as (process, lines):
        assert process.stdin is not None
        for _ in range(KILLS):
            process.stdin.write(f"start {next_write}\n".encode())
            process.stdin.flush()
            pid = int(lines.until("pid ")[0].split()[1])
            heard: list[str] = []
            # Some kills land while the writer is still opening the folder, the rest after a
            # random number of acknowledged saves plus a random fraction of the next one.
            wanted = 0 if rng.random() < 0.15 else rng.randint(1, 6)
            while len(acks(heard)) < wanted:
                new = lines.ready(LINE_TIMEOUT_SECONDS)
                stopped = [line for line in new if line.startswith(("error", "died"))]
                assert new and not stopped, f"the writer stopped before it was killed: {stopped}"
                heard += new
            heard += lines.ready(rng.uniform(0, 0.01))
            os.kill(pid, signal.SIGKILL)
            died, after = lines.until("died ")
            heard += after
            assert died == f"died {signal.SIGKILL.value}", f"the writer ended by itself: {died}"
            done = acks(heard)
            kills_before_first_ack += not done
            total_acks += len(done)
            for index in done:
                acknowledged[record_key(index)] = index
            # The write after the last acknowledged one may or may not have reached the disk.
            started_below = done[-1] + 2 if done else next_write + 1
            check_folder(folder, acknowledged, started_below)
            next_write = started_below - 1
    assert total_acks > 3 * KILLS, "too few saves were acknowledged to mean anything"
    finished = [key for key, index in acknowledged.items() if target(index)[0] == "session"]
    assert sum(finishes(acknowledged[key]) for key in finished) > 30, "few meetings finished"
    assert kills_before_first_ack > 5
