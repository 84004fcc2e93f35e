"""Action items in every format: each commitment made and reviewed with its owner, what,
key result, due date and status, and how many days overdue one still open is; and the
summary and decisions come before the detail."""

from __future__ import annotations

import json
from datetime import date

import pytest

from okrtui.domain.models import CommitmentReview, Session
from okrtui.minutes import FORMATS, Format, render
from tests.minutes.cases import quarterly_case, weekly_case

PRICE_SHEET = "Refresh the Tier 2 price sheet"


def _overdue_case() -> tuple[Session, list[Session]]:
    """Week 6 where Ben's price sheet, due three days before, is reviewed as still open."""
    session, earlier = weekly_case()
    moved = []
    for s in earlier:
        commitments = [
            c.model_copy(update={"due": date(2026, 11, 2)}) if c.text == PRICE_SHEET else c
            for c in s.commitments
        ]
        moved.append(s.model_copy(update={"commitments": commitments}))
    reviews = [
        CommitmentReview(commitment_id=r.commitment_id, status="open")
        for r in session.commitment_reviews
    ]
    return session.model_copy(update={"commitment_reviews": reviews}), moved


def test_a_commitment_still_open_past_its_due_date_says_how_overdue_in_every_format() -> None:
    session, earlier = _overdue_case()
    markdown = render(session, "md", earlier)
    assert (
        f"| Ben Okafor | {PRICE_SHEET} | target | Keep the average Tier 2 price at or above "
        "$2,900 | 2026-11-02 | still open, overdue by 3 days |"
    ) in markdown
    html = render(session, "html", earlier)
    assert (
        '<td class="date" data-label="Due">2026-11-02</td>'
        '<td class="status overdue" data-label="Status">still open, overdue by 3 days</td>'
    ) in html
    text = render(session, "text", earlier)
    assert f"- Ben Okafor: {PRICE_SHEET}\n" in text
    assert "  Due: 2026-11-02\n  Status: still open, overdue by 3 days\n" in text
    reviewed = json.loads(render(session, "json", earlier))["commitments_reviewed"]
    assert reviewed[0]["overdue_days"] == 3
    assert reviewed[0]["owner"] == "Ben Okafor"


def test_commitments_done_or_due_later_are_not_overdue() -> None:
    session, earlier = weekly_case()
    document = json.loads(render(session, "json", earlier))
    assert [c["overdue_days"] for c in document["commitments_reviewed"]] == [None]
    assert [c["overdue_days"] for c in document["commitments_made"]] == [None, None]
    for fmt in FORMATS:
        assert "overdue by" not in render(session, fmt, earlier)


def test_commitments_made_are_listed_with_owner_key_result_and_due_date() -> None:
    session, earlier = weekly_case()
    assert (
        "| Chen Wei | Run the third webinar with marketing | target "
        "| Upgrade 1,000 existing members from Tier 3 to Tier 2 | 2026-11-12 | open |"
    ) in render(session, "md", earlier)
    made = json.loads(render(session, "json", earlier))["commitments_made"]
    assert [(c["owner"], c["kr"], c["due"]) for c in made] == [
        ("Chen Wei", "Upgrade 1,000 existing members from Tier 3 to Tier 2", "2026-11-12"),
        ("Dana Novak", None, "2026-11-12"),
    ]


HEADINGS: dict[str, tuple[str, ...]] = {
    "md": ("## Summary", "## Action items", "## Key results", "## Celebrations"),
    "html": ("<h2>Summary</h2>", "<h2>Action items</h2>", "<h2>Key results</h2>", "<h2>Celeb"),
    "text": ("SUMMARY\n", "ACTION ITEMS\n", "KEY RESULTS\n", "CELEBRATIONS"),
}


@pytest.mark.parametrize("fmt", sorted(HEADINGS))
def test_the_summary_and_decisions_come_before_the_detail(fmt: Format) -> None:
    session, earlier = weekly_case()
    document = render(session, fmt, earlier)
    at = [document.index(heading) for heading in HEADINGS[fmt]]
    assert at == sorted(at)
    review, weeklies = quarterly_case()
    quarterly = render(review, fmt, weeklies)
    summary, scores, numbers = {
        "md": ("## Summary", "## Scores", "## The quarter in numbers"),
        "html": ("<h2>Summary</h2>", "<h2>Scores</h2>", "<h2>The quarter in numbers</h2>"),
        "text": ("SUMMARY\n", "SCORES\n", "THE QUARTER IN NUMBERS\n"),
    }[fmt]
    assert quarterly.index(summary) < quarterly.index(scores) < quarterly.index(numbers)
