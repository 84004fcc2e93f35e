"""What only quarterly minutes say: the quarter's path and score per key result, call-outs,
who moved each key result, the trainings total, and whether the draft was saved."""

from __future__ import annotations

import json
import re

from okrtui.domain.models import ObjectiveScore, Score, Session
from okrtui.domain.quarter_rollup import GENERAL
from okrtui.domain.quarterly import (
    NEEDS_A_LOOK,
    TOO_EASY,
    computed_score,
    quarter_paths,
    reviewed_objectives,
    set_score,
)
from okrtui.domain.sample import OBJECTIVE
from okrtui.minutes import render_html, render_json, render_markdown
from tests.minutes.cases import quarterly_case, weekly_case

TIER1 = "Upgrade 500 existing members from Tier 2 to Tier 1"
TIER2 = "Upgrade 1,000 existing members from Tier 3 to Tier 2"


def _scored_as_the_review_does(session: Session, weeklies: list[Session]) -> Session:
    """The review with every key result's computed score accepted, as the review screen saves."""
    objectives = reviewed_objectives(session)
    review = session.model_copy(update={"scores": [], "objective_scores": []})
    for path in quarter_paths(session.quarter, objectives, weeklies):
        review = set_score(review, computed_score(path), objectives)
    return review


def _with_scores(session: Session, used: float) -> Session:
    """The review with every key result scored `used`, and its objective scored the same."""
    scores = [
        Score(kr_id=s.kr_id, final_value=s.final_value, computed=used, used=used)
        for s in session.scores
    ]
    objective = ObjectiveScore(objective_id=OBJECTIVE.id, score=used)
    return session.model_copy(update={"scores": scores, "objective_scores": [objective]})


# -- 5. The quarter in numbers -----------------------------------------------------------


def test_each_key_result_shows_its_baseline_final_value_change_from_baseline_and_score() -> None:
    session, earlier = quarterly_case()
    markdown = render_markdown(session, earlier)
    assert (
        "| Key result | Baseline | Final | Target | Change from baseline | Score | Band |"
        in markdown
    )
    # The quarter's movement is from the baseline (0), not from the first check-in (38).
    assert (
        f"| {TIER1} | 0 members | 412 members | 500 members | +412 members | 0.82 | green |"
        in markdown
    )
    # A maintain key result without a baseline has no change from it to show.
    assert "| — | $4,890 | ≥ $4,800 | — | 0.80 | green |" in markdown
    html = render_html(session, earlier)
    assert (
        '<td class="num" data-label="Baseline">0 members</td>'
        '<td class="num" data-label="Final">538 members</td>'
        '<td class="num" data-label="Target">1,000 members</td>'
        '<td class="num" data-label="Change from baseline">+538 members</td>'
        '<td class="num" data-label="Score">0.60</td>'
        '<td class="state" data-label="Band"><span class="band band-yellow">yellow</span></td>'
    ) in html
    kr = json.loads(render_json(session, earlier))["objectives"][0]["key_results"][0]
    assert kr["quarter"] == {
        "baseline": 0.0,
        "first_value": 38.0,
        "final_value": 412.0,
        "change_from_baseline": 412.0,
    }


def test_a_review_scored_from_the_last_check_in_shows_the_quarters_change_not_zero() -> None:
    # The review screen scores from the weekly check-ins, so the final value is the last
    # one: a "previous" column would repeat it and show a change of ±0.
    session, earlier = quarterly_case()
    review = _scored_as_the_review_does(session, earlier)
    markdown = render_markdown(review, earlier)
    assert (
        f"| {TIER1} | 0 members | 226 members | 500 members | +226 members | 0.45 | yellow |"
        in markdown
    )
    assert f"| {TIER2} | 0 members | 248 members | 1,000 members | +248 members |" in markdown
    numbers = markdown.split("## The quarter in numbers")[1].split("## Confidence")[0]
    assert "±0" not in numbers
    assert "Previous" not in numbers


def test_an_unscored_review_shows_the_last_check_in_as_its_final_value() -> None:
    session, earlier = quarterly_case()
    unscored = session.model_copy(
        update={"scores": [], "objective_scores": [], "status": "in_progress"}
    )
    markdown = render_markdown(unscored, earlier)
    assert f"| {TIER1} | 0 members | 226 members | 500 members | +226 members | — |  |" in (
        markdown
    )


def test_weekly_minutes_keep_the_previous_value_and_the_change_since() -> None:
    session, earlier = weekly_case()
    markdown = render_markdown(session, earlier)
    assert "| Key result | Previous | Value | Target | Progress | Change | Confidence |" in markdown
    assert "First" not in markdown
    assert (
        "quarter"
        not in json.loads(render_json(session, earlier))["objectives"][0]["key_results"][0]
    )


# -- 1. Objective call-outs ----------------------------------------------------------------


def test_a_steady_one_across_key_results_is_called_out_as_too_easy_in_every_format() -> None:
    session, earlier = quarterly_case()
    perfect = _with_scores(session, 1.0)
    markdown = render_markdown(perfect, earlier)
    assert "| Objective | Score | Band | Call-out |" in markdown
    assert f"| 1.00 | green | {TOO_EASY} |" in markdown
    assert "targets may have been too easy" in TOO_EASY
    assert f'<td class="callout" data-label="Call-out">{TOO_EASY}</td>' in render_html(
        perfect, earlier
    )
    objective = json.loads(render_json(perfect, earlier))["objectives"][0]
    assert objective["callout"] == TOO_EASY


def test_an_objective_below_point_four_is_called_out_as_needing_a_look() -> None:
    session, earlier = quarterly_case()
    low = _with_scores(session, 0.3)
    markdown = render_markdown(low, earlier)
    assert f"| 0.30 | red | {NEEDS_A_LOOK} |" in markdown
    assert "needs a look at why" in NEEDS_A_LOOK
    assert f'<td class="callout" data-label="Call-out">{NEEDS_A_LOOK}</td>' in render_html(
        low, earlier
    )
    assert json.loads(render_json(low, earlier))["objectives"][0]["callout"] == NEEDS_A_LOOK


def test_a_good_quarter_has_no_call_out() -> None:
    session, earlier = quarterly_case()
    markdown = render_markdown(session, earlier)
    assert TOO_EASY not in markdown and NEEDS_A_LOOK not in markdown
    assert json.loads(render_json(session, earlier))["objectives"][0]["callout"] is None


# -- 3. Who moved each key result --------------------------------------------------------


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(f"### {heading}\n")
    return markdown[start:].split("\n### ")[0]


def test_members_who_moved_a_key_result_are_listed_alphabetically_once_each() -> None:
    session, earlier = quarterly_case()
    markdown = render_markdown(session, earlier)
    tier2 = _section(markdown.split("## Celebrations and contributions")[1], TIER2)
    # Chen Wei told two contributions (weeks 2 and 5) and spoke first; Ana Costa spoke in
    # week 3. Names are in alphabetical order, each once, with no count beside them.
    assert "**Moved by:** Ana Costa, Chen Wei, Eli Haddad\n" in tier2
    assert "🎉 **Celebrated:** (week 2) Chen Wei: Ran the first Tier 3 upgrade webinar" in tier2
    assert "- (week 3) Ana Costa: Agreed a joint lead campaign with marketing" in tier2
    assert not re.search(r"Moved by:.*\d", markdown)
    general = _section(markdown.split("## Celebrations and contributions")[1], GENERAL)
    assert "**Contributed by:** Dana Novak\n" in general


def test_html_and_json_name_the_same_people_under_each_key_result() -> None:
    session, earlier = quarterly_case()
    html = render_html(session, earlier)
    assert (
        f"<h3>{TIER2}</h3>\n"
        '<p class="moved-by"><strong>Moved by:</strong> Ana Costa, Chen Wei, Eli Haddad</p>'
    ) in html
    groups = json.loads(render_json(session, earlier))["contributions_by_kr"]
    by_kr = {g["kr_id"]: g for g in groups}
    assert by_kr["kr-tier2"]["moved_by"] == ["Ana Costa", "Chen Wei", "Eli Haddad"]
    assert by_kr["kr-tier2"]["title"] == TIER2
    assert [c["celebrated"] for c in by_kr["kr-tier2"]["contributions"]] == [
        True,
        False,
        False,
        True,
    ]
    assert by_kr[None]["moved_by"] == ["Dana Novak"]


def test_weekly_minutes_do_not_list_who_moved_a_key_result() -> None:
    session, earlier = weekly_case()
    assert "Moved by" not in render_markdown(session, earlier)
    assert "contributions_by_kr" not in json.loads(render_json(session, earlier))


# -- 2. Trainings total --------------------------------------------------------------------


def test_trainings_held_end_with_their_count_and_minutes_in_every_format() -> None:
    session, earlier = quarterly_case()
    # 12 min in week 2, 10 in week 5, and 15 at the review itself.
    markdown = render_markdown(session, earlier)
    trainings = markdown.split("## Trainings held")[1].split("## Retrospective")[0]
    assert trainings.rstrip().endswith("**Total:** 3 trainings, 37 minutes")
    assert "<strong>Total:</strong> 3 trainings, 37 minutes</p>" in render_html(session, earlier)
    held = json.loads(render_json(session, earlier))["trainings_held"]
    assert (held["count"], held["total_minutes"]) == (3, 37)
    assert [t["minutes"] for t in held["trainings"]] == [12, 10, 15]


def test_a_single_training_is_counted_in_the_singular() -> None:
    session, earlier = quarterly_case()
    alone = [s.model_copy(update={"trainings": []}) for s in earlier]
    assert "**Total:** 1 training, 15 minutes" in render_markdown(session, alone)


# -- 4. Whether the draft was saved ----------------------------------------------------------


def test_minutes_say_whether_the_draft_was_saved_into_next_quarters_plan() -> None:
    session, earlier = quarterly_case()
    saved = session.model_copy(update={"next_quarter_saved": True})
    next_quarter = "## Next quarter\n\n"
    assert f"{next_quarter}Saved into the plan for 2027-Q1.\n" in render_markdown(saved, earlier)
    assert (
        f"{next_quarter}Not saved into the plan for 2027-Q1: this is a draft only.\n"
        in render_markdown(session, earlier)
    )
    assert '<p class="saved">Saved into the plan for 2027-Q1.</p>' in render_html(saved, earlier)
    assert '<p class="draft">Not saved into the plan' in render_html(session, earlier)
    assert json.loads(render_json(saved, earlier))["next_quarter"] == {
        "quarter": "2027-Q1",
        "saved_into_plan": True,
    }
    assert json.loads(render_json(session, earlier))["next_quarter"]["saved_into_plan"] is False
