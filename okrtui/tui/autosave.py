"""A meeting's autosave: in the key's handler when the files are free, else one thread in order.

The usual save is written before the next key is handled. When another okrtui holds a
file's lock beyond a moment (its own save, a `plan import`, a repair), that save and every
later one until the queue drains go to one background thread, which writes them in commit
order; the screen keeps handling keys meanwhile and hears of each write by a message.
A save still queued when a newer one arrives is skipped: the newer record holds all of it.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime

from textual.message import Message
from textual.message_pump import MessagePump

from okrtui.domain.models import Session
from okrtui.store import LOCK_TIMEOUT_SECONDS, LockBusy, SaveError, Store, StoreError


@dataclass
class SaveLanded(Message):
    """A save handed to the background thread is on disk (`error` None) or failed."""

    number: int
    what: str
    when: datetime
    error: Exception | None


class Autosave:
    """Writes one meeting's record, never letting an earlier save overtake a later one."""

    def __init__(self, store: Store, listener: MessagePump) -> None:
        self._store = store
        self._listener = listener
        self._executor: ThreadPoolExecutor | None = None
        self._newest = 0  # number of the newest save handed to the thread
        self._accounted = 0  # the newest one whose outcome the screen has taken
        self._last: Future[Exception | None] | None = None

    @property
    def waiting(self) -> bool:
        """Whether a save handed to the thread has not yet been reported back."""
        return self._accounted < self._newest

    def write_now(self, session: Session) -> None:
        """Write in the caller's thread, trying the lock for a moment only.

        LockBusy: nothing was written; `queue` it. Only while nothing is `waiting`: a
        direct write must not overtake one still queued.
        """
        assert not self.waiting, "a direct write would overtake a queued one"
        self._store.save_session(session, wait=False)

    def queue(self, session: Session, what: str, when: datetime) -> None:
        """Hand a save to the background thread, after every save queued before it."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._newest += 1
        self._last = self._executor.submit(self._write, self._newest, session, what, when)

    def landed(self, event: SaveLanded) -> bool:
        """Whether `event` is the newest queued save and not yet taken into account; after
        it the queue has drained (older landings only mean the thread is getting there)."""
        if event.number != self._newest or event.number <= self._accounted:
            return False
        self._accounted = event.number
        return True

    def drain(self) -> Exception | None:
        """Wait (at most the lock timeout) until every queued save has been written.

        Returns the newest one's error (None when it, and so everything, is on disk). On
        the timeout the thread goes on, and nothing may be written here meanwhile.
        """
        if self._last is None or not self.waiting:
            return None
        try:
            error = self._last.result(timeout=LOCK_TIMEOUT_SECONDS)
        except FutureTimeout:
            return SaveError(
                f"another okrtui process still holds the data files after "
                f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; the answers are being saved in the "
                "background"
            )
        self._accounted = self._newest
        return error

    def close(self) -> None:
        """Let the thread end once it has written what it was given."""
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def _write(self, number: int, session: Session, what: str, when: datetime) -> Exception | None:
        """In the thread: write `session` unless a newer save follows; tell the screen."""
        if number != self._newest:
            return None  # a newer record is queued behind this one and holds all of it
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        error: Exception | None = None
        while True:
            try:
                # Each try holds the store for a moment only, so the screen's own calls
                # never wait behind another process's lock.
                self._store.save_session(session, wait=False)
            except LockBusy as exc:
                if time.monotonic() < deadline:
                    continue
                error = SaveError(f"{exc} for more than {LOCK_TIMEOUT_SECONDS:.0f} seconds")
            except (StoreError, OSError) as exc:
                error = exc
            break
        self._listener.post_message(SaveLanded(number, what, when, error))
        return error
