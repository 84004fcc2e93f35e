"""The whole team from browsers: a member sends a contribution from My update, the
facilitator accepts it with one key, and another member follows the meeting live."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from okrtui.domain.agenda import agenda
from okrtui.store import Repository
from tests.browser.served import POLL_MS, TIMEOUT, USER_HEADER, Tab, _until, open_tab, serving
from tests.browser.test_served import HOME, TEAM, title

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_slot")]

STEPS = agenda("weekly")
FOLLOWER_SEES_WITHIN_SECONDS = 2.0
SENT = "Ran the Porto upgrade webinar"


def number(key: str) -> int:
    """The step's place in the agenda: the digit the go-to-step dialog takes."""
    return next(n for n, step in enumerate(STEPS, 1) if step.key == key)


def wait_gone(tab: Tab, text: str) -> str:
    """The screen once it no longer shows `text`."""
    deadline = time.monotonic() + TIMEOUT
    while text in tab.text:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {text!r} to go; the screen:\n{tab.text}")
        tab.page.wait_for_timeout(POLL_MS)
    return tab.text


def accepted(folder: Path) -> bool:
    """Whether the meeting in progress holds the member's contribution, marked as theirs."""
    live = Repository.open(folder).in_progress(TEAM.id, "weekly")
    return live is not None and any(
        (c.text, c.from_member) == (SENT, "ben") for c in live.contributions
    )


def test_a_members_contribution_is_accepted_and_a_follower_sees_the_step_change(
    browser: Browser, demo_folder: Path
) -> None:
    assert number("contributions") <= 9, "the go-to-step dialog takes one digit"
    with serving(demo_folder, "--user-header", USER_HEADER) as server:
        ana = open_tab(browser, server, person="Ana Costa")
        ana.wait_for(HOME)
        ana.press("w")
        ana.wait_for(title("attendance"))

        # Chen follows Ana's meeting from his own browser.
        chen = open_tab(browser, server, person="Chen Wei")
        chen.wait_for(HOME)
        chen.press("w")
        chen.wait_for("open elsewhere: Ana Costa on")
        chen.press("v")
        chen.wait_for(f"Now: step 1 of {len(STEPS)}: {title('attendance')}")

        # Ben sends a contribution from My update, by keys alone.
        ben = open_tab(browser, server, person="Ben Okafor")
        ben.wait_for(HOME)
        ben.press("u")
        ben.wait_for("My update for", "Check-in of a key result")
        ben.press("Enter")  # What: opens its list
        ben.wait_for("Target for next week")
        ben.press("ArrowDown", "Enter")  # the contribution, under the check-in
        ben.wait_for("What they did")
        ben.press("Tab", "Tab", "Tab")  # past its key result and whose it is, to its text
        ben.wait_for_cursor_at("What they did")
        ben.type(SENT)
        ben.wait_for(SENT)
        ben.press("Enter")
        ben.wait_for("Sent to the team's inbox")
        assert len(Repository.open(demo_folder).pending_updates(TEAM.id)) == 1

        # Ana goes to the contributions step; Chen's view follows within two seconds.
        ana.press("Control+g")
        ana.wait_for("Go to step")
        ana.press(str(number("contributions")))
        ana.wait_for(title("contributions"), "From a member", SENT)
        shown = time.monotonic()
        chen.wait_for(
            f"Now: step {number('contributions')} of {len(STEPS)}: {title('contributions')}",
            timeout=FOLLOWER_SEES_WITHIN_SECONDS,
        )
        assert time.monotonic() - shown < FOLLOWER_SEES_WITHIN_SECONDS

        # One key takes Ben's contribution into the meeting, and out of the inbox.
        ana.press("Control+y")
        _until(lambda: accepted(demo_folder), "the contribution to be saved in the meeting")
        _until(
            lambda: not Repository.open(demo_folder).pending_updates(TEAM.id),
            "the accepted update to leave the inbox",
        )
        assert SENT in wait_gone(ana, "From a member")  # listed in the step, waiting no more
        assert not (ana.foreign or ben.foreign or chen.foreign), "the page asked another host"
