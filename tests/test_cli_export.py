"""`okrtui export`: one session's minutes to stdout or a file, a team's quarter with an index."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.models import Team
from okrtui.domain.sample import sample_sessions
from okrtui.minutes import FORMATS, render
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


@pytest.mark.parametrize("fmt", FORMATS)
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


def test_plain_text_minutes_print_for_an_email_body(demo_folder: Path, tmp_path: Path) -> None:
    code, out, _ = run("--data", str(demo_folder), "export", WEEK6, "--format", "text")
    assert code == 0
    sessions = sample_sessions()
    assert out == render(sessions[5], "text", sessions)
    assert out.startswith("Sales — weekly meeting, week 6\n====")
    assert "<" not in out and "|" not in out and "**" not in out
    code, _, _ = run(
        "--data", str(demo_folder), "export", WEEK6, "--format", "text", "-o", str(tmp_path)
    )
    assert code == 0
    assert (tmp_path / "sales-2026-11-05-weekly-w6.txt").is_file()


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


def test_a_quarter_as_plain_text_has_a_text_index_naming_each_file(
    demo_folder: Path, tmp_path: Path
) -> None:
    code, _, _ = run(
        "--data", str(demo_folder), "export", "--team", "sales", "--quarter", "2026-Q4",
        "--format", "text", "-o", str(tmp_path),
    )  # fmt: skip
    assert code == 0
    index = (tmp_path / "index.txt").read_text(encoding="utf-8").splitlines()
    assert index[0] == "Sales — minutes of 2026-Q4"
    entries = [line for line in index if line.startswith("- ")]
    assert len(entries) == 6
    assert entries[-1].startswith(
        "- 2026-11-05: weekly meeting, week 6: sales-2026-11-05-weekly-w6.txt — Best Tier 1"
    )
    assert (
        (tmp_path / "sales-2026-11-05-weekly-w6.txt")
        .read_text(encoding="utf-8")
        .startswith("Sales — weekly meeting, week 6\n")
    )


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


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes (links as where they point)."""
    return {
        str(p.relative_to(folder)): (
            str(p.readlink()).encode() if p.is_symlink() else p.read_bytes()
        )
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


@pytest.mark.parametrize(
    "args",
    [
        [WEEK6, "--format", "html", "-o", "{data}/okrtui.json"],
        [WEEK6, "--format", "html", "-o", "{data}/okrtui.json", "--force"],
        [WEEK6, "-o", "{data}"],
        [WEEK6, "-o", "{data}/"],
        [WEEK6, "-o", "{data}/exports/minutes.md"],
        ["--team", "sales", "--quarter", "2026-Q4", "-o", "{data}"],
        ["--team", "sales", "--quarter", "2026-Q4", "-o", "{data}/exports", "--force"],
    ],
)
def test_nothing_is_ever_written_inside_the_data_folder(demo_folder: Path, args: list[str]) -> None:
    before = folder_bytes(demo_folder)
    filled = [a.format(data=demo_folder) for a in args]
    code, _, err = run("--data", str(demo_folder), "export", *filled)
    assert code == 1, err
    assert "inside the data folder" in err
    assert folder_bytes(demo_folder) == before
    assert Repository.open(demo_folder).session(WEEK6).id == WEEK6


def test_the_data_folder_is_known_through_a_link_to_it(demo_folder: Path, tmp_path: Path) -> None:
    link = tmp_path / "link-to-data"
    link.symlink_to(demo_folder)
    before = folder_bytes(demo_folder)
    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", f"{link}/okrtui.json")
    assert code == 1
    assert "inside the data folder" in err
    assert folder_bytes(demo_folder) == before


def test_an_existing_file_is_replaced_only_with_force(demo_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "minutes.md"
    target.write_text("my own notes\n")
    keep = tmp_path / "hard-link-to-the-old-file"
    keep.hardlink_to(target)
    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", str(target))
    assert code == 1
    assert f"{target} already exists" in err
    assert "--force" in err
    assert target.read_text() == "my own notes\n"

    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", str(target), "--force")
    assert code == 0, err
    assert "Best Tier 1 week so far" in target.read_text()
    # Replaced by a new file renamed over it, not rewritten in place: a crash mid-export
    # leaves the old file whole, and other names for the old file keep what it held.
    assert keep.read_text() == "my own notes\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def quarter_export(demo_folder: Path, out_dir: Path, *more: str) -> tuple[int, str, str]:
    return run(
        "--data",
        str(demo_folder),
        *("export", "--team", "sales", "--quarter", "2026-Q4", "-o", str(out_dir), *more),
    )


def test_a_quarter_over_earlier_exports_is_refused_without_force_and_writes_nothing(
    demo_folder: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "q4"
    assert quarter_export(demo_folder, out_dir)[0] == 0
    (out_dir / "index.md").write_text("edited by hand\n")
    (out_dir / "sales-2026-10-01-weekly-w1.md").unlink()
    before = folder_bytes(out_dir)

    code, _, err = quarter_export(demo_folder, out_dir)
    assert code == 1
    assert "already exist" in err
    assert "--force" in err
    assert folder_bytes(out_dir) == before  # not even the missing week was written

    code, _, err = quarter_export(demo_folder, out_dir, "--force")
    assert code == 0, err
    assert (out_dir / "sales-2026-10-01-weekly-w1.md").is_file()
    assert (out_dir / "index.md").read_text() != "edited by hand\n"


@pytest.mark.parametrize("name", ["missing-folder/", "two/levels/"])
def test_a_path_ending_in_a_slash_is_a_folder_that_is_created(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", name)
    assert code == 0, err
    written = tmp_path / name / "sales-2026-11-05-weekly-w6.md"
    assert "Best Tier 1 week so far" in written.read_text()
    assert f"Wrote {written}" in err


HOSTILE_TEAM_NAMES = [
    "../../outside",
    "a/b/../../c",
    "..",
    "/etc/passwd",
    "É" * 200,  # the longest name a team may have
    "x" * 200,
]


@pytest.mark.parametrize("team_name", HOSTILE_TEAM_NAMES)
def test_file_names_from_team_names_stay_in_the_chosen_folder(
    tmp_path: Path, team_name: str
) -> None:
    # The names were already made safe (slugs) before exports learnt not to overwrite:
    # this keeps them so.
    folder = tmp_path / "data"
    repository = Repository.open(folder)
    repository.save_team(Team(id="odd", name=team_name))
    session = sample_sessions()[0].model_copy(update={"team_id": "odd", "team_name": team_name})
    repository.save_session(session)
    one, quarter = tmp_path / "out" / "one", tmp_path / "out" / "quarter"
    code, _, err = run("--data", str(folder), "export", session.id, "-o", f"{one}{os.sep}")
    assert code == 0, err
    code, _, err = run(
        "--data", str(folder), "export", "--team", "odd", "--quarter", "2026-Q4", "-o", str(quarter)
    )
    assert code == 0, err
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents)
    assert [p.parent for p in written] == [one, quarter, quarter], written
    assert all(len(p.name.encode()) <= 255 for p in written)


def link_to_a_victim(tmp_path: Path, link: Path) -> Path:
    """A file outside the export folder, and a link to it where an export will write."""
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours\n")
    link.parent.mkdir(parents=True)
    link.symlink_to(victim)
    return victim


def test_an_export_never_writes_through_a_link_in_the_folder(
    demo_folder: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    link = out_dir / "sales-2026-11-05-weekly-w6.md"
    victim = link_to_a_victim(tmp_path, link)

    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", f"{out_dir}/")
    assert code == 1
    assert "already exists" in err
    assert victim.read_text() == "not yours\n"

    code, _, err = run("--data", str(demo_folder), "export", WEEK6, "-o", f"{out_dir}/", "--force")
    assert code == 0, err
    assert victim.read_text() == "not yours\n"
    assert not link.is_symlink()
    assert "Best Tier 1 week so far" in link.read_text()


def test_a_quarter_export_never_writes_through_a_link_in_the_folder(
    demo_folder: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "q4"
    victim = link_to_a_victim(tmp_path, out_dir / "index.md")
    assert quarter_export(demo_folder, out_dir)[0] == 1
    code, _, err = quarter_export(demo_folder, out_dir, "--force")
    assert code == 0, err
    assert victim.read_text() == "not yours\n"
    assert "sales-2026-10-01-weekly-w1.md" in (out_dir / "index.md").read_text()


def test_a_300_character_file_name_is_refused_in_plain_words(
    demo_folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / ("x" * 300 + ".md")
    code, out, err = run("--data", str(demo_folder), "export", WEEK6, "-o", str(target))
    assert code == 1
    assert "longer than 255 bytes" in err
    assert "Traceback" not in out + err
    assert list(tmp_path.iterdir()) == [demo_folder]
