"""Personal settings: each person's own, in their config folder, never in the shared data."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, RadioButton

from okrtui.cli import cli
from okrtui.domain.models import Team
from okrtui.domain.sample import sample_plan
from okrtui.services.settings import PersonalSettings, Settings, opening_team, remember_team
from okrtui.store import DataFileError, Repository, SaveError
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.export import ExportDialog
from tests.conftest import TODAY
from tests.tui.settle import settle

SIZE = (80, 24)


async def shown_theme(data: Path, config: Path, switch: bool = False) -> str:
    """The theme the app opens with on `data` for the person of `config` (after a switch)."""
    app = OkrApp(Repository.open(data), today=TODAY, personal=PersonalSettings(config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        opened = app.theme
        if switch:
            app.action_toggle_theme()
            await pilot.pause()
    return opened


def two_data_folders(tmp_path: Path) -> tuple[Path, Path]:
    folders = tmp_path / "data-1", tmp_path / "data-2"
    for folder in folders:
        Repository.open(folder).save_plan(sample_plan())
    return folders


async def test_a_theme_change_is_seen_only_by_its_own_config_folder(tmp_path: Path) -> None:
    data_1, data_2 = two_data_folders(tmp_path)
    config_a, config_b = tmp_path / "config-a", tmp_path / "config-b"
    plan_before = (data_1 / "okrtui.json").read_bytes()

    assert await shown_theme(data_1, config_a, switch=True) == "textual-dark"
    assert await shown_theme(data_1, config_a) == "textual-light"  # remembered
    assert await shown_theme(data_2, config_b) == "textual-dark"  # another folder, person
    # The same data folder, another machine: the shared plan was not touched.
    assert await shown_theme(data_1, config_b) == "textual-dark"
    assert (data_1 / "okrtui.json").read_bytes() == plan_before


async def test_the_theme_once_shared_in_the_plan_is_read_as_a_default(tmp_path: Path) -> None:
    data, _ = two_data_folders(tmp_path)
    Repository.open(data).save_settings({"theme": "textual-light"})  # an older okrtui's
    config_a, config_b = tmp_path / "config-a", tmp_path / "config-b"
    assert await shown_theme(data, config_a, switch=True) == "textual-light"
    assert await shown_theme(data, config_a) == "textual-dark"  # the person's choice wins
    assert await shown_theme(data, config_b) == "textual-light"  # still everyone's default
    assert Repository.open(data).settings()["theme"] == "textual-light"


async def test_home_opens_on_the_team_last_shown_in_that_data_folder(tmp_path: Path) -> None:
    data, other = two_data_folders(tmp_path)
    Repository.open(data).save_team(Team(id="support", name="Support"))
    config = tmp_path / "config"
    app = OkrApp(Repository.open(data), today=TODAY, personal=PersonalSettings(config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.team_id == "sales"
        await pilot.press("t")  # the next team
        await settle(pilot)
        assert app.team_id == "support"
    again = OkrApp(Repository.open(data), today=TODAY, personal=PersonalSettings(config))
    assert again.team_id == "support"
    elsewhere = OkrApp(Repository.open(other), today=TODAY, personal=PersonalSettings(config))
    assert elsewhere.team_id == "sales"
    someone_else = OkrApp(
        Repository.open(data), today=TODAY, personal=PersonalSettings(tmp_path / "config-b")
    )
    assert someone_else.team_id == "sales"


def test_a_remembered_team_that_is_gone_falls_back_to_the_first(tmp_path: Path) -> None:
    store = Repository.open(tmp_path / "data")
    store.save_plan(sample_plan())
    personal = PersonalSettings(tmp_path / "config")
    settings = remember_team(personal, Settings(), store, "archived-long-ago")
    assert opening_team(settings, store) == "sales"


def test_settings_files_are_private_and_keep_what_a_newer_okrtui_wrote(tmp_path: Path) -> None:
    personal = PersonalSettings(tmp_path / "config")
    personal.folder.mkdir()
    personal.path.write_text(json.dumps({"theme": "textual-light", "font": "large"}))
    saved = personal.update(export_format="html")
    assert (saved.theme, saved.export_format) == ("textual-light", "html")
    assert json.loads(personal.path.read_text())["font"] == "large"
    assert stat.S_IMODE(os.stat(personal.path).st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "it does not hold okrtui settings"),
        ('{"export_format": "docx"}', "export_format"),
        ('["theme"]', "it does not hold okrtui settings"),
    ],
)
def test_a_bad_settings_file_stops_with_a_message_and_is_kept(
    tmp_path: Path, content: str, problem: str
) -> None:
    personal = PersonalSettings(tmp_path / "config")
    personal.folder.mkdir()
    personal.path.write_text(content)
    with pytest.raises(DataFileError, match=problem):
        personal.load()
    with pytest.raises(DataFileError):
        personal.update(theme="textual-light")
    assert personal.path.read_text() == content


def test_the_command_line_stops_on_a_bad_settings_file(tmp_path: Path, demo_folder: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text('{"theme": 3}')
    for args in (
        ["--config", str(config), "--data", str(demo_folder)],
        ["demo", "--config", str(config)],
    ):
        result = CliRunner().invoke(cli, args, env={"OKRTUI_DATA": str(tmp_path / "data")})
        assert result.exit_code == 1
        assert f"okrtui cannot use {config / 'settings.json'}" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # the demo stopped before it wrote


def test_a_config_folder_that_cannot_be_written_is_a_save_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(SaveError, match="could not save"):
        PersonalSettings(blocker / "config").update(theme="textual-light")


async def test_the_next_export_offers_the_format_last_chosen(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "config"
    for expected in ("md", "html"):
        app = OkrApp(Repository.open(demo_folder), today=TODAY, personal=PersonalSettings(config))
        async with app.run_test(size=SIZE) as pilot:
            app.action_export_minutes()
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            assert dialog.query_one("#export-path", Input).value.endswith(f".{expected}")
            assert dialog.query_one(f"#format-{expected}", RadioButton).value
            await pilot.click("#format-html")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, ExportDialog)
    assert PersonalSettings(config).load().export_format == "html"
    assert PersonalSettings(tmp_path / "someone-else").load().export_format is None


async def test_a_second_export_in_the_same_run_offers_the_format_just_used(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = OkrApp(
        Repository.open(demo_folder), today=TODAY, personal=PersonalSettings(tmp_path / "c")
    )
    async with app.run_test(size=SIZE) as pilot:
        app.action_export_minutes()
        await pilot.pause()
        await pilot.click("#format-json")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        app.action_export_minutes()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#format-json", RadioButton).value
        assert dialog.query_one("#export-path", Input).value.endswith(".json")
