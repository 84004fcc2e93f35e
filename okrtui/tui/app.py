"""The okrtui Textual app: holds the repository and today's date, and routes between screens."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from okrtui.store import Repository
from okrtui.tui.screens.home import HomeScreen


class OkrApp(App[None]):
    """The facilitator's app. Screens reach the repository through `self.app.repository`."""

    TITLE = "okrtui"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, repository: Repository, today: date | None = None) -> None:
        super().__init__()
        self.repository = repository
        self.today = today or date.today()

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
