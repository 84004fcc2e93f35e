"""Who is who: one name for "open elsewhere" and a new meeting's facilitator."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrtui.domain.sample import sample_plan
from okrtui.services.facilitators import opening_facilitator, remember_facilitator
from okrtui.services.identity import USER_VARIABLE, choose_person, current_person
from okrtui.store import Repository, SessionHeldElsewhere
from okrtui.store.holders import this_process
from tests.store.holding_process import held_elsewhere
from tests.store.test_holders import meeting


def test_without_a_name_the_person_is_the_account() -> None:
    assert current_person() == this_process().user


def test_the_environment_names_the_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(USER_VARIABLE, "  Ana Lima ")
    assert current_person() == "Ana Lima"


@pytest.mark.parametrize("sent", ["", "   ", "Ana\x1b[2J", "x" * 1000])
def test_a_name_that_is_not_a_name_is_ignored(monkeypatch: pytest.MonkeyPatch, sent: str) -> None:
    monkeypatch.setenv(USER_VARIABLE, sent)
    assert current_person() == this_process().user


def test_a_chosen_name_is_refused_in_plain_words() -> None:
    with pytest.raises(ValueError, match="Your name"):
        choose_person("Ana\nLima")
    assert current_person() == this_process().user


def test_the_named_person_is_who_open_elsewhere_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Repository.open(tmp_path).save_session(meeting())
    monkeypatch.setenv(USER_VARIABLE, "Bruno")
    with held_elsewhere(tmp_path, meeting().id):
        monkeypatch.delenv(USER_VARIABLE)
        holder = Repository.open(tmp_path).holder(meeting().id)
        assert holder is not None
        assert holder.describe().startswith("Bruno on ")
        with pytest.raises(SessionHeldElsewhere, match="open elsewhere: Bruno on "):
            Repository.open(tmp_path).hold(meeting().id, person=current_person())


def test_a_named_person_is_offered_as_facilitator_over_the_last_one() -> None:
    repository = Repository.in_memory()
    repository.save_plan(sample_plan())
    team = sample_plan().teams[0].id
    remember_facilitator(repository, team, "Carla")
    assert opening_facilitator(repository, team) == "Carla"
    choose_person("Dee")
    assert opening_facilitator(repository, team) == "Dee"
