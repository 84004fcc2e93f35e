"""A data file okrtui cannot use stops every command that reads it with a short message
naming `okrtui doctor`; nothing changes.

Each case breaks one thing in a data folder; each command then exits 1 with a message on
stderr that names the file, says what is wrong and what to do, and shows no traceback. The
folder, every byte and every modification time, is left exactly as it was. Every case runs
through click's test runner and through a real `python -m okrtui` process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.plan import dump_plan
from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.store import Repository

QUARTER_FILE = "2026-Q4.json"
LIVE_FILE = "in-progress.json"  # meetings in progress
BACKUPS = (
    r"Nothing was changed\. Run `okrtui doctor` to see every problem "
    r"\(`okrtui doctor --repair` sets unusable records aside\), or restore a copy from .*backups/"
)
DOCTOR = r"`okrtui doctor` lists every problem in the folder"


@dataclass(frozen=True)
class Case:
    """One way a data folder can be unusable, and what the message must say about it."""

    name: str
    damage: Callable[[Path, dict[str, Any]], None]  # (data folder, good file contents)
    bad: str  # the path the message names, relative to the data folder ("" = the folder)
    problem: str  # a regular expression
    advice: str = BACKUPS


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2))


def edit_plan(change: Callable[[dict[str, Any]], None]) -> Callable[[Path, dict[str, Any]], None]:
    """Damage that writes a changed copy of a good plan file."""

    def damage(folder: Path, good: dict[str, Any]) -> None:
        plan = json.loads(good["okrtui.json"])
        change(plan)
        write_json(folder / "okrtui.json", plan)

    return damage


def put(name: str, text: str) -> Callable[[Path, dict[str, Any]], None]:
    """Damage that writes `text` into the file `name` of the data folder."""

    def damage(folder: Path, _good: dict[str, Any]) -> None:
        (folder / name).write_text(text)

    return damage


def bad_session(folder: Path, good: dict[str, Any]) -> None:
    """A folder in daily use (its plan is fine) whose quarter file has a broken meeting."""
    (folder / "okrtui.json").write_text(good["okrtui.json"])
    sessions = [s.model_dump(mode="json") for s in sample_sessions()]
    del sessions[0]["week"]  # a weekly meeting without its week number
    meta = {"1": {"schema_version": 1}}
    write_json(folder / QUARTER_FILE, {"meta": meta, "sessions": dict(enumerate(sessions, 1))})


def old_schema_bad_session(folder: Path, good: dict[str, Any]) -> None:
    """As `bad_session`, in a quarter file from before schema versions (it would migrate)."""
    bad_session(folder, good)
    data = json.loads((folder / QUARTER_FILE).read_text())
    del data["meta"]
    write_json(folder / QUARTER_FILE, data)


def plan_holding_nan(folder: Path, good: dict[str, Any]) -> None:
    """A key result's target written as NaN, which JSON cannot hold."""
    text = good["okrtui.json"]
    assert '"target":500.0' in text
    (folder / "okrtui.json").write_text(text.replace('"target":500.0', '"target":NaN', 1))


def drop_team_name(plan: dict[str, Any]) -> None:
    del plan["teams"]["1"]["name"]


def member_active_yes(plan: dict[str, Any]) -> None:
    plan["teams"]["1"]["members"][0]["active"] = "yes"


def newer_schema(plan: dict[str, Any]) -> None:
    plan["meta"]["1"]["schema_version"] = 99


def plan_is_a_folder(folder: Path, _good: dict[str, Any]) -> None:
    (folder / "okrtui.json").mkdir()


def folder_is_a_file(folder: Path, _good: dict[str, Any]) -> None:
    folder.rmdir()
    folder.write_text("notes, not a data folder\n")


PLAN_CASES = [
    Case(
        "plan-bad-json",
        put("okrtui.json", '{"teams": {"1": {"id": '),
        "okrtui.json",
        r"it is not valid JSON \(line 1, column \d+",
    ),
    Case(
        "plan-top-level-list",
        put("okrtui.json", "[]"),
        "okrtui.json",
        r"the top level is not an object",
    ),
    Case(
        "plan-table-not-object",
        put("okrtui.json", json.dumps({"teams": ["sales"]})),
        "okrtui.json",
        r"its 'teams' table is not an object of records",
    ),
    Case(
        "plan-team-without-name",
        edit_plan(drop_team_name),
        "okrtui.json",
        r"teams record 'sales' is not valid: .*name",
    ),
    Case(
        "plan-member-active-yes",
        edit_plan(member_active_yes),
        "okrtui.json",
        r"teams record 'sales' is not valid: .*active",
    ),
    Case(
        "plan-newer-schema",
        edit_plan(newer_schema),
        "okrtui.json",
        r"written by a newer okrtui \(schema 99",
        r"Nothing was changed\. Upgrade okrtui to open it\. \(" + DOCTOR,
    ),
    Case(
        "plan-empty",
        put("okrtui.json", ""),
        "okrtui.json",
        r"it is empty, not okrtui data",
    ),
    Case(
        "plan-white-space",
        put("okrtui.json", " \n\t\n"),
        "okrtui.json",
        r"it holds nothing but white space, not okrtui data",
    ),
    Case(
        "plan-holds-nan",
        plan_holding_nan,
        "okrtui.json",
        r"it is not valid JSON",
    ),
    Case(
        "plan-is-a-folder",
        plan_is_a_folder,
        "okrtui.json",
        r"this is a folder, but okrtui needs a file here",
    ),
    Case(
        "data-folder-is-a-file",
        folder_is_a_file,
        "",
        r"this is a file, but okrtui needs a folder here",
        r"Nothing was changed\. Pass another folder with --data DIR or OKRTUI_DATA\. \(" + DOCTOR,
    ),
]
QUARTER_CASES = [
    # No plan yet: the demo would build one, so it must check the quarter files first.
    Case(
        "quarter-bad-json",
        put(QUARTER_FILE, '{"sessions": '),
        QUARTER_FILE,
        r"it is not valid JSON",
    ),
    Case(
        "quarter-bad-session",
        bad_session,
        QUARTER_FILE,
        r"sessions record '2026-Q4-demo01' is not valid: .*week",
    ),
    Case(
        "quarter-old-schema-bad-session",
        old_schema_bad_session,
        QUARTER_FILE,
        r"sessions record '2026-Q4-demo01' is not valid: .*week",
    ),
    Case(
        "quarter-empty",
        put(QUARTER_FILE, ""),
        QUARTER_FILE,
        r"it is empty, not okrtui data",
    ),
    Case(
        "live-file-bad-json",
        put(LIVE_FILE, '{"sessions": {"1": {"id": "2026-Q4-live01", '),
        LIVE_FILE,
        r"it is not valid JSON",
    ),
]

# Commands by name; DATA is the data folder, ROOT its parent (demo uses ROOT/demo), PLAN a
# good plan file outside both.
COMMANDS = {
    "app": ["--data", "DATA"],
    "sessions": ["sessions", "--data", "DATA"],
    "plan-export": ["plan", "export", "--data", "DATA"],
    "plan-import": ["plan", "import", "PLAN", "--data", "DATA"],
    "demo": ["demo", "--data", "ROOT"],
}
# A broken quarter or live file is found by the commands that read sessions; the plan commands do
# not read quarter files (plan import into such a folder is checked on its own below).
QUARTER_COMMANDS = ["app", "sessions", "demo"]
COMBINATIONS = [(case, command) for case in PLAN_CASES for command in COMMANDS] + [
    (case, command) for case in QUARTER_CASES for command in QUARTER_COMMANDS
]
# A real process costs about half a second of CPU, nearly all of it importing pydantic and
# building the models, so the real processes run each case through two of its commands in
# turn (every command several times); click's runner above runs every combination.
# Raise to 5 for the whole matrix in real processes (49 of them).
REAL_COMMANDS_PER_CASE = 2


def real_process_combinations() -> list[tuple[Case, str]]:
    chosen = []
    turn = 0
    for cases, commands in ((PLAN_CASES, list(COMMANDS)), (QUARTER_CASES, QUARTER_COMMANDS)):
        for case in cases:
            for _ in range(min(REAL_COMMANDS_PER_CASE, len(commands))):
                chosen.append((case, commands[turn % len(commands)]))
                turn += 1
    return chosen


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Good file contents to damage, written by the repository itself, and a good plan file."""
    folder = tmp_path_factory.mktemp("good")
    repository = Repository.open(folder)
    repository.save_plan(sample_plan())
    for session in sample_sessions():
        repository.save_session(session)
    plan_file = folder.parent / "good-plan.toml"
    plan_file.write_text(dump_plan(sample_plan()))
    return {
        "okrtui.json": (folder / "okrtui.json").read_text(),
        QUARTER_FILE: (folder / QUARTER_FILE).read_text(),
        "plan": plan_file,
    }


@dataclass
class Scene:
    """A damaged folder ready for one command."""

    root: Path
    data: Path
    bad: Path
    args: list[str]


def stage(place: Path, case: Case, command: str, good: dict[str, Any]) -> Scene:
    root = place / "root"
    data = root / "demo"
    data.mkdir(parents=True)
    case.damage(data, good)
    values = {"DATA": str(data), "ROOT": str(root), "PLAN": str(good["plan"])}
    args = [values.get(arg, arg) for arg in COMMANDS[command]]
    return Scene(root, data, data / case.bad if case.bad else data, args)


def snapshot(root: Path) -> dict[str, Any]:
    """Every path under `root` with its bytes and modification time (folders: their names)."""
    state: dict[str, Any] = {}
    for path in [root, *sorted(root.rglob("*"))]:
        st = path.stat()
        content = None if path.is_dir() else path.read_bytes()
        state[str(path.relative_to(root))] = (content, st.st_mtime_ns, st.st_mode)
    return state


def problems_with(case: Case, scene: Scene, code: int, out: str, err: str) -> list[str]:
    """What is wrong with how a command reacted to a bad folder (empty when all is right)."""
    found = []
    if code != 1:
        found.append(f"exit code {code}, not 1")
    if "Traceback" in err or "Traceback" in out:
        found.append("a traceback was shown")
    if out.strip():
        found.append(f"printed on stdout: {out[:200]!r}")
    message = " ".join(err.split())
    if str(scene.bad) not in err:
        found.append(f"the message does not name {scene.bad}")
    if not re.search(case.problem, message):
        found.append(f"the message does not say /{case.problem}/")
    if not re.search(case.advice, message):
        found.append(f"the message does not say what to do (/{case.advice}/)")
    if len(err.strip().splitlines()) > 3:
        found.append("the message is longer than three lines")
    return found


def label(case: Case, command: str) -> str:
    return f"{case.name}/{command}"


@pytest.mark.parametrize(
    ("case", "command"), COMBINATIONS, ids=[label(c, m) for c, m in COMBINATIONS]
)
def test_bad_folder_stops_command_in_process(
    case: Case,
    command: str,
    good: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from okrtui.tui.app import OkrApp

    started: list[bool] = []
    monkeypatch.setattr(OkrApp, "run", lambda self, *a, **k: started.append(True))
    monkeypatch.delenv("OKRTUI_DATA", raising=False)
    scene = stage(tmp_path, case, command, good)
    before = snapshot(scene.root)
    result = CliRunner().invoke(cli, scene.args)
    assert not started, "the app started on a folder it cannot use"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert problems_with(case, scene, result.exit_code, result.stdout, result.stderr) == []
    assert snapshot(scene.root) == before, "the command changed the folder"


def run_okrtui(scene: Scene) -> tuple[int, str, str]:
    """`python -m okrtui ARGS`, logging imports so an app that started would show."""
    env = {key: value for key, value in os.environ.items() if key != "OKRTUI_DATA"}
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "okrtui", *scene.args],
        cwd=scene.root.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stderr.splitlines(keepends=True)
    imported = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}
    err = "".join(line for line in lines if not line.startswith("import time:"))
    if "textual" in imported:
        err = f"(Textual was imported)\n{err}"
    return result.returncode, result.stdout, err


def test_bad_folder_stops_every_command_in_a_real_process(
    good: dict[str, Any], tmp_path: Path
) -> None:
    scenes = {
        label(case, command): (case, stage(tmp_path / label(case, command), case, command, good))
        for case, command in real_process_combinations()
    }
    assert {command for _, command in real_process_combinations()} == set(COMMANDS)
    before = {name: snapshot(scene.root) for name, (_, scene) in scenes.items()}
    # Processes start in parallel: each spends most of its time importing.
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(zip(scenes, pool.map(run_okrtui, [s for _, s in scenes.values()]), strict=True))
    failures = {}
    for name, (case, scene) in scenes.items():
        code, out, err = runs[name]
        found = problems_with(case, scene, code, out, err)
        if "(Textual was imported)" in err:
            found.append("Textual was imported before the command failed")
        if snapshot(scene.root) != before[name]:
            found.append("the command changed the folder")
        if found:
            failures[name] = [*found, err[-600:]]
    assert failures == {}


def test_plan_import_leaves_a_broken_quarter_file_alone(
    good: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / QUARTER_FILE).write_text('{"sessions": ')
    before = snapshot(folder / QUARTER_FILE)
    result = CliRunner().invoke(cli, ["plan", "import", str(good["plan"]), "--data", str(folder)])
    assert result.exit_code == 0, result.output
    assert Repository.open(folder).team("sales").name == "Sales"
    assert snapshot(folder / QUARTER_FILE) == before


def test_a_broken_objective_of_the_team_home_opens_on_stops_the_app(
    good: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Objectives are validated a team at a time; home's first team is checked before start.
    from okrtui.tui.app import OkrApp

    started: list[bool] = []
    monkeypatch.setattr(OkrApp, "run", lambda self, *a, **k: started.append(True))
    monkeypatch.delenv("OKRTUI_DATA", raising=False)

    def drop_objective_title(plan: dict[str, Any]) -> None:
        del plan["objectives"]["1"]["title"]

    case = Case(
        "plan-objective-without-title",
        edit_plan(drop_objective_title),
        "okrtui.json",
        r"objectives record '[\w-]+' is not valid: .*title",
    )
    scene = stage(tmp_path, case, "app", good)
    before = snapshot(scene.root)
    result = CliRunner().invoke(cli, scene.args)
    assert not started, "the app started on a plan it cannot use"
    assert problems_with(case, scene, result.exit_code, result.stdout, result.stderr) == []
    assert snapshot(scene.root) == before
