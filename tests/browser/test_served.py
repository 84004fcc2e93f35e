"""A team's meeting from browsers: `okrtui serve` driven by chromium, read through pyte."""

from __future__ import annotations

import base64
import http.client
import os

import pytest
from playwright.sync_api import Browser

from okrtui.domain.agenda import agenda
from okrtui.domain.sample import sample_plan
from okrtui.store import Repository
from tests.browser.served import (
    TIMEOUT,
    USER_HEADER,
    Server,
    _until,
    in_progress_holders,
    open_tab,
    process_ended,
    serving,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_slot")]

TEAM = sample_plan().teams[0]
HOME = next(o.title for o in sample_plan().objectives if o.team_id == TEAM.id)  # home shows it


def title(key: str) -> str:
    """How the meeting screen names the step with this key."""
    return next(step.title for step in agenda("weekly") if step.key == key)


def handshake(server: Server, origin: str | None, person: str | None = None) -> int:
    """The HTTP status a websocket to the server gets (101 when it is accepted)."""
    headers = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    if origin:
        headers["Origin"] = origin
    if person:
        headers[USER_HEADER] = person
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        connection.request("GET", "/ws", headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()  # an accepted one is closed at once: its app quits


def page(server: Server, person: str | None) -> http.client.HTTPResponse:
    """The server's page as a request with (or without) the proxy's header gets it."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    connection.request("GET", "/", headers={USER_HEADER: person} if person else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def all_apps_ended(server: Server) -> None:
    _until(lambda: not server.apps(), "every browser's app to end")


def test_a_meeting_run_from_a_browser_names_its_holder_and_resumes_after_the_tab_closes(
    browser: Browser, demo_folder
) -> None:
    with serving(demo_folder, "--user-header", USER_HEADER) as server:
        ana = open_tab(browser, server, person="Ana Costa")
        ana.wait_for(HOME)
        ana.press("w")
        screen = ana.wait_for(title("attendance"))
        assert "Ana Costa" in screen, "the signed-in person is offered as the facilitator"
        ana.press("PageDown")
        ana.wait_for(title("commitments_review"))

        # Another member opens the same meeting: it is Ana's, and says so by name.
        ben = open_tab(browser, server, person="Ben Okafor")
        ben.wait_for(HOME)
        ben.press("w")
        ben.wait_for("in progress")
        ben.press("r")
        ben.wait_for("open elsewhere: Ana Costa on")
        ben.page.context.close()

        ana.page.context.close()  # the facilitator's tab closes mid-meeting
        all_apps_ended(server)
        assert in_progress_holders(demo_folder) == [], "the closed tab let the meeting go"
        kept = Repository.open(demo_folder).in_progress(TEAM.id, "weekly")
        assert kept is not None and kept.current_step == "commitments_review"
        assert kept.facilitator == "Ana Costa"

        again = open_tab(browser, server, person="Ana Costa")
        again.wait_for(HOME)
        again.press("w")
        again.wait_for("in progress")
        again.press("r")
        again.wait_for(title("commitments_review"))
        assert not (ana.foreign or ben.foreign or again.foreign), "the page asked another host"


def test_a_websocket_from_another_page_or_past_the_proxy_is_refused(demo_folder) -> None:
    with serving(demo_folder, "--user-header", USER_HEADER) as server:
        assert handshake(server, "http://evil.example", person="Ana Costa") == 403
        assert handshake(server, None, person="Ana Costa") == 403
        assert handshake(server, server.url) == 403, "no signed-in user: not through the proxy"
        assert handshake(server, server.url, person="A" * 1000) == 403, "not a member's name"
        assert handshake(server, server.url, person="Ana Costa") == 101
        assert page(server, None).status == 403, "the page too, only through the proxy"
        shown = page(server, "Ana Costa")
        assert shown.status == 200
        assert shown.getheader("Content-Security-Policy") == "frame-ancestors 'none'"


def test_a_connection_over_the_cap_is_refused_until_a_tab_closes(
    browser: Browser, demo_folder
) -> None:
    with serving(demo_folder, "--max-sessions", "1") as server:
        first = open_tab(browser, server)
        first.wait_for("Who are you?")
        assert handshake(server, server.url) == 503
        first.page.context.close()
        all_apps_ended(server)
        assert handshake(server, server.url) == 101


def test_a_served_app_lets_its_meeting_go_when_the_server_is_killed(
    browser: Browser, demo_folder
) -> None:
    with serving(demo_folder) as server:
        tab = open_tab(browser, server)
        tab.wait_for("Who are you?", "Chen Wei")
        tab.press("ArrowDown", "ArrowDown", "Enter")  # the third member, Chen Wei
        tab.wait_for(HOME)
        tab.press("w")
        tab.wait_for(title("attendance"), "Chen Wei")
        tab.press("PageDown")
        tab.wait_for(title("commitments_review"))
        (app,) = server.apps()

        server.kill()
        _until(lambda: process_ended(app), "the orphaned app to exit")
        assert in_progress_holders(demo_folder) == [], "the orphan let its meeting go"
        kept = Repository.open(demo_folder).in_progress(TEAM.id, "weekly")
        assert kept is not None and kept.current_step == "commitments_review"
        assert kept.facilitator == "Chen Wei"
