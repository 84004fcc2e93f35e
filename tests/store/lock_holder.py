"""A process that holds a data file's lock until told to let go, as a long `plan import`
or `okrtui doctor --repair` would.

Run as `python lock_holder.py FOLDER NAME`: it takes the lock of `NAME.json`, prints
`locked`, waits for a line on stdin, lets go and prints `released`.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrtui.store import FileBackend


class LockHolder:
    """The other process, seen from the test."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def release(self) -> None:
        """Tell it to let go, and wait until it has."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline() == "released\n"


@contextmanager
def locked_elsewhere(folder: Path, name: str) -> Iterator[LockHolder]:
    """Another process holding the lock of the data file `name` until released."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(folder), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "locked\n"
        yield LockHolder(process)
    finally:
        process.kill()
        process.wait()


def main(folder: Path, name: str) -> None:
    with FileBackend(folder).locked(name):
        print("locked", flush=True)
        sys.stdin.readline()
    print("released", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
