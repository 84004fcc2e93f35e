"""A key result in words, the same on every screen and in every minutes format."""

from __future__ import annotations

import pytest

from okrtui.domain import kr_words
from okrtui.domain.models import DraftKeyResult, KeyResult
from okrtui.domain.sample import KEY_RESULTS

TIER1, _, T1_PRICE, _ = KEY_RESULTS
CHURN = KeyResult(id="kr-churn", title="Cut churn", kind="decrease", unit="%", baseline=8, target=5)
CAP = KeyResult(id="kr-cap", title="Cap refunds", kind="maintain_max", unit="¥", target=90000)
PORTAL = KeyResult(id="kr-portal", title="Launch the portal", kind="milestone")


def test_the_goal_says_where_a_key_result_goes_or_what_it_holds() -> None:
    assert kr_words.goal(TIER1) == "0 → 500 members"
    assert kr_words.goal(CHURN) == "8% → 5%"
    assert kr_words.goal(T1_PRICE) == "at least $4,800"
    assert kr_words.goal(CAP) == "at most ¥90,000"
    assert kr_words.goal(PORTAL) == "milestone"


def test_the_target_fits_a_column_beside_a_value() -> None:
    assert kr_words.target(TIER1) == "500 members"
    assert kr_words.target(T1_PRICE) == "≥ $4,800"
    assert kr_words.target(CAP) == "≤ ¥90,000"
    assert kr_words.target(PORTAL) == "done"


def test_a_value_carries_its_unit_and_a_word_unit_can_be_left_for_after_the_target() -> None:
    assert kr_words.value(TIER1, 226) == "226 members"
    assert kr_words.value(TIER1, 226, word_unit=False) == "226"
    assert kr_words.value(T1_PRICE, 4880, word_unit=False) == "$4,880"
    assert kr_words.value(CAP, 1200.5) == "¥1,200.5"
    assert kr_words.value(PORTAL, 60) == "60%"
    assert kr_words.value(TIER1, None) == kr_words.NONE


@pytest.mark.parametrize(
    ("kr", "amount", "said"),
    [
        (TIER1, 24, "+24 members"),
        (T1_PRICE, -30, "−$30"),
        (TIER1, 0, "±0"),
        (PORTAL, 10, "+10 pts"),
    ],
)
def test_a_change_is_signed_in_the_key_results_unit(
    kr: KeyResult, amount: float, said: str
) -> None:
    assert kr_words.change(kr, amount) == said


def test_a_draft_is_worded_like_a_planned_key_result_and_an_untitled_one_says_so() -> None:
    draft = DraftKeyResult(id="d-1", title="", unit="members", baseline=226, target=600)
    assert kr_words.goal(draft) == "226 → 600 members"
    assert kr_words.title(draft) == kr_words.UNTITLED
    assert kr_words.title(draft, untitled="(new)") == "(new)"
    assert kr_words.kind_word("maintain_min") == "maintain min"
