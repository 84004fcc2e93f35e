"""A meeting's minutes, read-only, rendered from the same Markdown the export writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown, Static

from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.minutes import render_markdown
from okrtui.store import StoreError
from okrtui.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# Narrower than this, the key-result table would wrap its titles onto many lines and cut
# its figures: each key result is listed with its figures beneath instead.
TABLE_MIN_WIDTH = 120


class MinutesScreen(Screen[None]):
    """Shows one session's minutes; `e` exports them, `m` mails them, Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("e", "export", "Export"),
        Binding("m", "send", "Send minutes"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self._minutes: tuple[Session, list[Session]] | None = None
        self._stacked = False

    def compose(self) -> ComposeResult:
        app = cast("OkrApp", self.app)
        yield Header()
        with VerticalScroll(id="minutes-scroll"):
            try:
                session = app.repository.session(self.session_id)
                self._minutes = (session, earlier_sessions(app.repository, session))
                text = self._markdown()
            except StoreError as exc:
                yield Static(
                    f"These minutes cannot be shown: {exc}", id="minutes-error", markup=False
                )
            else:
                # Control characters a file held are shown, never sent to the terminal.
                yield Markdown(escape_control(text), id="minutes")
        yield KeysFooter()

    def _markdown(self) -> str:
        assert self._minutes is not None  # read in compose before the first call
        session, earlier = self._minutes
        self._stacked = self.app.size.width < TABLE_MIN_WIDTH
        return render_markdown(session, earlier, stacked=self._stacked)

    def on_resize(self) -> None:
        # Across the table's width the minutes are redrawn in the other layout.
        if self._minutes is not None and self._stacked != (self.app.size.width < TABLE_MIN_WIDTH):
            self.query_one("#minutes", Markdown).update(escape_control(self._markdown()))

    def on_mount(self) -> None:
        self.sub_title = "Minutes"
        self.query_one("#minutes-scroll").focus()

    def action_export(self) -> None:
        """Export these minutes to a file or the clipboard."""
        from okrtui.tui.dialogs.export import open_export

        open_export(cast("OkrApp", self.app), self.session_id)

    def action_send(self) -> None:
        """Mail these minutes to the team (HTML, plain text, the PDF attached)."""
        from okrtui.tui.dialogs.send import open_send

        open_send(cast("OkrApp", self.app), self.session_id)
