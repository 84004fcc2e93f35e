"""Drafting next quarter: carried key results start from their final values."""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from okrtui.domain.models import KeyResult, Objective
from okrtui.domain.next_quarter import (
    DraftError,
    blank_key_result,
    blank_objective,
    draft_next_quarter,
    draft_problems,
    planned_objectives,
)
from okrtui.domain.sample import OBJECTIVE

FINALS = {"kr-tier1": 226.0, "kr-tier2": 248.0, "kr-t1-price": 4880.0, "kr-t2-price": 2975.0}


def test_the_draft_carries_every_kr_with_new_ids_and_final_values_as_baselines() -> None:
    (draft,) = draft_next_quarter([OBJECTIVE], FINALS)
    assert draft.source_id == OBJECTIVE.id and draft.id != OBJECTIVE.id
    assert draft.title == OBJECTIVE.title
    by_source = {kr.source_id: kr for kr in draft.key_results}
    assert by_source["kr-tier1"].baseline == 226 and by_source["kr-tier1"].target == 500
    assert by_source["kr-tier2"].baseline == 248
    # A threshold is carried as it was: there is no baseline to move.
    assert by_source["kr-t1-price"].baseline is None and by_source["kr-t1-price"].target == 4800
    assert all(kr.id != kr.source_id for kr in draft.key_results)


def test_a_kr_never_checked_in_keeps_its_old_baseline() -> None:
    (draft,) = draft_next_quarter([OBJECTIVE], {})
    assert draft.key_results[0].baseline == 0


def test_a_target_already_reached_must_be_raised_before_saving() -> None:
    (draft,) = draft_next_quarter([OBJECTIVE], {**FINALS, "kr-tier1": 530.0})
    problems = draft_problems([draft])
    assert problems == [
        "Upgrade 500 existing members from Tier 2 to Tier 1: an increase key result needs a "
        "target above its baseline (500 is not above 530)"
    ]
    with pytest.raises(DraftError) as caught:
        planned_objectives([draft], "sales", "2027-Q1")
    assert caught.value.problems == problems
    draft.key_results[0].target = 800
    (saved,) = planned_objectives([draft], "sales", "2027-Q1")
    assert saved.key_results[0].baseline == 530 and saved.key_results[0].target == 800


def test_dropped_parts_are_left_out_and_new_ones_added() -> None:
    (draft,) = draft_next_quarter([OBJECTIVE], FINALS)
    draft.key_results[1].dropped = True
    extra = blank_key_result()
    extra.title, extra.kind = "Launch the referral programme", "milestone"
    draft.key_results.append(extra)
    gone = blank_objective()
    gone.dropped = True  # an empty dropped objective does not block saving
    new = blank_objective()
    new.title = "Grow Tier 1 renewals"
    renewals = blank_key_result()
    renewals.title, renewals.baseline, renewals.target = "Renew 300 members", 0, 300
    new.key_results.append(renewals)
    saved = planned_objectives([draft, gone, new], "sales", "2027-Q1")
    assert [o.title for o in saved] == [OBJECTIVE.title, "Grow Tier 1 renewals"]
    assert all(o.quarter == "2027-Q1" and o.team_id == "sales" for o in saved)
    titles = [kr.title for kr in saved[0].key_results]
    assert "Upgrade 1,000 existing members from Tier 3 to Tier 2" not in titles
    assert titles[-1] == "Launch the referral programme"
    assert isinstance(saved[1].key_results[0], KeyResult)


def test_empty_titles_are_named_as_problems() -> None:
    new = blank_objective()
    new.key_results.append(blank_key_result())
    assert draft_problems([new]) == [
        "A new objective: needs a title",
        "A new key result: cannot be empty",
    ]


def test_archived_objectives_and_krs_are_not_carried() -> None:
    archived_kr = OBJECTIVE.key_results[0].model_copy(update={"archived": True})
    objective = OBJECTIVE.model_copy(
        update={"key_results": [archived_kr, *OBJECTIVE.key_results[1:]]}
    )
    old = Objective(id="old", team_id="sales", quarter="2026-Q4", title="Old", archived=True)
    (draft,) = draft_next_quarter([objective, old], FINALS)
    assert len(draft.key_results) == 3


amounts = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(amounts, amounts, amounts, st.sampled_from(["increase", "decrease"]))
def test_a_carried_kr_starts_at_its_final_value_and_saves_only_when_the_target_is_beyond(
    baseline: float, target: float, final: float, kind: Literal["increase", "decrease"]
) -> None:
    assume(abs(target - baseline) > 1e-6)
    low, high = min(baseline, target), max(baseline, target)
    start, goal = (low, high) if kind == "increase" else (high, low)
    kr = KeyResult(id="k", title="Grow", kind=kind, baseline=start, target=goal)
    objective = Objective(id="o", team_id="t", quarter="2026-Q4", title="O", key_results=[kr])
    (draft,) = draft_next_quarter([objective], {"k": final})
    carried = draft.key_results[0]
    assert (carried.baseline, carried.target) == (final, goal)
    beyond = goal > final if kind == "increase" else goal < final
    assert (draft_problems([draft]) == []) == beyond
