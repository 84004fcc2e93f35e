"""The room's weekly confidence in a key result as a row of coloured dots, with a legend."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from okrtui.domain.models import Confidence

# Theme variables, so the dots stay legible on light themes (projectors) as well as dark.
DOT_STYLES: dict[Confidence, str] = {
    "on_track": "$text-success",
    "at_risk": "$text-warning",
    "off_track": "$text-error",
}
WORDS: dict[Confidence, str] = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
}


def confidence_dot(confidence: Confidence | None) -> Content:
    """One coloured dot; a hollow one when the room gave no confidence that week."""
    if confidence is None:
        return Content.styled("○", "$text-muted")
    return Content.styled("●", DOT_STYLES[confidence])


def confidence_row(history: Sequence[Confidence | None]) -> Content:
    """One dot per weekly meeting, oldest first."""
    if not history:
        return Content.styled("no check-ins", "$text-muted")
    return Content(" ").join(confidence_dot(c) for c in history)


def confidence_legend() -> Content:
    """What the dots mean."""
    parts = [Content.assemble(confidence_dot(c), f" {WORDS[c]}") for c in DOT_STYLES]
    parts.append(Content.assemble(confidence_dot(None), " not given"))
    return Content("   ").join(parts)
