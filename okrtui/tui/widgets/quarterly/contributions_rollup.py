"""Contributions roll-up: the quarter's contributions by key result, credited to the team."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from okrtui.domain.quarter_rollup import KRContributions, contributions_rollup
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.quarterly.base import QuarterlyStep


class ContributionsRollupStep(QuarterlyStep):
    """Every contribution grouped by key result, celebrated ones starred; nobody is ranked."""

    def compose(self) -> ComposeResult:
        yield Static(
            "What the team did this quarter, by key result. ★ marks a celebrated contribution.",
            classes="hint",
        )
        yield Vertical(id="rollup")

    def on_mount(self) -> None:
        self.show_step()

    def focus_first(self) -> None:
        self.move_to(self)

    def show_step(self) -> None:
        groups = contributions_rollup(self.objectives(), self.rollup_sessions())
        area = self.query_one("#rollup", Vertical)
        area.remove_children()
        if not groups:
            area.mount(Static("No contributions were recorded this quarter."))
            return
        widgets: list[Static] = []
        for group in groups:
            widgets.extend(_group_widgets(group))
        area.mount_all(widgets)


def _group_widgets(group: KRContributions) -> list[Static]:
    widgets = [
        Static(Text(escape_control(group.title)), classes="group-title"),
        Static(Text(escape_control(f"  Moved by {', '.join(group.members)}")), classes="hint"),
    ]
    for c in group.contributions:
        when = f"wk {c.week}" if c.week else c.date.isoformat()
        mark = "★" if c.celebrated else "·"
        line = Text(escape_control(f"  {mark} {when}  {c.member_name}: {c.text}"))
        widgets.append(Static(line, classes="celebrated" if c.celebrated else ""))
    return widgets
