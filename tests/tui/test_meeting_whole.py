"""A facilitator holds a whole weekly meeting on the demo team by keys only."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import Markdown

from okrtui.store import Repository
from okrtui.tui.screens.minutes import MinutesScreen
from tests.conftest import TODAY
from tests.tui.meeting_helpers import FakeClock, add_milestone_kr, demo_app, go_to_step, meeting


async def test_facilitator_holds_whole_weekly_meeting_by_keys(demo_folder: Path) -> None:
    add_milestone_kr(demo_folder)
    clock = FakeClock()
    app = demo_app(demo_folder, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = meeting(app)
        session_id = screen.context.session.id
        assert screen.context.session.facilitator == "Ana Costa"  # remembered from week 6

        # 1 Attendance: Eli is away; Maya from marketing joins.
        await pilot.press("down", "down", "down", "down", "space")
        await pilot.press("tab", *"Maya", "enter")
        clock.advance(90)
        await go_to_step(pilot, "commitments_review")

        # 2 Last week's commitments: Chen's webinar done, Dana's dashboard dropped.
        await pilot.press("d", "x")
        clock.advance(240)
        await go_to_step(pilot, "checkins")

        # 3 Check-ins: four of the five key results.
        await pilot.press(*"250", "enter", "1", *"Two renewals closed", "enter")
        await pilot.press(*"1.2k", "enter", "2", "enter")
        await pilot.press(*"$4,800", "enter", "1", "enter")
        await pilot.press("enter", "enter")  # Tier 2 price: not known this week
        await pilot.press(*"60%", "enter", "3", *"Vendor late", "enter")
        clock.advance(600)
        await go_to_step(pilot, "contributions")

        # 4 Contributions: two, the first celebrated.
        await pilot.press(*"ben", "enter", "1", "enter", *"Closed 12 upgrades", "enter")
        await pilot.press(*"chen", "enter", "enter", *"Ran the webinar", "enter")
        await pilot.press("shift+tab", "c")  # the list highlights its first entry
        clock.advance(300)
        await go_to_step(pilot, "experiences")

        # 5 Experiences: a lesson (Dana's) and a blocker (the team's).
        await pilot.press("l", "enter", *"dana", "enter", *"Follow up a webinar by phone", "enter")
        await pilot.press("b", "enter", "enter", *"Leads arrive late", "enter")
        clock.advance(300)
        await go_to_step(pilot, "training")

        # 6 Mini-training by Ana, 15 minutes, everyone present attends.
        await pilot.press(*"Objection handling", "enter", *"ana", "enter")
        await pilot.press("ctrl+u", *"15", "enter", "enter", *"Role play", "enter")
        clock.advance(600)
        await go_to_step(pilot, "next_week")

        # 7 Next week: Ben's target on KR 1, Dana's action due in three days.
        # Who, what, the kind (a target unless changed), the key result, the due date.
        await pilot.press(
            *"ben", "enter", *"Call 20 Tier 2 members", "enter", "enter", "1", "enter", "enter"
        )
        await pilot.press(*"dana", "enter", *"Send the dashboard", "enter", "a", "enter")
        await pilot.press("enter", *"+3", "enter")
        clock.advance(200)
        await go_to_step(pilot, "wrap_up")

        # 8 Wrap-up: summary, ratings 8, 9, 10, 7, finish.
        await pilot.press(*"Tier 1 ahead; portal late", "enter", "8", "9", "0", "7")
        clock.advance(120)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen), "the finished meeting shows its minutes"
        minutes = app.screen.query_one(Markdown).source
        assert "Closed 12 upgrades" in minutes
        assert "Tier 1 ahead; portal late" in minutes

    saved = Repository.open(demo_folder).session(session_id)
    assert saved.status == "completed"
    assert saved.kind == "weekly"
    assert saved.quarter == "2026-Q4"
    assert saved.week == 7
    assert saved.date == TODAY
    assert saved.facilitator == "Ana Costa"
    assert saved.started_at == datetime(2026, 11, 12, 10, 0)
    assert saved.ended_at == datetime(2026, 11, 12, 10, 40, 50)
    assert saved.step_seconds == {
        "attendance": 90,
        "commitments_review": 240,
        "checkins": 600,
        "contributions": 300,
        "experiences": 300,
        "training": 600,
        "next_week": 200,
        "wrap_up": 120,
    }
    assert saved.current_step == "wrap_up"
    assert saved.present_ids == ["ana", "ben", "chen", "dana"]
    assert saved.absent_ids == ["eli"]
    assert saved.guests == ["Maya"]
    assert {r.commitment_id: r.status for r in saved.commitment_reviews} == {
        "c-w6-1": "done",
        "c-w6-2": "dropped",
    }
    checkins = {c.kr_id: (c.value, c.confidence, c.note) for c in saved.checkins}
    assert checkins == {
        "kr-tier1": (250, "on_track", "Two renewals closed"),
        "kr-tier2": (1200, "at_risk", ""),
        "kr-t1-price": (4800, "on_track", ""),
        "kr-portal": (60, "off_track", "Vendor late"),
    }
    assert [(c.member_id, c.kr_id, c.text, c.celebrated) for c in saved.contributions] == [
        ("ben", "kr-tier1", "Closed 12 upgrades", True),
        ("chen", None, "Ran the webinar", False),
    ]
    assert [(n.kind, n.member_id, n.text) for n in saved.notes] == [
        ("lesson", "dana", "Follow up a webinar by phone"),
        ("blocker", None, "Leads arrive late"),
    ]
    [training] = saved.trainings
    assert (training.topic, training.presenter_id, training.minutes, training.notes) == (
        "Objection handling",
        "ana",
        15,
        "Role play",
    )
    assert training.attendee_ids == ["ana", "ben", "chen", "dana"]
    assert [(c.kind, c.owner_id, c.text, c.kr_id, c.due, c.status) for c in saved.commitments] == [
        ("target", "ben", "Call 20 Tier 2 members", "kr-tier1", date(2026, 11, 19), "open"),
        ("action", "dana", "Send the dashboard", None, date(2026, 11, 15), "open"),
    ]
    assert saved.ratings == {"ana": 8, "ben": 9, "chen": 10, "dana": 7}
    assert saved.summary == "Tier 1 ahead; portal late"
    assert [s.kr.id for s in saved.kr_snapshots] == [
        "kr-tier1",
        "kr-tier2",
        "kr-t1-price",
        "kr-t2-price",
        "kr-portal",
    ]
