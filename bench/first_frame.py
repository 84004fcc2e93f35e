"""A whole process that starts an app, waits for its first frame, and exits.

    python -m bench.first_frame okrtui DATA_DIR     # okrtui's home screen, as `okrtui` opens it
    python -m bench.first_frame bare                # a bare Textual app: a header and a footer
    python -m bench.first_frame history DATA_DIR    # okrtui with the history screen open

Prints the process's peak memory (kB) on stdout, so the caller can report it.
"""

from __future__ import annotations

import resource
import sys
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header

TODAY = date(2026, 11, 25)


async def open_history_then_exit(pilot: Pilot[object]) -> None:
    """Open the history screen from home, let it paint, and exit."""
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    from okrtui.tui.screens.history import HistoryScreen  # loaded by `h` already

    if isinstance(pilot.app.screen, HistoryScreen):  # its rows are read in a worker
        await pilot.app.screen.settled()
        await pilot.pause()
    pilot.app.exit()


async def exit_after_first_frame(pilot: Pilot[object]) -> None:
    """Textual calls this once the app is running; one pause lets the first frame paint."""
    await pilot.pause()
    pilot.app.exit()


class BareApp(App[None]):
    """The least a Textual app shows: a header and a footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


def main(argv: list[str]) -> None:
    """Run the chosen app headless until its first frame."""
    if argv[0] == "bare":
        BareApp().run(headless=True, auto_pilot=exit_after_first_frame)
    else:
        from okrtui.cli import run_app
        from okrtui.store import Repository

        run_app(
            Repository.open(Path(argv[1])),
            today=TODAY,
            headless=True,
            auto_pilot=open_history_then_exit if argv[0] == "history" else exit_after_first_frame,
        )
    print(peak_kb())


def peak_kb() -> int:
    """This program's peak resident memory (kB).

    Not ru_maxrss alone: on Linux it keeps the parent's peak across fork and exec, so run
    from the benchmark (a process that has loaded the large folder) it reported the
    benchmark's own peak. VmHWM is the peak of this program's memory only.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")),
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
