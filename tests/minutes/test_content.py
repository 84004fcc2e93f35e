"""What the minutes say: values and changes, reviewed commitments, grouping by key result."""

from __future__ import annotations

import json

import pytest

from okrtui.minutes import render, render_json, render_markdown
from okrtui.minutes.view import build_view
from tests.minutes.cases import quarterly_case, weekly_case


def test_key_results_show_previous_value_change_and_progress() -> None:
    session, earlier = weekly_case()
    view = build_view(session, earlier)
    tier1 = view.key_results[0]
    assert (tier1.previous, tier1.value, tier1.delta) == (181, 226, 45)
    assert tier1.progress == pytest.approx(226 / 500)
    assert "| 181 members | 226 members | 500 members | 45% | +45 members | on track |" in (
        render_markdown(session, earlier)
    )


def test_reviewed_commitments_show_their_text_from_the_meeting_that_made_them() -> None:
    session, earlier = weekly_case()
    markdown = render_markdown(session, earlier)
    assert (
        "| Ben Okafor | Refresh the Tier 2 price sheet | target "
        "| Keep the average Tier 2 price at or above $2,900 | 2026-11-05 | done |"
    ) in markdown


def test_a_review_whose_commitment_is_gone_still_shows_its_status() -> None:
    session, earlier = weekly_case()
    without_week5 = [s for s in earlier if s.week != 5]
    assert "| — | commitment c-w5-1 (its meeting is gone) | — | — | — | done |" in (
        render_markdown(session, without_week5)
    )


def test_absent_members_and_guests_are_named() -> None:
    _, sessions = weekly_case()
    week5 = sessions[4]
    markdown = render_markdown(week5, sessions)
    assert "- **Absent:** Ben Okafor" in markdown
    assert "- **Guests:** Maya (marketing)" in markdown


def test_contributions_are_grouped_by_key_result_in_plan_order_with_general_last() -> None:
    session, earlier = quarterly_case()
    view = build_view(session, earlier)
    keys = [group.key for group in view.contributions]
    assert keys == ["kr-tier1", "kr-tier2", "kr-t1-price", "kr-t2-price", "general"]


def test_quarterly_minutes_show_scores_bands_overrides_and_the_confidence_path() -> None:
    session, earlier = quarterly_case()
    markdown = render_markdown(session, earlier)
    assert (
        "| Upgrade 1,000 existing members from Tier 3 to Tier 2 | 538 members | 0.54 | 0.60 | "
        "yellow | Marketing's lead pause cost three weeks; the room agreed 0.6. |"
    ) in markdown
    assert "| Upgrade 1,000 existing members from Tier 3 to Tier 2 | ✓ | ! | ! | ✗ | ! | ! |" in (
        markdown
    )
    assert (
        "| Upgrade 10% of existing members to a higher-value product | 0.81 | green |" in markdown
    )
    assert "A dropped idea" not in markdown
    assert "### To change\n\n- Ana Costa: Ask for leads before the quarter starts" in markdown


def test_json_carries_computed_progress_and_scores_for_other_tools() -> None:
    session, earlier = quarterly_case()
    document = json.loads(render_json(session, earlier))
    krs = document["objectives"][0]["key_results"]
    assert krs[1]["score"] == {
        "band": "yellow",
        "computed": 0.538,
        "final_value": 538.0,
        "overridden": True,
        "rationale": "Marketing's lead pause cost three weeks; the room agreed 0.6.",
        "used": 0.6,
    }
    assert krs[0]["progress"] == pytest.approx(412 / 500)
    assert document["session"]["id"] == session.id


def test_minutes_of_an_unfinished_meeting_say_so() -> None:
    session, earlier = weekly_case()
    unfinished = session.model_copy(update={"status": "in_progress", "ended_at": None})
    assert "in progress: these are the minutes so far" in render(unfinished, "md", earlier)


def test_an_unknown_format_is_refused() -> None:
    session, earlier = weekly_case()
    with pytest.raises(ValueError, match="choose md, html, json, text"):
        render(session, "pdf", earlier)  # type: ignore[arg-type]
