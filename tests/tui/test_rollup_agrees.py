"""The review screen and its minutes roll the quarter up alike: one answer, in both places."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Static

from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Contribution, Training
from okrtui.domain.quarter_rollup import GENERAL
from okrtui.minutes import render_html, render_json, render_markdown
from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY
from tests.tui.meeting_helpers import go_to_step
from tests.tui.test_quarterly_steps import SIZE, clock, open_step

GUEST_TOPIC = "Pricing stories from the field"
LOST_KR_TEXT = "Cleaned up the old referral list"


def _week_with_a_guest_and_a_lost_key_result(folder: Path) -> None:
    """Week 6 gets a training by a guest and a contribution to a key result no plan knows."""
    repository = Repository.open(folder)
    week6 = repository.sessions("2026-Q4", "sales", "weekly")[-1]
    training = Training(
        id="t-guest", topic=GUEST_TOPIC, presenter_name="Maya", minutes=8, attendee_ids=["ana"]
    )
    lost = Contribution(id="ct-lost", member_id="eli", kr_id="kr-long-gone", text=LOST_KR_TEXT)
    repository.save_session(
        week6.model_copy(
            update={
                "trainings": [*week6.trainings, training],
                "contributions": [*week6.contributions, lost],
            }
        )
    )


def _general_group_lines(app: OkrApp) -> list[str]:
    lines = [str(s.render()) for s in app.screen.query_one("#rollup").query(Static)]
    start = lines.index(GENERAL)
    return lines[start:]


async def test_the_review_and_its_minutes_mark_the_guest_and_fold_an_unknown_kr_into_general(
    demo_folder: Path,
) -> None:
    _week_with_a_guest_and_a_lost_key_result(demo_folder)
    app = OkrApp(Repository.open(demo_folder), today=TODAY, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, app, "contributions_rollup")
        general = _general_group_lines(app)
        assert any(LOST_KR_TEXT in line for line in general)
        assert not any("kr-long-gone" in line for line in general)

        await go_to_step(pilot, "trainings_held")
        table = app.screen.query_one("#trainings-table", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        (guest_row,) = [r for r in rows if r[1] == GUEST_TOPIC]
        screen_presenter = guest_row[2]
        assert screen_presenter == "Maya (guest)"

    repository = Repository.open(demo_folder)
    (review,) = repository.sessions("2026-Q4", "sales", "quarterly")
    earlier = earlier_sessions(repository, review)

    markdown = render_markdown(review, earlier)
    in_general = markdown.split(f"### {GENERAL}\n")[1].split("\n## ")[0]
    assert LOST_KR_TEXT in in_general
    assert "kr-long-gone" not in markdown
    assert f"Given by {screen_presenter}, 8 min" in markdown

    html = render_html(review, earlier)
    assert f"<h3>{GENERAL}</h3>" in html and f"Given by {screen_presenter}, 8 min" in html

    document = json.loads(render_json(review, earlier))
    groups = {g["kr_id"]: g for g in document["contributions_by_kr"]}
    assert "kr-long-gone" not in groups
    assert groups[None]["title"] == GENERAL
    assert LOST_KR_TEXT in [c["text"] for c in groups[None]["contributions"]]
    presenters = {t["topic"]: t["presenter"] for t in document["trainings_held"]["trainings"]}
    assert presenters[GUEST_TOPIC] == screen_presenter
