"""Start writer processes together: each says `ready`, all are told `go` at once, each ends
with `done`."""

from __future__ import annotations

import subprocess

TIMEOUT_SECONDS = 120


def run_together(commands: list[list[str]]) -> None:
    """Run each command as a process; wait until all are ready, then let them go at once."""
    processes = [
        subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            out, err = process.communicate(timeout=TIMEOUT_SECONDS)
            assert process.returncode == 0, err
            assert out.endswith("done\n"), out
    finally:
        for process in processes:
            process.kill()
            process.wait()
