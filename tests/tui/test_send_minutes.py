"""Sending minutes from the app: `m` in history asks, then mails the team in the background."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.screens.history import HistoryScreen
from tests.conftest import TODAY
from tests.services.smtp_server import SECRET, Inbox, mail_settings, server
from tests.services.test_sending import team_with_emails
from tests.tui.history_data import settle
from tests.tui.meeting_helpers import notifications

__all__ = ["server", "team_with_emails"]  # fixtures, used by name

EVERYONE = [f"{m}@example.org" for m in ("ana", "ben", "chen", "dana", "eli")]


@pytest.mark.usefixtures("team_with_emails")
async def test_send_minutes_from_history_mails_the_team_and_records_it(
    demo_folder: Path,
    server: tuple[Inbox, int],
    personal_config: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    settings = {"mail": mail_settings(port).model_dump()}
    (personal_config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("m")  # the newest meeting, week 6, is under the cursor
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert ", ".join(EVERYONE) in app.screen.question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert any("Sent the minutes to ana@example.org" in n for n in notifications(app))
    assert inbox.envelopes[0].rcpt_tos == EVERYONE
    assert Repository.open(demo_folder).session("2026-Q4-demo06").sent[0].to == EVERYONE


async def test_send_minutes_without_any_email_says_what_to_do(demo_folder: Path) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)  # nothing to confirm
        assert any("has an email in the plan" in n for n in notifications(app))
