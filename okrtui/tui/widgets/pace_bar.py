"""A progress bar with a marker where the key result should be today (expected pace).

Drawn as text inside a key-result row (`KrRow`), not as a widget of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.color import Color
from rich.style import Style
from rich.text import Text

from okrtui.domain.scoring import Band, band

FILLED = "█"
EMPTY = "░"
MARKER = "┃"
# The narrowest bar drawn; wider rows and cards give the bar what they have left.
MIN_BAR = 10
# A score band's theme colour, here and wherever a score is shown in its band.
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
