"""The command line: demo data, sessions listing, plan import and export, exit codes."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli, run_app
from okrtui.domain.plan import dump_plan
from okrtui.domain.sample import sample_plan
from okrtui.services.demo import build_demo
from okrtui.store import Repository
from tests.conftest import TODAY


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_demo_data_lists_each_teams_six_completed_weekly_sessions(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert build_demo(Repository.open(folder)) is True
    assert build_demo(Repository.open(folder)) is False  # built once
    code, out, _ = run("sessions", "--data", str(folder), "--json")
    assert code == 0
    rows = json.loads(out)
    assert {(r["kind"], r["status"]) for r in rows} == {("weekly", "completed")}
    weeks = {
        team: [(r["quarter"], r["week"]) for r in rows if r["team_id"] == team]
        for team in ("sales", "support")
    }
    assert weeks["sales"] == [("2026-Q4", w) for w in (6, 5, 4, 3, 2, 1)]
    # The support team's last three meetings of 2026-Q3, then three of 2026-Q4.
    assert weeks["support"] == [
        *(("2026-Q4", w) for w in (6, 5, 4)),
        *(("2026-Q3", w) for w in (13, 12, 11)),
    ]
    assert len(rows) == 12


def test_sessions_filters_and_table(demo_folder: Path) -> None:
    code, out, _ = run("--data", str(demo_folder), "sessions", "--team", "Sales")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "ID",
        "DATE",
        "TEAM",
        "KIND",
        "WEEK",
        "STATUS",
        "FACILITATOR",
    ]
    assert len(out.splitlines()) == 7
    code, out, _ = run("--data", str(demo_folder), "sessions", "--kind", "quarterly")
    assert (code, out.strip()) == (0, "No quarterly sessions.")
    code, out, _ = run("--data", str(demo_folder), "sessions", "--quarter", "2026-Q3", "--json")
    assert code == 0
    assert {(r["team_id"], r["quarter"]) for r in json.loads(out)} == {("support", "2026-Q3")}
    code, out, _ = run(
        "--data", str(demo_folder), "sessions", "--quarter", "2026-Q3", "--team", "sales", "--json"
    )
    assert (code, json.loads(out)) == (0, [])


def test_data_folder_from_environment(demo_folder: Path) -> None:
    code, out, _ = run("sessions", "--json", env={"OKRTUI_DATA": str(demo_folder)})
    held = Repository.open(demo_folder)
    ids = {s.id for quarter in held.quarters() for s in held.sessions(quarter)}
    assert code == 0 and {r["id"] for r in json.loads(out)} == ids and len(ids) == 12


def test_unknown_team_is_a_user_error(demo_folder: Path) -> None:
    code, _, err = run("--data", str(demo_folder), "sessions", "--team", "marketing")
    assert code == 1
    assert "no team 'marketing' (teams: sales, support)" in err
    assert "Traceback" not in err


def test_usage_errors_exit_two(demo_folder: Path) -> None:
    assert run("sessions", "--kind", "monthly")[0] == 2
    code, _, err = run("--data", str(demo_folder), "sessions", "--quarter", "Q4")
    assert code == 2 and "like 2026-Q4" in err


def test_plan_import_then_export_is_identical(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(dump_plan(sample_plan()))
    data = tmp_path / "data"
    code, out, _ = run("--data", str(data), "plan", "import", str(plan_file))
    assert code == 0 and "Imported 1 team(s) and 1 objective(s)" in out
    code, out, _ = run("--data", str(data), "plan", "export")
    assert code == 0 and out == plan_file.read_text()
    code, out, _ = run(
        "--data", str(data), "plan", "export", "--team", "sales", "-o", str(tmp_path / "o.toml")
    )
    assert code == 0 and (tmp_path / "o.toml").read_text() == plan_file.read_text()


def test_plan_import_errors_name_the_file_and_place(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text("[[teams]]\nname = 'A'\n[[objectives]]\nteam = 'A'\nquarter = '2026-Q4'\n")
    code, _, err = run("--data", str(tmp_path / "d"), "plan", "import", str(plan_file))
    assert code == 1
    assert f"{plan_file} is not a usable plan file:" in err
    assert "objectives[0].title: is required" in err
    assert not (tmp_path / "d" / "okrtui.json").exists()
    code, _, err = run("--data", str(tmp_path / "d"), "plan", "import", str(tmp_path / "nope.toml"))
    assert code == 1 and "there is no such file" in err


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("okrtui, version ")
    for command in (
        ["--help"],
        ["demo", "--help"],
        ["plan", "import", "--help"],
        ["plan", "export", "--help"],
        ["sessions", "--help"],
        ["doctor", "--help"],
    ):
        code, out, _ = run(*command)
        assert code == 0 and "Usage:" in out


def test_opening_the_app_hands_what_it_loaded_to_the_collector_frozen(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The plan and the quarters checked before start-up live as long as the app; frozen,
    # the garbage collector does not walk them again while the app runs.
    from okrtui.tui.app import OkrApp

    frozen_when_started: list[int] = []
    monkeypatch.setattr(
        OkrApp, "run", lambda self, **_: frozen_when_started.append(gc.get_freeze_count())
    )
    gc.unfreeze()
    try:
        run_app(Repository.open(demo_folder), today=TODAY)
    finally:
        gc.unfreeze()
    (frozen,) = frozen_when_started
    assert frozen > 0


def test_a_filter_that_matches_nothing_says_so_unlike_an_empty_folder(
    demo_folder: Path, tmp_path: Path
) -> None:
    data = ["--data", str(demo_folder), "sessions"]
    code, out, _ = run(*data, "--team", "Sales", "--kind", "weekly", "--quarter", "2026-Q3")
    assert (code, out) == (0, "No weekly sessions of team sales in 2026-Q3.\n")
    code, out, _ = run(*data, "--quarter", "2027-Q1")
    assert (code, out) == (0, "No sessions in 2027-Q1.\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _ = run("--data", str(empty), "sessions", "--kind", "weekly")
    assert (code, out) == (0, "No sessions yet.\n")


@pytest.mark.parametrize(
    "command",
    [["sessions"], ["sessions", "--json"], ["plan", "export"], ["export", "--team", "sales"]],
    ids=" ".join,
)
def test_a_reading_command_on_a_folder_that_does_not_exist_is_an_error(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    code, out, err = run(*command, "--data", str(missing))
    assert code == 1 and out == ""
    assert f"no okrtui data at {missing}; run `okrtui` there to start one" in err
    assert not (tmp_path / "no").exists()
