"""The room's weekly confidence in a key result as a row of coloured dots, with a legend."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from okrtui.domain.models import Confidence

DOT_STYLES: dict[Confidence, str] = {
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
}
WORDS: dict[Confidence, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
}


def confidence_dot(confidence: Confidence | None) -> Text:
    """One coloured dot; a hollow one when the room gave no confidence that week."""
    if confidence is None:
        return Text("○", style="dim")
    return Text("●", style=DOT_STYLES[confidence])


def confidence_row(history: Sequence[Confidence | None]) -> Text:
    """One dot per weekly meeting, oldest first."""
    if not history:
        return Text("no check-ins", style="dim")
    return Text(" ").join(confidence_dot(c) for c in history)


def confidence_legend() -> Text:
    """What the dots mean."""
    parts = [confidence_dot(c) + Text(f" {WORDS[c]}") for c in DOT_STYLES]
    parts.append(confidence_dot(None) + Text(" not given"))
    return Text("   ").join(parts)
