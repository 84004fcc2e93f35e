"""A progress bar with a marker where the key result should be today (expected pace)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from okrtui.domain.scoring import Band, band

FILLED = "█"
EMPTY = "░"
MARKER = "┃"


class PaceBar(Widget):
    """Progress in [0, 1] drawn in its band's colour, with an optional pace marker."""

    DEFAULT_CSS = """
    PaceBar { height: 1; width: 1fr; min-width: 10; }
    """

    progress: reactive[float] = reactive(0.0)
    pace: reactive[float | None] = reactive(None)

    def __init__(
        self,
        progress: float = 0.0,
        pace: float | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.progress = progress
        self.pace = pace

    def _colour(self, which: Band) -> str:
        theme = self.app.current_theme
        colours = {"green": theme.success, "yellow": theme.warning, "red": theme.error}
        return colours[which] or theme.primary

    def render(self) -> Text:
        width = max(self.size.width, 1)
        filled = round(self.progress * width)
        bar_style = Style(color=self._colour(band(self.progress)))
        empty_style = Style(color=self.app.current_theme.panel or "grey37")
        text = Text(no_wrap=True, overflow="crop")
        text.append(FILLED * filled, bar_style)
        text.append(EMPTY * (width - filled), empty_style)
        if self.pace is not None:
            # The marker sits on the cell where today's expected progress ends.
            at = min(width - 1, max(0, round(self.pace * width) - 1))
            marker_style = Style(
                color=self.app.current_theme.foreground or "white",
                bgcolor=self._colour(band(self.progress)) if at < filled else None,
                bold=True,
            )
            text = text[:at] + Text(MARKER, marker_style) + text[at + 1 :]
        return text
