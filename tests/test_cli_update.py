"""`okrtui update`: every kind of a member's own update reaches the team's inbox, checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from okrtui.cli import cli
from okrtui.domain.updates import Update
from okrtui.store import Repository


def run(folder: Path, *args: str, member: str = "Ana") -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--data", str(folder), "update", "--team", "Sales", "--member", member, *args]
    )
    return result.exit_code, result.stdout, result.stderr


def waiting(folder: Path) -> list[Update]:
    return Repository.open(folder).pending_updates("sales")


def test_a_contribution_for_a_key_result(demo_folder: Path) -> None:
    code, out, _ = run(demo_folder, "contribution", "Closed the Lisbon upgrades", "--kr", "1")
    assert code == 0
    assert "Sent to Sales's inbox: contribution from Ana Costa" in out
    [sent] = waiting(demo_folder)
    assert sent.from_member == "ana" and sent.contribution is not None
    assert sent.contribution.text == "Closed the Lisbon upgrades"
    assert sent.contribution.member_id == "ana"
    assert sent.contribution.kr_id == "kr-tier1"


def test_a_contribution_of_someone_else(demo_folder: Path) -> None:
    assert run(demo_folder, "contribution", "Ben ran the webinar", "--for", "ben")[0] == 0
    [sent] = waiting(demo_folder)
    assert sent.contribution is not None
    assert (sent.from_member, sent.contribution.member_id, sent.contribution.kr_id) == (
        "ana",
        "ben",
        None,
    )


def test_a_checkin_in_the_team_locale_with_a_confidence(demo_folder: Path) -> None:
    args = ("checkin", "--kr", "2", "--value", "1,200", "--confidence", "at risk", "--note", "slow")
    assert run(demo_folder, *args)[0] == 0
    [sent] = waiting(demo_folder)
    assert sent.checkin is not None
    assert (sent.checkin.kr_id, sent.checkin.value, sent.checkin.confidence) == (
        "kr-tier2",
        1200.0,
        "at_risk",
    )
    assert sent.checkin.note == "slow"


def test_an_experience_and_a_target(demo_folder: Path) -> None:
    assert run(demo_folder, "experience", "blocker", "The CRM is down", member="chen")[0] == 0
    assert run(demo_folder, "target", "Call five Tier 2 members", "--kr", "1")[0] == 0
    blocker, target = waiting(demo_folder)
    assert blocker.note is not None and blocker.from_member == "chen"
    assert (blocker.note.kind, blocker.note.text) == ("blocker", "The CRM is down")
    assert target.target is not None and target.target.owner_id == "ana"
    assert (target.target.kind, target.target.kr_id) == ("target", "kr-tier1")


def test_the_member_defaults_to_the_person_running_okrtui(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRTUI_USER", "Dana Novak")
    result = CliRunner().invoke(
        cli, ["--data", str(demo_folder), "update", "--team", "sales", "target", "Book a demo"]
    )
    assert result.exit_code == 0, result.stderr
    assert [u.from_member for u in waiting(demo_folder)] == ["dana"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("checkin", "--kr", "1"), "a check-in needs a value or a confidence"),
        (("checkin", "--kr", "9", "--value", "3"), "there is no key result 9; pick 1 to 4"),
        (("checkin", "--kr", "1", "--value", "lots"), "lots"),
        (("checkin", "--kr", "1", "--confidence", "fine"), "is not a confidence"),
        (("contribution", ""), "cannot be empty"),
        (("contribution", "x" * 2001), "too long"),
        (("experience", "party", "fun"), "is not an experience"),
        (("target", "Call", "--for", "zed"), "no member called 'zed' in team Sales"),
    ],
)
def test_bad_input_is_refused_in_plain_words_and_nothing_is_sent(
    demo_folder: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(demo_folder, *args)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert waiting(demo_folder) == []


def test_an_unknown_sender_is_refused(demo_folder: Path) -> None:
    code, _, err = run(demo_folder, "target", "x", member="zed")
    assert code == 1 and "no member called 'zed'" in err and "Ana Costa" in err


def test_the_list_shows_what_waits(demo_folder: Path) -> None:
    assert run(demo_folder, "list")[1].startswith("Nothing is waiting in Sales's inbox.")
    run(demo_folder, "experience", "win", "Record week")
    assert "experience" in run(demo_folder, "list")[1]


def test_the_data_folder_may_follow_the_command(demo_folder: Path) -> None:
    group = ["update", "--data", str(demo_folder), "--team", "sales", "--member", "ben"]
    result = CliRunner().invoke(cli, [*group, "experience", "win", "First Tier 1 upgrade"])
    assert result.exit_code == 0, result.stderr
    [sent] = waiting(demo_folder)
    assert sent.note is not None and sent.note.text == "First Tier 1 upgrade"
