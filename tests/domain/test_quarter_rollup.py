"""The quarter's roll-up as the review screen and every minutes format show it."""

from __future__ import annotations

from okrtui.domain.models import Contribution, Training
from okrtui.domain.quarter_rollup import (
    GENERAL,
    contributions_rollup,
    rollup_sessions,
    trainings_held,
)
from okrtui.domain.sample import OBJECTIVE, sample_sessions
from tests.minutes.cases import quarterly_session


def test_a_guest_trainer_is_marked_as_a_guest() -> None:
    week = sample_sessions()[0]
    guest = Training(id="t-g", topic="Cold calls", presenter_name="Maya", minutes=5)
    (held,) = trainings_held([week.model_copy(update={"trainings": [guest]})])
    assert held.presenter == "Maya (guest)"


def test_a_contribution_to_a_key_result_nobody_knows_counts_for_the_team_in_general() -> None:
    week = sample_sessions()[0]
    lost = Contribution(id="c-x", member_id="ana", kr_id="kr-unknown", text="Tidied the CRM")
    rollup = contributions_rollup([OBJECTIVE], [week.model_copy(update={"contributions": [lost]})])
    assert [(g.kr_id, g.title) for g in rollup] == [(None, GENERAL)]
    assert [c.text for c in rollup[0].contributions] == ["Tidied the CRM"]


def test_a_review_rolls_up_the_quarters_weekly_meetings_and_itself() -> None:
    review = quarterly_session()
    weeklies = sample_sessions()
    other_team = weeklies[0].model_copy(update={"id": "other", "team_id": "ops"})
    chosen = rollup_sessions(review, [*weeklies, other_team, review])
    assert [s.id for s in chosen] == [*(s.id for s in weeklies), review.id]
    topics = [t.topic for t in trainings_held(chosen)]
    assert topics[-1] == "What the quarter taught us about pricing"  # held at the review
