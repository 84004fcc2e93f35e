"""Hostile text walked through every step of a weekly meeting and of a quarterly review.

Markup in the plan (imported through a plan file) is shown literally in every step; control
characters that stored records hold are shown visibly and never reach the terminal raw.
"""

from __future__ import annotations

from pathlib import Path

from okrtui.domain.plan import dump_plan
from okrtui.store import Repository
from okrtui.store.plan_import import import_plan_file
from okrtui.tui.app import OkrApp
from tests.conftest import TODAY
from tests.hostile_text import MARKUP
from tests.tui.hostile_screens import Walk, hostile_meetings, hostile_plan, walk_stored_hostile
from tests.tui.meeting_helpers import FakeClock

SIZE = (120, 40)


async def test_markup_from_a_plan_file_in_every_meeting_step(tmp_path: Path) -> None:
    texts = ["Web [red]team", *(t for t in MARKUP if t != "Web [red]team")]
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(dump_plan(hostile_plan(texts)), encoding="utf-8")
    repository = Repository.open(tmp_path / "data")
    import_plan_file(repository, plan_file)
    hostile_meetings(repository, texts)
    app = OkrApp(Repository.open(tmp_path / "data"), today=TODAY, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        walk = Walk(pilot, app)
        await walk.meetings()
    assert walk.step_keys.count("checkins") == 1 and "scores" in walk.step_keys
    assert any(k.startswith("discussion-") for k in walk.step_keys)  # the team's own step
    assert "Fix [/] parser bugs" in walk.everything
    assert "[@click=app.quit]q[/]" in walk.everything
    Repository.open(tmp_path / "data").sessions("2026-Q4")


async def test_stored_control_characters_in_every_meeting_step(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    walk = await walk_stored_hostile(folder, SIZE, Walk.meetings)
    assert "checkins" in walk.step_keys and "scores" in walk.step_keys
    assert any(k.startswith("discussion-") for k in walk.step_keys)
    assert "Fix [/] parser bugs" in walk.everything
    Repository.open(folder).sessions("2026-Q4")
