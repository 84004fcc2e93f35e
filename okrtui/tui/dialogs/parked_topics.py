"""The topics parked at earlier meetings, offered where the next meeting's discussion starts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from okrtui.domain.models import ParkedTopic
from okrtui.domain.text import escape_control

TopicChoice = Literal["experience", "issue", "dropped"]


class ParkedTopicsDialog(ModalScreen[None]):
    """e takes the highlighted topic up as an experience, b as a blocker (an open issue),
    x drops it; escape leaves the rest parked. `chosen` records each choice at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('experience')", "Take up as experience"),
        Binding("b", "choose('issue')", "Take up as issue"),
        Binding("x", "choose('dropped')", "Drop"),
        Binding("escape", "dismiss(None)", "Later"),
    ]

    def __init__(
        self, topics: Sequence[ParkedTopic], chosen: Callable[[ParkedTopic, TopicChoice], None]
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.topics = list(topics)
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Parked at earlier meetings", classes="dialog-title")
            yield OptionList(
                *(
                    Option(Text(escape_control(f"{t.parked_on.isoformat()}  {t.text}")), id=t.id)
                    for t in self.topics
                ),
                id="parked-list",
            )
            yield Label(
                "e take up as an experience · b as an issue · x drop · escape later",
                classes="hint",
            )

    def action_choose(self, choice: TopicChoice) -> None:
        """Record what is done with the highlighted topic; close when none is left."""
        listing = self.query_one("#parked-list", OptionList)
        if listing.highlighted is None:
            return
        index = listing.highlighted
        topic = self.topics.pop(index)
        listing.remove_option_at_index(index)
        self.chosen(topic, choice)
        if not self.topics:
            self.dismiss(None)
        else:
            listing.highlighted = min(index, len(self.topics) - 1)
