"""Sending minutes from the app: `m` asks who gets them (every member with an email, those
present, or addresses typed), then mails them in the background, or writes an .eml file."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, RadioSet, Static

from okrtui.store import Repository
from okrtui.tui.app import OkrApp
from okrtui.tui.dialogs.send import SendDialog
from okrtui.tui.screens.history import HistoryScreen
from okrtui.tui.screens.minutes import MinutesScreen
from tests.conftest import TODAY
from tests.hostile_text import CORPUS, raw_control_bytes
from tests.services.smtp_server import SECRET, Inbox, mail_settings, server
from tests.services.test_sending import team_with_emails
from tests.tui.history_data import settle
from tests.tui.meeting_helpers import notifications

__all__ = ["server", "team_with_emails"]  # fixtures, used by name

EVERYONE = [f"{m}@example.org" for m in ("ana", "ben", "chen", "dana", "eli")]
WEEK3 = "2026-Q4-demo03"  # Eli was away


@pytest.fixture
def mail_server(
    server: tuple[Inbox, int], personal_config: Path, monkeypatch: pytest.MonkeyPatch
) -> Inbox:
    """The test SMTP server, in this person's settings, with the password in the variable."""
    inbox, port = server
    monkeypatch.setenv("OKRTUI_SMTP_PASSWORD", SECRET)
    settings = {"mail": mail_settings(port).model_dump()}
    (personal_config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return inbox


async def send_from_minutes(app: OkrApp, pilot: Pilot[None], session_id: str) -> SendDialog:
    """Open a meeting's minutes and press `m`: the dialog that asks who gets them."""
    await app.push_screen(MinutesScreen(session_id))
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, SendDialog)
    return dialog


async def _sent(app: OkrApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await settle(pilot)


@pytest.mark.usefixtures("team_with_emails")
async def test_send_minutes_from_history_mails_the_team_and_records_it(
    demo_folder: Path, mail_server: Inbox
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("m")  # the newest meeting, week 6, is under the cursor
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SendDialog)
        # Everyone is the default, and focused: one key sends.
        assert isinstance(app.focused, RadioSet)
        assert dialog.query_one("#to-all", RadioButton).value
        assert ", ".join(EVERYONE) in str(dialog.query_one("#send-who", Static).render())
        await pilot.press("ctrl+s")
        await _sent(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert any("Sent the minutes to ana@example.org" in n for n in notifications(app))
    assert mail_server.envelopes[0].rcpt_tos == EVERYONE
    assert Repository.open(demo_folder).session("2026-Q4-demo06").sent[0].to == EVERYONE


@pytest.mark.usefixtures("team_with_emails")
async def test_send_minutes_to_those_present_from_the_minutes_screen(
    demo_folder: Path, mail_server: Inbox
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await send_from_minutes(app, pilot, WEEK3)
        await pilot.press("down", "enter")  # the next choice: those present
        assert dialog.query_one("#to-present", RadioButton).value
        await pilot.press("ctrl+s")
        await _sent(app, pilot)
        assert isinstance(app.screen, MinutesScreen)
    present = EVERYONE[:4]
    assert mail_server.envelopes[0].rcpt_tos == present
    assert Repository.open(demo_folder).session(WEEK3).sent[0].to == present


@pytest.mark.usefixtures("team_with_emails")
async def test_typed_addresses_are_checked_at_the_field_then_get_the_eml(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no mail server: the .eml goes to exports/ here
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await send_from_minutes(app, pilot, WEEK3)
        await pilot.press("tab", *"boss@example", "enter")
        assert app.screen is dialog  # not sent: the address is not one
        error = str(dialog.query_one("#send-error", Static).render())
        assert error == (
            "'boss@example' is not an email address: an email address looks like name@example.com"
        )
        assert dialog.query_one("#to-typed", RadioButton).value  # typing chose the addresses
        assert app.focused is dialog.query_one("#send-addresses", Input)
        await pilot.press(*".com, cfo@example.com", "enter")
        await _sent(app, pilot)
        assert isinstance(app.screen, MinutesScreen)
        assert any("open it in your mail client" in n for n in notifications(app))
    eml = tmp_path / "exports" / "sales-2026-10-15-weekly-w3.eml"
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "boss@example.com, cfo@example.com"
    # Written, not sent: nothing is recorded on the session.
    assert Repository.open(demo_folder).session(WEEK3).sent == []


async def test_without_any_email_in_the_plan_the_dialog_asks_for_addresses(
    demo_folder: Path,
) -> None:
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_browse_history()
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SendDialog)
        everyone = dialog.query_one("#to-all", RadioButton)
        assert everyone.disabled
        assert str(everyone.label) == "Every member with an email (none in the plan)"
        assert app.focused is dialog.query_one("#send-addresses", Input)
        await pilot.press("ctrl+s")  # nothing typed yet
        error = str(dialog.query_one("#send-error", Static).render())
        assert error == "Type one or more addresses, like name@example.com."
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_hostile_text_in_the_addresses_is_refused_in_plain_words(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markup, terminal codes, a newline or 10,000 characters: a message at the field, the
    dialog still open, nothing written or sent."""
    monkeypatch.chdir(tmp_path)
    app = OkrApp(Repository.open(demo_folder), today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await send_from_minutes(app, pilot, WEEK3)
        field = dialog.query_one("#send-addresses", Input)
        error = dialog.query_one("#send-error", Static)
        for text in CORPUS:
            field.value = ""
            dialog.set_focus(field)
            field.post_message(events.Paste(text))
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is dialog, f"{text[:30]!r} was taken as an address"
            message = str(error.render())
            assert message and "Traceback" not in message, text[:30]
            assert raw_control_bytes(message) == [], text[:30]
            assert len(message) < 200, f"the message repeats what was typed: {message[:60]}"
    assert not (tmp_path / "exports").exists()
    assert Repository.open(demo_folder).session(WEEK3).sent == []
