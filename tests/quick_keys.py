"""Keys sent to an app under test as fast as it takes them in, for the long fault tests.

`Pilot.press` waits after every key until the process has looked idle for 20 ms, twice: right
for a test that checks the screen after each key, but tens of minutes over the monkey's 50,000
keys. `press_quickly` lets each key wait only for what the app had queued before it.
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Sequence
from typing import Any

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message_pump import MessagePump
from textual.pilot import Pilot

# A widget that takes no message for this long is stuck (or was never going to run).
STUCK_SECONDS = 30.0


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key`, built the way Pilot builds it (Textual 8.2)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        character: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


def burst(app: App[Any], keys: Sequence[str]) -> None:
    """Queue keys all at once, as a terminal delivers a fast typist's (or tmux's) input: the
    app reads the next key before it has handled the one before."""
    driver = app._driver
    assert driver is not None, "the app is not running"
    for key in keys:
        driver.send_message(key_event(key))


async def press_quickly(pilot: Pilot[None], keys: Sequence[str]) -> None:
    """Press keys one after another, each once the app has taken in the one before.

    Each key waits until the app, the screen and the focused widget have handled what was
    queued before it, as a fast typist's keys would arrive; callers let the app settle
    (`pilot.pause()`) after a batch.
    """
    app = pilot.app
    for key in keys:
        app.post_message(key_event(key))
        for node in (app, app.screen, app.focused):
            if node is not None and not await _handled_queue(app, node):
                return  # the app failed: run_test raises its exception


async def _handled_queue(app: App[Any], node: MessagePump) -> bool:
    """Wait until `node` has handled the messages queued before now; False if the app failed."""
    handled = asyncio.Event()
    if not node.call_later(handled.set):
        return True  # closing: it takes no more messages
    # Pilot watches the same event: an exception in the app stops its message loops.
    failed: asyncio.Event = app._exception_event
    waits = [asyncio.create_task(handled.wait()), asyncio.create_task(failed.wait())]
    done, pending = await asyncio.wait(
        waits, timeout=STUCK_SECONDS, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()
    assert done, f"{node!r} handled nothing for {STUCK_SECONDS} s"
    return not failed.is_set()
