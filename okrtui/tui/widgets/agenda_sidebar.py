"""The agenda sidebar: every step with its number, done mark, timebox and time spent."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from okrtui.domain.agenda import Step
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.meeting_clock import format_duration

# Before the sidebar has a size, titles longer than this are cut with an ellipsis; once it
# has one, they are cut only where the sidebar ends (a wide screen shows them whole).
TITLE_WIDTH = 20
# "▶3 " before each title.
MARK_WIDTH = 3


class AgendaSidebar(Static):
    """Steps of the agenda; the current one highlighted; over-time steps in warning colour."""

    current: reactive[str] = reactive("")

    def __init__(self, steps: Sequence[Step], *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.steps = tuple(steps)
        self.spent: dict[str, float] = {}
        self.visited: set[str] = set()

    def show(self, current: str, spent: dict[str, float], visited: set[str]) -> None:
        """Redraw with the current step and the time spent per step."""
        self.spent = dict(spent)
        self.visited = set(visited)
        self.current = current
        self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        room = self.content_size.width - MARK_WIDTH if self.content_size.width else TITLE_WIDTH
        for number, step in enumerate(self.steps, start=1):
            here = step.key == self.current
            done = step.key in self.visited and not here
            mark = "▶" if here else ("✓" if done else " ")
            style = "bold reverse" if here else ("dim" if not done else "")
            shown = escape_control(step.title)  # a team's own title is its text
            title = shown if len(shown) <= room else shown[: room - 1] + "…"
            text.append(f"{mark}{number} {title}\n", style=style)
            spent = self.spent.get(step.key, 0.0)
            over = spent > step.minutes * 60
            text.append(
                f"    {format_duration(spent)} of {step.minutes} min\n",
                style="bold red" if over else "dim",
            )
        return text
