"""A quarterly review held by keys only on the demo team, checked from a fresh repository."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from okrtui.domain.models import Session
from okrtui.minutes import render_markdown
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.review_quarter import ReviewQuarterDialog
from okrtui.tui.screens.meeting import MeetingScreen
from okrtui.tui.widgets.quarterly.quarter_numbers import QuarterNumbersStep
from tests.conftest import TODAY
from tests.tui.meeting_helpers import go_to_step, start_review

SIZE = (100, 36)


def clock() -> datetime:
    return datetime(2026, 11, 12, 10, 0)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*text)


def step_key(app: OkrApp) -> str:
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    return screen.step.key


def text_of(app: OkrApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def quarterly_reviews(folder: Path, quarter: str) -> list[Session]:
    return Repository.open(folder).sessions(quarter, "sales", "quarterly")


async def test_facilitator_holds_the_whole_quarterly_review_by_keys(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot, "2026-Q4")
        assert step_key(app) == "attendance"

        await go_to_step(pilot, "quarter_numbers")
        numbers = app.screen.query_one(QuarterNumbersStep)
        assert "Tier 2 to Tier 1" in text_of(app, "#numbers-heading")
        await pilot.press("n")
        assert numbers.kr_index == 1
        assert "Tier 3 to Tier 2" in text_of(app, "#numbers-heading")

        await go_to_step(pilot, "scores")
        await pilot.press("a")  # Tier 1 upgrades: accept 0.45
        await pilot.press("o")  # Tier 2 upgrades: override with a reason
        await type_text(pilot, "0.4")
        await pilot.press("enter")
        await type_text(pilot, "The lead campaign paused for four weeks")
        await pilot.press("enter")
        await pilot.press("a", "a")  # both price thresholds accepted
        await pilot.pause()

        await go_to_step(pilot, "objective_scores")
        assert "0.63 yellow" in str(
            app.screen.query_one("#objective-results").query(Static)[0].render()
        )

        await go_to_step(pilot, "contributions_rollup")
        await go_to_step(pilot, "trainings_held")
        assert "2 trainings, 22 minutes" in text_of(app, "#trainings-total")

        await go_to_step(pilot, "retrospective")
        await type_text(pilot, "Webinars convert")
        await pilot.press("enter", "tab")
        await type_text(pilot, "Get marketing leads earlier")
        await pilot.press("enter")

        await go_to_step(pilot, "next_quarter")
        await pilot.press("down", "e")  # the Tier 1 key result
        await pilot.press("enter")  # keep its title
        assert app.screen.query_one("#nq-baseline", Input).value == "226"
        await pilot.press("enter")  # keep the new baseline: this quarter's final value
        await pilot.press("ctrl+u")
        await type_text(pilot, "700")
        await pilot.press("enter")
        await pilot.press("down", "d")  # drop the Tier 2 key result
        await pilot.press("s", "s")  # save into the plan, confirmed
        await pilot.pause()
        assert "Saved into the plan for 2027-Q1" in text_of(app, "#nq-status")

        await go_to_step(pilot, "wrap_up")
        await type_text(pilot, "Tier 1 on pace, Tier 2 behind; prices held.")
        await pilot.press("enter", "f")
        await pilot.pause()

    fresh = Repository.open(demo_folder)
    (review,) = fresh.sessions("2026-Q4", "sales", "quarterly")
    assert review.status == "completed"
    scores = {s.kr_id: s for s in review.scores}
    assert scores["kr-tier1"].used == pytest.approx(0.452) and scores["kr-tier1"].rationale == ""
    assert scores["kr-tier2"].computed == pytest.approx(0.248)
    assert scores["kr-tier2"].used == 0.4
    assert scores["kr-tier2"].rationale == "The lead campaign paused for four weeks"
    assert scores["kr-t1-price"].used == pytest.approx(4 / 6)
    assert scores["kr-t2-price"].used == 1.0
    assert scores["kr-tier1"].final_value == 226
    (objective_score,) = review.objective_scores
    assert objective_score.score == pytest.approx((0.452 + 0.4 + 4 / 6 + 1) / 4)
    notes = {(n.kind, n.text) for n in review.notes}
    assert notes == {
        ("went_well", "Webinars convert"),
        ("to_change", "Get marketing leads earlier"),
    }

    (planned,) = fresh.objectives("sales", "2027-Q1")
    assert planned.title == "Upgrade 10% of existing members to a higher-value product"
    assert planned.aligned_to == "Increase overall revenue"
    krs = {kr.title: kr for kr in planned.key_results}
    assert len(krs) == 3
    tier1 = krs["Upgrade 500 existing members from Tier 2 to Tier 1"]
    assert (tier1.baseline, tier1.target) == (226, 700)
    assert "Upgrade 1,000 existing members from Tier 3 to Tier 2" not in krs
    assert krs["Keep the average Tier 1 price at or above $4,800"].target == 4800
    # The quarter under review keeps its own plan untouched.
    assert fresh.objectives("sales", "2026-Q4")[0].key_results[0].target == 500

    minutes = render_markdown(review, fresh.sessions("2026-Q4", "sales", "weekly"))
    assert (
        "| 248 members | 0.25 | 0.40 | yellow | The lead campaign paused for four weeks |"
        in minutes
    )
    assert (
        "| Upgrade 10% of existing members to a higher-value product | 0.63 | yellow |" in minutes
    )
    assert "## Confidence week by week" in minutes
    assert "### Upgrade 500 existing members from Tier 2 to Tier 1" in minutes
    assert "**Handling price objections** (week 2)" in minutes
    assert "Webinars convert" in minutes


async def test_an_ended_quarter_is_reviewed_in_the_new_year(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=date(2027, 1, 6), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReviewQuarterDialog)
        listing = dialog.query_one("#quarter-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert labels[0].startswith("2027-Q1  (current")
        # 2027-Q1 has no objectives yet, so the quarter that just ended is offered first.
        assert listing.get_option_at_index(listing.highlighted or 0).id == "2026-Q4"
        await pilot.press("enter")
        await pilot.pause()
        await go_to_step(pilot, "quarter_numbers")
        await go_to_step(pilot, "scores")
        await pilot.press("a")
        await pilot.pause()
        # Accepting moved on to Tier 2: its path comes from the ended quarter's meetings.
        assert "6 check-ins, final 248 members" in text_of(app, "#score-detail")

    (review,) = quarterly_reviews(demo_folder, "2026-Q4")
    assert review.quarter == "2026-Q4" and review.date == date(2027, 1, 6)
    assert review.kr_snapshots[0].kr.id == "kr-tier1"
    assert review.scores[0].used == pytest.approx(0.452)
    assert quarterly_reviews(demo_folder, "2027-Q1") == []


async def test_an_override_without_a_reason_is_refused_at_the_field(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot, "2026-Q4")
        await go_to_step(pilot, "quarter_numbers")
        await go_to_step(pilot, "scores")
        await pilot.press("o")
        await type_text(pilot, "1.5")
        await pilot.press("enter")
        assert "between 0 and 1" in text_of(app, "#override-score-error")
        await pilot.press("ctrl+u")
        await type_text(pilot, "0.9")
        await pilot.press("enter")
        await pilot.press("enter")  # no reason given
        assert "why" in text_of(app, "#override-rationale-error")
        assert app.screen.query_one("#override-score", Input).value == "0.9"
        await pilot.pause()

    (review,) = quarterly_reviews(demo_folder, "2026-Q4")
    assert review.scores == []


async def test_a_review_before_the_last_week_says_so_far_and_the_weeks_left(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_review(pilot, "2026-Q4")
        await go_to_step(pilot, "quarter_numbers")
        heading = text_of(app, "#numbers-heading")
        assert " so far " in heading and " final " not in heading
        assert "2026-Q4 has 7 weeks left: values are so far, not final." in heading
        await go_to_step(pilot, "scores")
        await pilot.press("a")
        await pilot.pause()
        detail = text_of(app, "#score-detail")
        assert "6 check-ins, so far 248 members" in detail
        assert "2026-Q4 has 7 weeks left" in detail


async def test_a_second_review_of_a_reviewed_quarter_is_started_only_after_a_yes(
    demo_folder: Path,
) -> None:
    from okrtui.tui.dialogs.confirm import ConfirmDialog
    from okrtui.tui.screens.home import HomeScreen

    repository = Repository.open(demo_folder)
    repository.save_session(
        Session(
            id="2026-Q4-review1",
            team_id="sales",
            kind="quarterly",
            quarter="2026-Q4",
            date=date(2026, 11, 5),
            status="completed",
            started_at=datetime(2026, 11, 5, 10),
            ended_at=datetime(2026, 11, 5, 11),
        )
    )
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the current quarter, reviewed on 5 November
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert question.question.startswith("2026-Q4 was reviewed already (2026-11-05).")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(quarterly_reviews(demo_folder, "2026-Q4")) == 1

        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    assert len(quarterly_reviews(demo_folder, "2026-Q4")) == 2
