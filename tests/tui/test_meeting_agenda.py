"""A meeting on the team's own agenda, discussion step included, and its minutes kept as held."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Markdown, Static

from okrtui.domain.agenda import session_steps
from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Agenda, AgendaStep, Team
from okrtui.minutes import render
from okrtui.store import Repository
from okrtui.tui.screens.minutes import MinutesScreen
from tests.tui.meeting_helpers import FakeClock, go_to_step, holding_meeting

HEADLINES = AgendaStep(
    key="discussion-headlines",
    discussion=True,
    title="Headlines",
    minutes=4,
    prompt="Good news and bad news from the week, one line each",
)
OWN_WEEKLY = Agenda(
    steps=[
        AgendaStep(key="attendance"),
        HEADLINES,
        AgendaStep(key="contributions", title="Kudos", minutes=6),
        AgendaStep(key="wrap_up"),
    ]
)


def give_agenda(folder: Path, weekly: Agenda | None) -> None:
    """Set the sales team's weekly agenda, as the plan editor saves it."""

    def change(team: Team) -> Team:
        return team.model_copy(update={"weekly_agenda": weekly})

    Repository.open(folder).update_team("sales", change)


async def test_a_meeting_on_the_team_agenda_keeps_its_discussion_and_its_minutes(
    demo_folder: Path,
) -> None:
    give_agenda(demo_folder, OWN_WEEKLY)
    clock = FakeClock()
    async with holding_meeting(demo_folder, clock=clock) as held:
        pilot, screen = held.pilot, held.screen
        session_id = held.session.id
        assert [s.key for s in screen.steps] == [
            "attendance",
            "discussion-headlines",
            "contributions",
            "wrap_up",
        ]
        # Attendance: Maya from marketing joins as a guest.
        await pilot.press("tab", *"Maya", "enter")
        clock.advance(60)

        screen = await go_to_step(pilot, "discussion-headlines")
        step = screen.query_one("#step-discussion-headlines")
        prompt = str(step.query_one(".discussion-prompt", Static).render())
        assert "Good news and bad news" in prompt
        assert "Headlines (4 min)" in str(screen.query_one("#step-title", Static).render())
        # A note of Ben's, one of the guest's, one of the whole team's.
        await pilot.press(*"Two resorts signed", "enter", *"ben", "enter")
        await pilot.press(*"Leads from the fair", "enter", *"maya", "enter")
        await pilot.press(*"Pricing page is late", "enter", "enter")
        # A typo in who: said at the field, nothing kept until it is fixed.
        await pilot.press(*"Call the travel agents", "enter", *"zed", "enter")
        await pilot.pause()
        error = str(step.query_one("#discussion-who-error", Static).render())
        assert "no member or guest called 'zed'" in error
        await pilot.press("ctrl+u", *"chen", "enter")
        await pilot.pause()
        kept = held.saved().discussion_notes
        assert [(n.step_key, n.text, n.member_id, n.guest) for n in kept] == [
            ("discussion-headlines", "Two resorts signed", "ben", ""),
            ("discussion-headlines", "Leads from the fair", None, "Maya"),
            ("discussion-headlines", "Pricing page is late", None, ""),
            ("discussion-headlines", "Call the travel agents", "chen", ""),
        ]
        clock.advance(300)

        await go_to_step(pilot, "contributions")
        await pilot.press(*"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
        clock.advance(200)
        await go_to_step(pilot, "wrap_up")
        await pilot.press(*"A good week", "enter", "8")
        clock.advance(100)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(held.app.screen, MinutesScreen)
        shown = held.app.screen.query_one(Markdown).source
        assert "## Headlines" in shown and "Ben Okafor: Two resorts signed" in shown

    repository = Repository.open(demo_folder)
    saved = repository.session(session_id)
    assert saved.status == "completed"
    assert saved.step_seconds == {
        "attendance": 60,
        "discussion-headlines": 300,
        "contributions": 200,
        "wrap_up": 100,
    }
    earlier = earlier_sessions(repository, saved)
    minutes = render(saved, "md", earlier)
    # The summary first, then the agenda's sections in its order: the discussion before
    # contributions; no check-ins, experiences, training or action items (their steps were
    # not on it).
    headings = [line for line in minutes.splitlines() if line.startswith("## ")]
    assert headings == ["## Summary", "## Headlines", "## Celebrations and contributions"]
    assert "*Good news and bad news from the week, one line each*" in minutes
    assert "- Maya (guest): Leads from the fair" in minutes
    assert "- Pricing page is late" in minutes
    document = json.loads(render(saved, "json", earlier))
    assert [(s["key"], s["minutes"], s["seconds_spent"]) for s in document["agenda"]] == [
        ("attendance", 2, 60),
        ("discussion-headlines", 4, 300),
        ("contributions", 6, 200),
        ("wrap_up", 3, 100),
    ]
    assert document["discussions"][0]["notes"][1] == {
        "owner": "Maya (guest)",
        "text": "Leads from the fair",
    }
    html = render(saved, "html", earlier)
    assert "<h2>Headlines</h2>" in html

    # The team changes its agenda (and later drops it): the meeting held reads as it was.
    steps = session_steps(saved)
    give_agenda(
        demo_folder,
        Agenda(steps=[AgendaStep(key="checkins", minutes=30), AgendaStep(key="wrap_up")]),
    )
    again = Repository.open(demo_folder)
    assert session_steps(again.session(session_id)) == steps
    assert render(again.session(session_id), "md", earlier) == minutes
    assert render(again.session(session_id), "html", earlier) == html
    give_agenda(demo_folder, None)
    assert render(Repository.open(demo_folder).session(session_id), "md", earlier) == minutes
