"""A data file is read as what it is: empty is not "no data", and a failed migration writes
nothing. Each refusal names the file and leaves every byte of the folder as it was."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.plan import dump_plan
from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.store import DataFileError, Repository


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (backups too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("content", ["", "   \n\t\n"], ids=["empty", "white-space"])
def test_an_empty_quarter_file_is_an_error_not_no_sessions(tmp_path: Path, content: str) -> None:
    Repository.open(tmp_path).save_plan(sample_plan())
    (tmp_path / "2026-Q4.json").write_text(content)
    before = folder_bytes(tmp_path)
    result = CliRunner().invoke(cli, ["sessions", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert f"okrtui cannot use {tmp_path / '2026-Q4.json'}: it" in result.stderr
    assert "not okrtui data" in result.stderr
    assert "okrtui doctor" in result.stderr
    assert result.stdout == ""
    assert folder_bytes(tmp_path) == before


@pytest.mark.parametrize("content", ["", " \n"], ids=["empty", "white-space"])
def test_plan_import_does_not_write_over_an_empty_plan_file(tmp_path: Path, content: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "okrtui.json").write_text(content)
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(dump_plan(sample_plan()))
    result = CliRunner().invoke(cli, ["plan", "import", str(plan_file), "--data", str(data)])
    assert result.exit_code == 1
    assert f"okrtui cannot use {data / 'okrtui.json'}" in result.stderr
    assert (data / "okrtui.json").read_text() == content
    assert sorted(p.name for p in data.iterdir()) == ["okrtui.json"]


def test_an_old_schema_file_with_a_bad_record_is_refused_and_left_alone(tmp_path: Path) -> None:
    good, bad = (s.model_dump(mode="json") for s in sample_sessions()[:2])
    del bad["week"]  # a weekly meeting without its week number
    # Schema 0: the same tables, no meta table.
    (tmp_path / "2026-Q4.json").write_text(json.dumps({"sessions": {"1": good, "2": bad}}))
    before = folder_bytes(tmp_path)
    repository = Repository.open(tmp_path)
    with pytest.raises(DataFileError) as refused:
        repository.sessions("2026-Q4")
    assert f"sessions record '{bad['id']}' is not valid: " in str(refused.value)
    assert "week" in str(refused.value)
    assert folder_bytes(tmp_path) == before  # no migrated file, and no backup claiming one
    assert not (tmp_path / "backups").exists()


def test_a_good_old_schema_file_is_migrated_after_an_owner_only_backup(tmp_path: Path) -> None:
    sessions = [s.model_dump(mode="json") for s in sample_sessions()]
    path = tmp_path / "2026-Q4.json"
    path.write_text(json.dumps({"sessions": dict(enumerate(sessions, 1))}))
    os.chmod(path, 0o644)
    assert len(Repository.open(tmp_path).sessions("2026-Q4")) == len(sessions)
    (backup,) = (tmp_path / "backups").iterdir()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700


def test_a_deletion_backup_is_owner_only(demo_folder: Path) -> None:
    os.chmod(demo_folder / "2026-Q4.json", 0o644)
    repository = Repository.open(demo_folder)
    copy = repository.delete_session(sample_sessions()[0].id)
    assert copy is not None
    assert stat.S_IMODE(Path(copy).stat().st_mode) == 0o600


def test_a_data_file_nested_a_thousand_levels_deep_is_refused_naming_it(tmp_path: Path) -> None:
    Repository.open(tmp_path).save_plan(sample_plan())
    deep = "[" * 1000 + "]" * 1000
    (tmp_path / "2026-Q4.json").write_text(f'{{"sessions": {{"1": {{"id": {deep}}}}}}}')
    before = folder_bytes(tmp_path)
    result = CliRunner().invoke(cli, ["sessions", "--data", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"okrtui cannot use {tmp_path / '2026-Q4.json'}" in result.stderr
    assert "Traceback" not in result.stderr
    assert folder_bytes(tmp_path) == before
