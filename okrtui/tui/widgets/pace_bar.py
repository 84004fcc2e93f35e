"""A progress bar with a marker where the key result should be today (expected pace)."""

from __future__ import annotations

from collections.abc import Callable

from rich.color import Color
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from okrtui.domain.scoring import Band, band

FILLED = "█"
EMPTY = "░"
MARKER = "┃"
BAND_COLOURS: dict[Band, str] = {"green": "success", "yellow": "warning", "red": "error"}


def pace_bar_text(
    progress: float,
    pace: float | None,
    width: int,
    theme_colour: Callable[[str, str], str],
    marker_colour: Color | None,
) -> Text:
    """The bar as text, `width` cells wide; `theme_colour(name, fallback)` names colours."""
    width = max(width, 1)
    filled = round(progress * width)
    colour = theme_colour(BAND_COLOURS[band(progress)], "white")
    text = Text(no_wrap=True, overflow="crop")
    text.append(FILLED * filled, Style(color=colour))
    text.append(EMPTY * (width - filled), Style(color=theme_colour("panel", "grey37")))
    if pace is not None:
        # The marker sits on the cell where today's expected progress ends.
        at = min(width - 1, max(0, round(pace * width) - 1))
        marker_style = Style(
            color=marker_colour, bgcolor=colour if at < filled else None, bold=True
        )
        text = text[:at] + Text(MARKER, marker_style) + text[at + 1 :]
    return text


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

    def render(self) -> Text:
        # The widget's own text colour marks the pace: it reads on dark and light themes.
        return pace_bar_text(
            self.progress,
            self.pace,
            self.size.width,
            self.app.theme_variables.get,
            self.rich_style.color,
        )
