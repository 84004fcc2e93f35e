"""Sending a meeting's minutes from the app: ask who gets them, then send in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrtui.domain.text import escape_control
from okrtui.services.sending import ALL, SendError, recipients, send_minutes
from okrtui.store import StoreError
from okrtui.tui.dialogs.confirm import ConfirmDialog

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

SEND_WORKER = "send-minutes"


def open_send(app: OkrApp, session_id: str) -> None:
    """Ask before mailing a finished meeting's minutes to every member with an email.

    Without a mail server in the settings, the message is written as an `.eml` file instead
    (the question says so). What happened shows as a notification.
    """
    try:
        session = app.repository.session(session_id)
        if session.status != "completed":
            raise SendError("the meeting is not finished yet: finish it, then send its minutes.")
        addresses = recipients(app.repository.team(session.team_id), session, [ALL])
    except (SendError, StoreError) as exc:
        app.notify(f"Not sent: {exc}", title="Send minutes", severity="error", markup=False)
        return
    mail = app.settings.mail
    who = ", ".join(addresses)
    if mail is None:
        question = (
            f"No mail server in your settings. Write the message to {who} as an .eml file "
            "in exports/, to send from your mail client?"
        )
    else:
        question = f"Send the minutes to {who} through {mail.host}?"

    def answered(yes: bool | None) -> None:
        if yes:
            app.notify("Sending the minutes…", title="Send minutes", markup=False)
            app.run_worker(lambda: _send(app, session_id), thread=True, name=SEND_WORKER)

    app.push_screen(ConfirmDialog(question, "Send", "Not now"), answered)


def _send(app: OkrApp, session_id: str) -> None:
    """In a thread: make the minutes and send them; report on the event loop."""
    try:
        outcome = send_minutes(app.repository, session_id, [ALL], app.settings.mail)
    except (SendError, StoreError) as exc:
        message, severity = f"Not sent: {exc}", "error"
    else:
        who = ", ".join(outcome.to)
        if outcome.eml is not None:
            message = f"Wrote {outcome.eml} for {who}: open it in your mail client to send it."
        else:
            message = f"Sent the minutes to {who}."
        severity = "information"
    app.call_from_thread(
        app.notify,
        escape_control(message),
        title="Send minutes",
        severity=severity,
        markup=False,
    )
