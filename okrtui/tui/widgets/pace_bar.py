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

    def on_mount(self) -> None:
        # Colours come from the theme at render time, so redraw when the theme changes.
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self.refresh()

    def _colour(self, which: Band) -> str:
        names = {"green": "success", "yellow": "warning", "red": "error"}
        return self.app.theme_variables.get(names[which], "white")

    def render(self) -> Text:
        width = max(self.size.width, 1)
        filled = round(self.progress * width)
        bar_style = Style(color=self._colour(band(self.progress)))
        empty_style = Style(color=self.app.theme_variables.get("panel", "grey37"))
        text = Text(no_wrap=True, overflow="crop")
        text.append(FILLED * filled, bar_style)
        text.append(EMPTY * (width - filled), empty_style)
        if self.pace is not None:
            # The marker sits on the cell where today's expected progress ends.
            at = min(width - 1, max(0, round(self.pace * width) - 1))
            marker_style = Style(
                # The widget's own text colour reads on both dark and light themes.
                color=self.rich_style.color,
                bgcolor=self._colour(band(self.progress)) if at < filled else None,
                bold=True,
            )
            text = text[:at] + Text(MARKER, marker_style) + text[at + 1 :]
        return text
