"""What every Store must do: run on each implementation in `tests/conftest.py`'s STORES.

The interface, the services and the command line rely on these behaviours and on nothing
else; a new store (another backend, a server) is done when this suite passes on it.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from okrtui.domain.models import Contribution, Member, Team
from okrtui.domain.sample import OBJECTIVE, TEAM, sample_plan, sample_sessions
from okrtui.domain.updates import Update
from okrtui.services.demo import build_demo
from okrtui.store import NotFoundError, Store
from okrtui.store.port import DataPart
from tests.store.meetings import finished, weekly

# -- the plan ---------------------------------------------------------------------------


def test_an_empty_store_has_nothing(store: Store) -> None:
    assert store.teams() == []
    assert store.objectives() == []
    assert store.quarters() == []
    assert store.settings() == {}
    assert list(store.iter_sessions()) == []


def test_plan_round_trips(store: Store) -> None:
    store.save_plan(sample_plan())
    assert store.teams() == [TEAM]
    assert store.team("Sales").id == "sales"
    assert [o.id for o in store.objectives("sales", "2026-Q4")] == ["obj-upgrade"]
    assert store.objective_quarters("sales") == ["2026-Q4"]
    assert store.plan() == sample_plan()


def test_unknown_team_names_the_known_ones(store: Store) -> None:
    store.save_plan(sample_plan())
    with pytest.raises(NotFoundError, match=r"no team 'marketing' \(teams: sales\)"):
        store.team("marketing")


def test_saving_a_team_again_replaces_it(store: Store) -> None:
    store.save_team(TEAM)
    store.save_team(TEAM.model_copy(update={"name": "Sales EMEA"}))
    assert [t.name for t in store.teams()] == ["Sales EMEA"]


def test_archived_teams_and_objectives_show_only_when_asked(store: Store) -> None:
    store.save_plan(sample_plan())
    store.save_team(TEAM.model_copy(update={"archived": True}))
    store.save_objective(OBJECTIVE.model_copy(update={"archived": True}))
    assert store.teams() == []
    assert [t.id for t in store.teams(include_archived=True)] == ["sales"]
    assert store.objectives("sales") == []
    assert [o.id for o in store.objectives("sales", include_archived=True)] == ["obj-upgrade"]


def test_update_team_changes_the_team_as_it_is_now(store: Store) -> None:
    store.save_plan(sample_plan())
    opened = store.team("sales")  # a form opens on this copy...
    someone = Member(id="noor", name="Noor")
    store.save_team(opened.model_copy(update={"members": [*opened.members, someone]}))
    # ...and saves a rename made on it: the member added meanwhile stays.
    renamed = store.update_team("sales", lambda now: now.model_copy(update={"name": "Sales EU"}))
    assert renamed.name == "Sales EU"
    assert store.team("sales").member("noor") == someone
    assert store.team("sales").name == "Sales EU"


def test_update_objective_changes_the_objective_as_it_is_now(store: Store) -> None:
    store.save_plan(sample_plan())
    opened = store.objectives("sales")[0]
    store.save_objective(opened.model_copy(update={"key_results": opened.key_results[:1]}))
    store.update_objective(opened.id, lambda now: now.model_copy(update={"title": "Upgrade"}))
    [objective] = store.objectives("sales")
    assert objective.title == "Upgrade"
    assert len(objective.key_results) == 1  # the edit made meanwhile was not undone


def test_updating_what_is_gone_says_so(store: Store) -> None:
    with pytest.raises(NotFoundError, match="removed meanwhile"):
        store.update_team("sales", lambda now: now)
    with pytest.raises(NotFoundError, match="removed meanwhile"):
        store.update_objective("obj-upgrade", lambda now: now)


# -- sessions ---------------------------------------------------------------------------


def test_sessions_round_trip_with_every_field(store: Store) -> None:
    originals = sample_sessions()
    for session in originals:
        store.save_session(session)
    assert store.sessions("2026-Q4") == originals
    assert store.session("2026-Q4-demo03") == originals[2]
    assert store.quarters() == ["2026-Q4"]


def test_sessions_are_filtered_by_team_and_kind(store: Store) -> None:
    ours, theirs = finished(weekly("2026-Q4", 1)), finished(weekly("2026-Q4", 2, "support"))
    for session in (ours, theirs):
        store.save_session(session)
    assert store.sessions("2026-Q4", "sales") == [ours]
    assert store.sessions("2026-Q4", "support", "weekly") == [theirs]
    assert store.sessions("2026-Q4", kind="quarterly") == []


def test_quarters_come_newest_first(store: Store) -> None:
    for quarter in ("2026-Q2", "2026-Q4", "2026-Q3"):
        store.save_session(finished(weekly(quarter, 1)))
    assert store.quarters() == ["2026-Q4", "2026-Q3", "2026-Q2"]
    batches = [[s.quarter for s in batch] for batch in store.iter_sessions("sales")]
    assert batches == [["2026-Q4"], ["2026-Q3"], ["2026-Q2"]]


def test_missing_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.session("2026-Q4-nothere")
    with pytest.raises(NotFoundError):
        store.session("not-a-session-id")


def test_a_meeting_in_progress_is_found_until_it_is_finished(store: Store) -> None:
    done, pending = finished(weekly("2026-Q4", 1)), weekly("2026-Q4", 2)
    store.save_session(done)
    assert store.in_progress("sales") is None
    store.save_session(pending)
    assert store.in_progress("sales") == pending
    assert store.in_progress("sales", "quarterly") is None
    assert store.in_progress("other-team") is None
    store.save_session(finished(pending))
    assert store.in_progress("sales") is None
    assert [s.status for s in store.sessions("2026-Q4")] == ["completed", "completed"]


def test_deleting_a_session_keeps_a_copy(store: Store) -> None:
    for session in sample_sessions():
        store.save_session(session)
    copy = store.delete_session("2026-Q4-demo02")
    assert copy is not None and "before-deleting-2026-Q4-demo02" in copy
    assert [s.id for s in store.sessions("2026-Q4")] == [
        f"2026-Q4-demo0{n}" for n in (1, 3, 4, 5, 6)
    ]
    with pytest.raises(NotFoundError):
        store.session("2026-Q4-demo02")


def test_deleting_a_meeting_in_progress(store: Store) -> None:
    live = weekly("2026-Q4", 1)
    store.save_session(live)
    assert store.delete_session(live.id) is not None
    assert store.in_progress("sales") is None
    assert store.sessions("2026-Q4") == []


def test_search_finds_every_word_whatever_its_case(store: Store) -> None:
    for n in range(3):
        summary = "Lighthouse deal closed" if n == 1 else "Quiet week"
        store.save_session(finished(weekly("2026-Q3", n)).model_copy(update={"summary": summary}))
    found = store.search_sessions("2026-Q3", ["LIGHTHOUSE", "deal"])
    assert [s.id for s in found] == ["2026-Q3-t0001"]
    assert store.search_sessions("2026-Q3", ["lighthouse", "nowhere"]) == []
    assert store.search_sessions("2026-Q2", ["lighthouse"]) == []


# -- who has a meeting open ---------------------------------------------------------------


def test_a_meeting_held_here_is_not_held_elsewhere(store: Store) -> None:
    live = weekly("2026-Q4", 1)
    store.save_session(live)
    store.hold(live.id)
    assert store.holder(live.id) is None  # this process holds it: nobody else does
    store.save_session(live.model_copy(update={"summary": "still ours"}))
    store.release(live.id)
    assert store.session(live.id).summary == "still ours"


# -- team-wide settings and where the data is ---------------------------------------------


def test_settings_are_merged_and_leave_the_plan_alone(store: Store) -> None:
    store.save_plan(sample_plan())
    store.save_settings({"facilitators": {"sales": "Ana"}})
    store.save_settings({"other": 1})
    assert store.settings() == {"facilitators": {"sales": "Ana"}, "other": 1}
    assert store.plan() == sample_plan()


def test_the_demo_store_keeps_the_demo(store: Store) -> None:
    assert store.location()
    assert build_demo(store.demo_store()) is True
    assert build_demo(store.demo_store()) is False  # built once
    assert [t.id for t in store.demo_store().teams()] == ["sales", "support"]
    assert len(store.demo_store().sessions("2026-Q4", "sales")) == 6


# -- members' own updates and watching for changes ----------------------------------------


def _update(n: int, team_id: str = "sales") -> Update:
    return Update(
        id=f"up-{n}",
        team_id=team_id,
        kind="contribution",
        from_member="ana",
        from_name="Ana Costa",
        submitted_at=datetime(2026, 11, 12, 9, n),
        contribution=Contribution(id=f"ct-{n}", member_id="ana", text=f"did thing {n}"),
    )


def test_updates_wait_in_the_team_inbox_until_removed(store: Store) -> None:
    store.save_plan(sample_plan())
    store.save_team(Team(id="ops", name="Ops"))
    store.submit_update(_update(2))
    store.submit_update(_update(1))
    store.submit_update(_update(3, team_id="ops"))
    assert [u.id for u in store.pending_updates("sales")] == ["up-1", "up-2"]  # oldest first
    assert store.pending_updates("sales")[0] == _update(1)
    store.remove_update("up-1")
    store.remove_update("up-1")  # gone already: no error
    assert [u.id for u in store.pending_updates("sales")] == ["up-2"]
    assert [u.id for u in store.pending_updates("ops")] == ["up-3"]


def test_an_update_for_an_unknown_team_is_refused(store: Store) -> None:
    store.save_plan(sample_plan())
    with pytest.raises(NotFoundError):
        store.submit_update(_update(1, team_id="marketing"))
    assert store.pending_updates("marketing") == []


def test_an_update_never_touches_a_meeting(store: Store) -> None:
    store.save_plan(sample_plan())
    live = weekly("2026-Q4", 1)
    store.save_session(live)
    store.submit_update(_update(1))
    assert store.session(live.id) == live


def test_the_version_of_each_part_changes_with_its_writes_only(store: Store) -> None:
    parts: tuple[DataPart | None, ...] = ("plan", "sessions", "inbox", None)
    before = {part: store.version(part) for part in parts}
    store.save_plan(sample_plan())
    assert store.changed_since(before["plan"], "plan")
    assert store.changed_since(before[None])
    assert not store.changed_since(before["sessions"], "sessions")
    assert not store.changed_since(before["inbox"], "inbox")
    seen = store.version("sessions")
    store.save_session(weekly("2026-Q4", 1))  # a meeting in progress
    assert store.changed_since(seen, "sessions")
    seen = store.version("sessions")
    store.save_session(finished(weekly("2026-Q3", 2)))  # a finished one, in a new quarter
    assert store.changed_since(seen, "sessions")
    seen, plan = store.version("inbox"), store.version("plan")
    store.submit_update(_update(1))
    assert store.changed_since(seen, "inbox")
    assert not store.changed_since(plan, "plan")


def test_every_write_gives_a_new_version_however_quick(store: Store) -> None:
    live = weekly("2026-Q4", 1)
    store.save_session(live)
    seen = store.version("sessions")
    for n in range(5):  # same size each time, within one timestamp tick
        store.save_session(live.model_copy(update={"summary": f"v{n}"}))
        assert store.changed_since(seen, "sessions")
        seen = store.version("sessions")
    assert not store.changed_since(seen, "sessions")
