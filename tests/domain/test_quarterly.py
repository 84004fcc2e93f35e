"""The quarterly review's view of the demo quarter: paths, scores, credit and trainings."""

from __future__ import annotations

from datetime import date

import pytest

from okrtui.domain.quarter_rollup import (
    GENERAL,
    contributions_rollup,
    training_minutes,
    trainings_held,
)
from okrtui.domain.quarterly import (
    KRQuarterPath,
    computed_score,
    confidence_history,
    objective_results,
    quarter_paths,
    quarter_sessions,
)
from okrtui.domain.sample import OBJECTIVE, sample_sessions

QUARTER = "2026-Q4"


def demo_paths() -> dict[str, KRQuarterPath]:
    sessions = quarter_sessions(sample_sessions(), "sales", QUARTER)
    return {p.kr.id: p for p in quarter_paths(QUARTER, [OBJECTIVE], sessions)}


def test_each_kr_path_follows_the_weekly_check_ins() -> None:
    paths = demo_paths()
    tier1 = paths["kr-tier1"]
    assert tier1.values == [38, 71, 109, 142, 181, 226]
    assert tier1.final_value == 226
    assert tier1.target_line == 500
    assert [row.week for row in tier1.rows()] == [1, 2, 3, 4, 5, 6]
    assert tier1.chart_points()[0] == (1.0, 38)
    assert tier1.chart_points()[1] == (2.0, 71)


def test_the_expected_pace_runs_from_baseline_to_target_over_the_quarter() -> None:
    tier1 = demo_paths()["kr-tier1"]
    (start, end) = tier1.pace_line()
    assert start[1] == pytest.approx(500 / 92)  # end of the first day
    assert end == (pytest.approx(1 + 91 / 7), 500)
    # Week 6's meeting (5 Nov) is 36 days in: about 196 members expected.
    assert tier1.rows()[-1].expected == pytest.approx(500 * 36 / 92)
    assert tier1.expected_on(date(2026, 12, 31)) == 500


def test_maintain_kinds_have_a_threshold_but_no_pace() -> None:
    price = demo_paths()["kr-t1-price"]
    assert price.target_line == 4800
    assert price.pace_line() == []
    assert all(row.expected is None for row in price.rows())


def test_demo_scores_follow_the_rules() -> None:
    scores = {k: computed_score(p) for k, p in demo_paths().items()}
    assert scores["kr-tier1"].used == pytest.approx(226 / 500)
    assert scores["kr-tier2"].used == pytest.approx(248 / 1000)
    assert scores["kr-t1-price"].used == pytest.approx(4 / 6)
    assert scores["kr-t2-price"].used == 1.0
    (result,) = objective_results([OBJECTIVE], scores.values())
    assert result.score == pytest.approx((0.452 + 0.248 + 4 / 6 + 1) / 4)
    assert result.band == "yellow"
    assert result.callout is None


def test_confidence_history_has_one_dot_per_meeting() -> None:
    history = confidence_history(sample_sessions(), "kr-tier2")
    assert history == ["on_track", "at_risk", "at_risk", "off_track", "at_risk", "at_risk"]


def test_the_review_uses_only_the_teams_weekly_meetings_of_that_quarter() -> None:
    sessions = sample_sessions()
    other = sessions[0].model_copy(update={"id": "2026-Q4-other1", "team_id": "ops"})
    review = sessions[1].model_copy(update={"id": "2026-Q4-review", "kind": "quarterly"})
    chosen = quarter_sessions([*sessions, other, review], "sales", QUARTER)
    assert [s.id for s in chosen] == [s.id for s in sessions]
    assert quarter_sessions(sessions, "sales", "2026-Q3") == []


def test_contributions_are_grouped_by_kr_and_credit_members_by_name() -> None:
    rollup = contributions_rollup([OBJECTIVE], sample_sessions())
    assert [g.kr_id for g in rollup] == ["kr-tier1", "kr-tier2", "kr-t1-price", "kr-t2-price", None]
    tier1 = rollup[0]
    assert tier1.members == ("Ben Okafor", "Eli Haddad")  # alphabetical, never by volume
    assert [c.text for c in tier1.celebrated] == [
        "Called 40 long-standing Tier 2 members with the new Tier 1 offer",
        "Closed the Harbor Travel Club group upgrade (12 members)",
        "Upgrade offer bundled with winter cruise preview: 18 upgrades",
    ]
    assert rollup[-1].title == GENERAL
    assert rollup[-1].members == ("Dana Novak",)
    assert sum(len(g.contributions) for g in rollup) == 12


def test_a_contribution_to_a_kr_gone_from_the_plan_keeps_its_title() -> None:
    kept = OBJECTIVE.model_copy(update={"key_results": OBJECTIVE.key_results[:1]})
    rollup = contributions_rollup([kept], sample_sessions())
    assert rollup[1].title == "Upgrade 1,000 existing members from Tier 3 to Tier 2"


def test_trainings_held_list_presenter_minutes_attendance_and_total() -> None:
    held = trainings_held(sample_sessions())
    assert [(t.week, t.topic, t.presenter, t.minutes) for t in held] == [
        (2, "Handling price objections", "Ana Costa", 12),
        (5, "Reading the upgrade funnel dashboard", "Dana Novak", 10),
    ]
    # Ben missed week 5, so he is not counted as attending.
    assert held[1].attendees == ("Ana Costa", "Chen Wei", "Eli Haddad")
    assert training_minutes(held) == 22
