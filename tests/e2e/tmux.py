"""A small tmux driver: run a program in a real terminal, type into it, read its screen.

Each `Terminal` owns a private tmux server on its own socket (`tmux -S <unique path>`), so
tests never touch the user's tmux. Waiting is a bounded poll of `capture-pane` on a condition, never a fixed sleep.
"""

from __future__ import annotations

import builtins
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from rich.cells import cell_len

POLL_SECONDS = 0.05
DEFAULT_TIMEOUT = 20.0
# Printed after the captured lines by the same tmux call, so screen and cursor agree.
STATE_FORMAT = "#{pane_width} #{pane_height} #{cursor_x} #{cursor_y}"


class TmuxMissing(RuntimeError):
    """tmux is not installed; the end-to-end tests need it (CI installs it)."""


def tmux_path() -> str:
    """The tmux binary, or a plain-words error saying how to get it."""
    found = shutil.which("tmux")
    if found is None:
        raise TmuxMissing(
            "tmux is not installed, and the real-terminal tests need it: "
            "apt-get install tmux (.ci/run does this in CI)"
        )
    return found


@dataclass(frozen=True)
class Screen:
    """What the terminal shows at one moment: its lines, size and cursor."""

    lines: tuple[str, ...]
    width: int
    height: int
    cursor: tuple[int, int]
    exit_status: int | None  # None while the program runs

    @property
    def exited(self) -> bool:
        """The program has ended."""
        return self.exit_status is not None

    @property
    def text(self) -> str:
        """The whole screen as one string."""
        return "\n".join(self.lines)

    @property
    def cursor_line(self) -> str:
        """The line the terminal cursor is on (the focused input sets the cursor)."""
        row = self.cursor[1]
        return self.lines[row] if 0 <= row < len(self.lines) else ""

    @property
    def footer(self) -> str:
        """The bottom line."""
        return self.lines[-1] if self.lines else ""

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and text in self.text

    def overflowing_lines(self) -> list[str]:
        """Lines wider than the screen (there should be none)."""
        return [line for line in self.lines if cell_len(line) > self.width]

    def __str__(self) -> str:
        border = "+" + "-" * self.width + "+"
        body = "\n".join(f"|{line}" for line in self.lines)
        return (
            f"{self.width}x{self.height}, cursor {self.cursor}"
            + (f", exited with {self.exit_status}" if self.exited else "")
            + f"\n{border}\n{body}\n{border}"
        )


Condition = str | Callable[[Screen], bool]


class Terminal:
    """A program running in a detached tmux session of a fixed size."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        width: int = 80,
        height: int = 24,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.tmux = tmux_path()
        name = Path(tempfile.gettempdir()) / f"okrtui-e2e-{uuid.uuid4().hex[:12]}"
        self.socket = name.with_suffix(".sock")
        # A shell around the program writes its exit status here: tmux 3.3a was seen to leave
        # an exited program unreaped for many seconds, so its pane_dead_status can lag.
        self.status_file = name.with_suffix(".status")
        self.target = "main"
        # Every key pressed by name (not text typed), for the tests that count them.
        self.pressed: list[str] = []
        settings = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **(env or {})}
        # `env` inside the pane, because tmux sets TERM from its own default-terminal.
        # COLUMNS and LINES (set under pytest) would pin the size and hide every resize.
        program = ["env", "-u", "COLUMNS", "-u", "LINES"]
        program += [f"{k}={v}" for k, v in settings.items()]
        program += list(command)
        record = f'"$@"; echo $? > {shlex.quote(str(self.status_file))}'
        shell_command = shlex.join(["sh", "-c", record, "sh", *program])
        self._run(
            "new-session", "-d", "-s", self.target, "-x", str(width), "-y", str(height),
            *(["-c", str(cwd)] if cwd else []),
            shell_command,
            ";", "set-option", "-g", "remain-on-exit", "on",
            ";", "set-option", "-g", "window-size", "manual",
        )  # fmt: skip

    def _run(self, *args: str) -> str:
        """One tmux command on this terminal's private server; its output."""
        result = subprocess.run(
            [self.tmux, "-u", "-f", "/dev/null", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    # -- reading ----------------------------------------------------------------------

    def screen(self) -> Screen:
        """The screen now."""
        output = self._run(
            "capture-pane", "-p", "-t", self.target, ";", "display-message", "-p",
            "-t", self.target, STATE_FORMAT,
        )  # fmt: skip
        # Only the final newline goes: blank lines at the bottom are part of the screen.
        *lines, state = output.removesuffix("\n").split("\n")
        width, height, x, y = state.split(" ")
        return Screen(
            lines=tuple(lines),
            width=int(width),
            height=int(height),
            cursor=(int(x), int(y)),
            exit_status=self._exit_status(),
        )

    def _exit_status(self) -> int | None:
        try:
            written = self.status_file.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        return int(written) if written else None

    def wait_for(
        self, condition: Condition, timeout: float = DEFAULT_TIMEOUT, what: str = ""
    ) -> Screen:
        """Poll the screen until `condition` (text on screen, or a test) holds; fail after `timeout`."""
        holds = (lambda s: condition in s) if isinstance(condition, str) else condition
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if holds(screen):
                return screen
            if screen.exited or time.monotonic() > deadline:
                waited = what or (repr(condition) if isinstance(condition, str) else "condition")
                reason = "the program exited" if screen.exited else f"{timeout:.0f} s passed"
                raise AssertionError(f"waited for {waited}, but {reason}; the screen:\n{screen}")
            time.sleep(POLL_SECONDS)

    def wait_for_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait until the program ends; its exit status."""
        screen = self.wait_for(lambda s: s.exited, timeout, "the program to exit")
        assert screen.exit_status is not None
        return screen.exit_status

    # -- acting -----------------------------------------------------------------------

    def type(self, text: str) -> None:
        """Type text literally, as a person would."""
        self._run("send-keys", "-t", self.target, "-l", text)

    def press(self, *keys: str) -> None:
        """Press keys by tmux name: Enter, Tab, BTab, Space, PageDown, Down, C-q, or a letter."""
        self.pressed += keys
        self._run("send-keys", "-t", self.target, *keys)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal, as dragging a window's corner does."""
        self._run("resize-window", "-t", self.target, "-x", str(width), "-y", str(height))

    # -- ending -----------------------------------------------------------------------

    def close(self) -> None:
        """Stop the private tmux server and whatever still runs in it."""
        subprocess.run(
            [self.tmux, "-S", str(self.socket), "kill-server"], capture_output=True, check=False
        )
        self.socket.unlink(missing_ok=True)
        self.status_file.unlink(missing_ok=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        exc_type: builtins.type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
