"""The minutes of a just-finished meeting, as rendered Markdown (until the minutes screen
of the history view takes over)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from okrtui.domain.models import Session


def minutes_markdown(session: Session, earlier: Sequence[Session]) -> str:
    """The meeting's minutes as Markdown, from the minutes renderer."""
    from okrtui.minutes import render_markdown

    return render_markdown(session, earlier)


class MinutesPreviewScreen(Screen[None]):
    """Shows a finished meeting's minutes; Esc goes back home."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
    ]

    def __init__(self, session: Session, earlier: Sequence[Session]) -> None:
        super().__init__(id="minutes-preview")
        self.session = session
        self.earlier = tuple(earlier)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(minutes_markdown(self.session, self.earlier), id="minutes-markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
