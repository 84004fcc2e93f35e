"""Key-result trends: pick a key result (this quarter's or an earlier one) to see its check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.history import kr_path
from okrtui.domain.lineage import kr_line
from okrtui.domain.models import KeyResult, Objective
from okrtui.store import StoreError
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.kr_trend import KRTrend
from okrtui.tui.widgets.plain_text import cell

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


@dataclass(frozen=True)
class KRChoice:
    """A key result in the picker, with the team and quarter whose meetings checked it."""

    team_id: str
    quarter: str
    kr: KeyResult


class TrendsScreen(Screen[None]):
    """A list of key results, newest quarter first; the highlighted one is charted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("tab", "focus_next", "Next pane", show=False),
    ]

    def __init__(self, team_id: str | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.choices: list[KRChoice] = []
        self.objectives: list[Objective] = []

    def compose(self) -> ComposeResult:
        app = cast("OkrApp", self.app)
        try:
            objectives = app.repository.objectives(self.team_id, include_archived=True)
        except StoreError as exc:
            self.notify(str(exc), title="Cannot show trends", severity="error", markup=False)
            objectives = []
        self.objectives = objectives
        options: list[Option] = []
        for objective in sorted(objectives, key=lambda o: o.quarter, reverse=True):
            for kr in objective.key_results:
                label = cell(f"{objective.quarter} · {kr.title}")
                options.append(Option(label, id=str(len(options))))
                self.choices.append(KRChoice(objective.team_id, objective.quarter, kr))
        yield Header()
        with Horizontal(id="trends"):
            yield OptionList(*options, id="kr-list")
            yield KRTrend(id="kr-trend")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Key-result trends"
        picker = self.query_one("#kr-list", OptionList)
        picker.focus()
        if self.choices:
            picker.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.show_choice(self.choices[int(event.option.id)])

    def show_choice(self, choice: KRChoice) -> None:
        """Chart one key result with the quarters it continues and that continue it, reading
        only those quarters' files."""
        app = cast("OkrApp", self.app)
        line = kr_line(self.objectives, choice.team_id, choice.quarter, choice.kr)
        drawn = []
        for part in line:
            try:
                sessions = app.repository.sessions(part.quarter, part.team_id)
            except StoreError as exc:
                self.notify(
                    str(exc), title=f"Cannot read {part.quarter}", severity="error", markup=False
                )
                sessions = []
            # A meeting still in progress may hold half a check-in: only finished ones count.
            finished = [s for s in sessions if s.status == "completed"]
            drawn.append((part, kr_path(finished, part.kr.id)))
        self.query_one(KRTrend).show_line(drawn)
