"""What the command line prints from a data file is shown, never obeyed by the terminal.

Records written by an earlier version may hold terminal codes, line breaks and bidi
overrides in names; `okrtui sessions` and `okrtui export` print them escaped, one row per
meeting, and error messages quote typed text escaped too. Files keep the text as it is.
"""

from __future__ import annotations

import json
import os
import pty
import selectors
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from okrtui.domain.models import Session, Team
from okrtui.domain.plan import Plan
from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.domain.text import STORED, one_line
from okrtui.store import Repository
from tests.hostile_text import raw_control_bytes

TEAM = "Sales\x1b[2J\nteam \u202ereversed"
FACILITATOR = "Ana\x1b]0;pwned\x07\nBo \u2066isolated\u2069"
GUEST = "Guest\x9b31m\r\nnext line \x00nul"
WEEK6 = "2026-Q4-demo06"


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo team under a hostile name, every meeting run by a hostile facilitator."""
    folder = tmp_path_factory.mktemp("hostile") / "data"
    repository = Repository.open(folder)
    plan = sample_plan()
    teams = [
        Team.model_validate({**t.model_dump(), "name": TEAM}, context=STORED) for t in plan.teams
    ]
    repository.save_plan(Plan(teams=teams, objectives=plan.objectives))
    for session in sample_sessions():
        record = session.model_dump()
        record.update(team_name=TEAM, facilitator=FACILITATOR, guests=[GUEST])
        repository.save_session(Session.model_validate(record, context=STORED))
    return folder


@dataclass
class Printed:
    """What a command printed on its terminal, line breaks as `\n`."""

    returncode: int
    stdout: str
    stderr: str


def okrtui(folder: Path, *args: str) -> Printed:
    """Run okrtui in its own process with a terminal for its output, as a person would.

    A terminal, not a pipe: click drops ESC sequences from output that is not a terminal,
    which would hide the very codes a real terminal obeys.
    """
    masters, slaves = zip(pty.openpty(), pty.openpty(), strict=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "okrtui", "--data", str(folder), *args],
        stdin=subprocess.DEVNULL,
        stdout=slaves[0],
        stderr=slaves[1],
    )
    for fd in slaves:
        os.close(fd)
    output = {fd: b"" for fd in masters}
    with selectors.DefaultSelector() as selector:
        for fd in masters:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            events = selector.select(timeout=60)
            if not events:
                process.kill()
                pytest.fail(f"okrtui {' '.join(args)!r} printed nothing for a minute")
            for key, _ in events:
                try:
                    chunk = os.read(key.fd, 65536)
                except OSError:  # the other end closed: Linux says EIO
                    chunk = b""
                if chunk:
                    output[key.fd] += chunk
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    returncode = process.wait(timeout=60)
    out, err = (output[fd].decode("utf-8").replace("\r\n", "\n") for fd in masters)
    return Printed(returncode, out, err)


COMMANDS = [
    ["sessions"],
    ["sessions", "--json"],
    ["sessions", "--team", "sales", "--kind", "weekly", "--quarter", "2026-Q4"],
    ["export", WEEK6],
    ["export", WEEK6, "--format", "html"],
    ["export", WEEK6, "--format", "json"],
    ["export", "--team", "sales", "--quarter", "2026-Q4", "-o", "{out}/q4\x1b[2J"],
    ["export", WEEK6, "-o", "{out}/one\x1b]0;x\x07/"],
    # Mistakes quote what was typed.
    ["export", "2026-Q4-nothere\x1b[2J"],
    ["export", WEEK6, "-o", "{out}/bad\x1b[2Jname.md"],
    ["sessions", "--team", "ghost\x1b[2J\u202e"],
    ["sessions", "--quarter", "2026-Q4\x1b[2J"],
    ["sessions", "--kind", "weekly\x1b[2J\u202e"],  # click quotes it with repr()
    ["no-such-command\x1b[2J"],
]


@pytest.mark.slow
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: one_line(" ".join(args)))
def test_no_command_sends_control_characters_to_the_terminal(
    hostile_folder: Path, tmp_path: Path, args: list[str]
) -> None:
    result = okrtui(hostile_folder, *(a.format(out=tmp_path) for a in args))
    assert "Traceback" not in result.stdout + result.stderr
    assert raw_control_bytes(result.stdout) == []
    assert raw_control_bytes(result.stderr) == []
    assert "\u202e" not in result.stdout + result.stderr
    assert "\u2066" not in result.stdout + result.stderr


@pytest.mark.slow
def test_sessions_prints_one_row_per_meeting_whatever_the_names_hold(
    hostile_folder: Path,
) -> None:
    result = okrtui(hostile_folder, "sessions")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["ID", "DATE", "TEAM", "KIND", "WEEK", "STATUS", "FACILITATOR"]
    assert [row.split()[0] for row in rows] == [s.id for s in reversed(sample_sessions())]
    for row in rows:
        assert "Sales\\x1b[2J\\nteam \\u202ereversed" in row
        assert "Ana\\x1b]0;pwned\\x07\\nBo \\u2066isolated\\u2069" in row


@pytest.mark.slow
def test_json_output_still_reads_back_as_the_stored_text(hostile_folder: Path) -> None:
    listed = json.loads(okrtui(hostile_folder, "sessions", "--json").stdout)
    assert {row["facilitator"] for row in listed} == {FACILITATOR}
    minutes = json.loads(okrtui(hostile_folder, "export", WEEK6, "--format", "json").stdout)
    assert minutes["session"]["guests"] == [GUEST]
    assert minutes["session"]["team_name"] == TEAM


@pytest.mark.slow
def test_minutes_written_to_a_file_keep_the_text(hostile_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "minutes.json"
    result = okrtui(hostile_folder, "export", WEEK6, "--format", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["session"]["guests"] == [GUEST]
    markdown = tmp_path / "minutes.md"
    assert okrtui(hostile_folder, "export", WEEK6, "-o", str(markdown)).returncode == 0
    assert "\u202e" in markdown.read_text(encoding="utf-8")
