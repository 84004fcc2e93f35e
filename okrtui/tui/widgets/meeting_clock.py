"""A meeting clock: time spent against a timebox, in a warning colour once it is over."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


def format_duration(seconds: float) -> str:
    """Seconds as m:ss, or h:mm:ss past an hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class MeetingClock(Static):
    """Shows `label spent/limit` (limit in minutes); class `-over` once spent exceeds it."""

    # Redrawn every second; laid out again (the whole screen) only when the text's width
    # changes, as its width is its text's.
    seconds: reactive[float] = reactive(0.0)
    limit: reactive[float] = reactive(0.0)

    def __init__(self, label: str, *, id: str | None = None) -> None:
        self._width = 0  # of the text last laid out
        super().__init__("", id=id, classes="meeting-clock")
        self.label = label

    def render(self) -> str:
        over = " over!" if self.limit and self.seconds > self.limit else ""
        return f"{self.label} {format_duration(self.seconds)}/{self.limit / 60:.0f}m{over}"

    def watch_seconds(self) -> None:
        self.set_class(bool(self.limit) and self.seconds > self.limit, "-over")
        width = len(self.render())
        if width != self._width:
            self._width = width
            self.refresh(layout=True)

    def watch_limit(self) -> None:
        self.watch_seconds()
