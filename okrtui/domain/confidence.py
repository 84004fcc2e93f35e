"""A check-in's confidence as people see it: its word, its symbol and its theme colour.

Screens colour a confidence with the Textual theme's variables (so light themes stay
legible); the minutes have no theme and map the same colour names to their own CSS classes.
"""

from __future__ import annotations

from typing import get_args

from okrtui.domain.models import Confidence

CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)
WORDS: dict[Confidence, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
}
# Readable without colour: the minutes' week-by-week history and printed pages.
SYMBOLS: dict[Confidence, str] = {"on_track": "✓", "at_risk": "!", "off_track": "✗"}
# The theme's colour names; `$name` colours a fill, `$text-name` text on the background.
COLOURS: dict[Confidence, str] = {"on_track": "success", "at_risk": "warning", "off_track": "error"}
NO_CHECKIN = "no check-in"
NO_SYMBOL = "·"
# On screens a dot in the confidence's colour; a hollow one when none was given.
DOT = "●"
NO_DOT = "○"
MUTED = "$text-muted"


def word(confidence: Confidence | None) -> str:
    """The confidence in words; `no check-in` when none was given."""
    return WORDS[confidence] if confidence is not None else NO_CHECKIN


def symbol(confidence: Confidence | None) -> str:
    """One character for the confidence that needs no colour to be read."""
    return SYMBOLS[confidence] if confidence is not None else NO_SYMBOL


def legend() -> str:
    """What the symbols mean, for a table of them."""
    parts = [f"{SYMBOLS[c]} {WORDS[c]}" for c in CONFIDENCES]
    return " · ".join([*parts, f"{NO_SYMBOL} {NO_CHECKIN}"])


def theme_variable(confidence: Confidence) -> str:
    """The Textual theme variable for a fill in this confidence's colour: `$success`."""
    return f"${COLOURS[confidence]}"


def text_variable(confidence: Confidence | None) -> str:
    """The theme variable for text in this confidence's colour: `$text-success`."""
    return f"$text-{COLOURS[confidence]}" if confidence is not None else MUTED
