"""`okrtui plan export -o` follows the export rules, and its TOML never carries raw controls."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.models import Team
from okrtui.domain.text import STORED
from okrtui.store import Repository
from tests.hostile_text import raw_control_bytes


def _export(folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(folder), "plan", "export", *args])
    return result.exit_code, result.output


def test_plan_export_never_writes_over_the_plan(demo_folder: Path) -> None:
    plan_file = demo_folder / "okrtui.json"
    before = plan_file.read_bytes()
    code, output = _export(demo_folder, "-o", str(plan_file), "--force")
    assert code == 1
    assert "inside the data folder" in output
    assert plan_file.read_bytes() == before
    assert Repository.open(demo_folder).teams()


def test_plan_export_replaces_a_file_only_with_force(demo_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("mine", encoding="utf-8")
    code, output = _export(demo_folder, "-o", str(target))
    assert code == 1
    assert "--force" in output
    assert target.read_text(encoding="utf-8") == "mine"
    code, _ = _export(demo_folder, "-o", str(target), "--force")
    assert code == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["teams"]


def test_plan_export_shows_no_raw_control_characters_and_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    repository = Repository.open(folder)
    name = "Web \x9b2J \u202eteam \x1b[31m"
    repository.save_team(Team.model_validate({"id": "web", "name": name}, context=STORED))
    code, output = _export(folder)
    assert code == 0
    assert raw_control_bytes(output) == []
    assert "\u202e" not in output
    assert tomllib.loads(output)["teams"][0]["name"] == name
