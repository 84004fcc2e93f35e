"""`okrtui export`: one session's minutes to stdout or a file, a team's quarter with an index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.models import Team
from okrtui.domain.sample import sample_sessions
from okrtui.minutes import render
from okrtui.store import Repository

WEEK6 = "2026-Q4-demo06"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_one_session_prints_its_markdown_minutes(demo_folder: Path) -> None:
    code, out, _ = run("--data", str(demo_folder), "export", WEEK6)
    assert code == 0
    sessions = sample_sessions()
    assert out == render(sessions[5], "md", sessions)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_one_session_is_written_to_a_file_in_each_format(
    demo_folder: Path, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / "out" / f"minutes.{fmt}"
    code, out, err = run(
        "--data", str(demo_folder), "export", WEEK6, "--format", fmt, "-o", str(target)
    )
    assert (code, out) == (0, "")
    assert f"Wrote {target}" in err
    text = target.read_text(encoding="utf-8")
    assert "Best Tier 1 week so far" in text
    if fmt == "json":
        assert json.loads(text)["session"]["id"] == WEEK6


def test_output_into_a_folder_uses_a_safe_file_name(demo_folder: Path, tmp_path: Path) -> None:
    code, _, _ = run(
        "--data", str(demo_folder), "export", WEEK6, "--format", "html", "-o", str(tmp_path)
    )
    assert code == 0
    assert (tmp_path / "sales-2026-11-05-weekly-w6.html").is_file()


def test_a_quarter_is_written_with_an_index_in_date_order(
    demo_folder: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "q4"
    code, _, err = run(
        "--data",
        str(demo_folder),
        "export",
        "--team",
        "Sales",
        "--quarter",
        "2026-Q4",
        "-o",
        str(out_dir),
    )
    assert code == 0, err
    files = sorted(p.name for p in out_dir.iterdir())
    expected = [
        f"sales-2026-{d}-weekly-w{w}.md"
        for w, d in enumerate(["10-01", "10-08", "10-15", "10-22", "10-29", "11-05"], 1)
    ]
    assert files == sorted([*expected, "index.md"])
    index = (out_dir / "index.md").read_text(encoding="utf-8")
    links = [
        line.split("](")[1].split(")")[0] for line in index.splitlines() if line.startswith("- [")
    ]
    assert links == expected
    assert "Wrote 6 session(s) and index.md" in err


def test_a_quarter_as_json_has_a_json_index(demo_folder: Path, tmp_path: Path) -> None:
    code, _, _ = run(
        "--data",
        str(demo_folder),
        "export",
        "--team",
        "sales",
        "--quarter",
        "2026-Q4",
        "--format",
        "json",
        "-o",
        str(tmp_path),
    )
    assert code == 0
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [s["week"] for s in index["sessions"]] == [1, 2, 3, 4, 5, 6]
    for entry in index["sessions"]:
        assert (
            json.loads((tmp_path / entry["file"]).read_text(encoding="utf-8"))["session"]["id"]
            == entry["id"]
        )


def test_file_names_are_safe_whatever_the_team_is_called(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    repository = Repository.open(folder)
    repository.save_team(Team(id="odd", name="../../Ventes & Co / 🚀 «Équipe»"))
    session = sample_sessions()[0].model_copy(
        update={"team_id": "odd", "team_name": "../../Ventes & Co / 🚀 «Équipe»"}
    )
    repository.save_session(session)
    out_dir = tmp_path / "out"
    code, _, err = run(
        "--data", str(folder), "export", "--team", "odd", "--quarter", "2026-Q4", "-o", str(out_dir)
    )
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "index.md",
        "ventes-co-equipe-2026-10-01-weekly-w1.md",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "2026-Q4-nothere"], "no session '2026-Q4-nothere'"),
        (["export", "not-a-session-id"], "no session 'not-a-session-id'"),
        (
            ["export", "--team", "marketing", "--quarter", "2026-Q4", "-o", "x"],
            "no team 'marketing'",
        ),
        (["export", WEEK6, "--team", "sales"], "not both"),
        (["export"], "Say what to export"),
        (["export", "--team", "sales", "-o", "x"], "--team needs --quarter"),
        (["export", "--team", "sales", "--quarter", "2026-Q4"], "--team needs -o DIR"),
        (
            ["export", "--team", "sales", "--quarter", "2025-Q1", "-o", "x"],
            "no sessions in 2025-Q1",
        ),
    ],
)
def test_mistakes_exit_1_with_a_clear_message(
    demo_folder: Path, args: list[str], message: str
) -> None:
    code, out, err = run("--data", str(demo_folder), *args)
    assert code == 1
    assert message in err
    assert "Traceback" not in err + out


def test_an_unwritable_path_exits_1_with_a_clear_message(demo_folder: Path, tmp_path: Path) -> None:
    # A path below a file cannot be written, even by root.
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    target = blocker / "m.md"
    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", str(target))
    assert code == 1
    assert f"cannot write {target}: {blocker} is a file, not a folder" in err
    code, _, err = run(
        "--data",
        str(demo_folder),
        "export",
        "--team",
        "sales",
        "--quarter",
        "2026-Q4",
        "-o",
        str(blocker / "q"),
    )
    assert code == 1
    assert f"{blocker} is a file, not a folder" in err


def test_a_file_where_the_folder_should_be_exits_1(demo_folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    code, _, err = run(
        "--data",
        str(demo_folder),
        "export",
        "--team",
        "sales",
        "--quarter",
        "2026-Q4",
        "-o",
        str(blocker),
    )
    assert code == 1
    assert "it is a file, not a folder" in err
