"""The quarter in numbers: each key result's path as a chart, with its table of values."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from okrtui.domain import kr_words
from okrtui.domain.agenda import Step
from okrtui.domain.quarterly import KRQuarterPath, review_standing, values_word
from okrtui.domain.scoring import progress
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.kr_chart import KRChart
from okrtui.tui.widgets.quarterly.base import QuarterlyStep
from okrtui.tui.widgets.steps.base import MeetingContext, Recorder


class QuarterNumbersStep(QuarterlyStep):
    """One key result at a time: n / p (or → / ←) move between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "move(1)", "Next KR"),
        Binding("p,left", "move(-1)", "Previous KR"),
    ]

    def __init__(self, context: MeetingContext, step: Step, recorder: Recorder) -> None:
        super().__init__(context, step, recorder)
        self.kr_index = 0
        self._paths: list[KRQuarterPath] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="numbers-heading", classes="kr-heading")
        yield KRChart(id="numbers-chart")

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        self._paths = self.paths()
        self.kr_index = min(self.kr_index, max(0, len(self._paths) - 1))
        self._show()

    def focus_first(self) -> None:
        self.move_to(self)

    def action_move(self, step: int) -> None:
        """Show the next (1) or previous (-1) key result."""
        if self._paths:
            self.kr_index = (self.kr_index + step) % len(self._paths)
            self._show()

    def _show(self) -> None:
        heading = self.query_one("#numbers-heading", Static)
        chart = self.query_one("#numbers-chart", KRChart)
        if not self._paths:
            heading.update("This review has no key results to look at.")
            chart.show_path(None)
            return
        path = self._paths[self.kr_index]
        session = self.context.session
        heading.update(
            _heading(
                path,
                self.kr_index,
                len(self._paths),
                values_word(self.quarter, session.date),
                review_standing(self.quarter, session.date),
            )
        )
        chart.show_path(path)


def _heading(path: KRQuarterPath, index: int, count: int, word: str, standing: str) -> Text:
    kr = path.kr
    final = path.final_value
    reached = f"{word} {kr_words.value(kr, final)}"
    if final is not None and kr.kind in ("increase", "decrease", "milestone"):
        reached += f" ({progress(kr, final):.0%} of the way)"
    heading = Text.assemble((escape_control(f"KR {index + 1}/{count}: {kr.title}"), "bold"), "\n")
    heading.append(escape_control(f"{kr_words.goal(kr)} · {reached} · n/p: other KRs"))
    if standing:
        heading.append("\n" + standing, style="italic")
    return heading
