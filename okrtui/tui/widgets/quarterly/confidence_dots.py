"""The room's weekly confidence in a key result as a row of coloured dots, with a legend."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from okrtui.domain.confidence import CONFIDENCES, DOT, NO_DOT, text_variable, word
from okrtui.domain.models import Confidence


def confidence_dot(confidence: Confidence | None) -> Content:
    """One dot in the confidence's theme colour (legible on light themes too); hollow for none."""
    if confidence is None:
        return Content.styled(NO_DOT, text_variable(None))
    return Content.styled(DOT, text_variable(confidence))


def confidence_row(history: Sequence[Confidence | None]) -> Content:
    """One dot per weekly meeting, oldest first."""
    if not history:
        return Content.styled("no check-ins", text_variable(None))
    return Content(" ").join(confidence_dot(c) for c in history)


def confidence_legend() -> Content:
    """What the dots mean."""
    parts = [Content.assemble(confidence_dot(c), f" {word(c)}") for c in CONFIDENCES]
    parts.append(Content.assemble(confidence_dot(None), f" {word(None)}"))
    return Content("   ").join(parts)
