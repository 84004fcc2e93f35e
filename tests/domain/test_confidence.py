"""A confidence's word, symbol and theme colour: one table for the screens and the minutes."""

from __future__ import annotations

from typing import get_args

from okrtui.domain import confidence
from okrtui.domain.models import Confidence


def test_every_confidence_has_a_word_a_symbol_and_a_theme_colour() -> None:
    assert get_args(Confidence) == confidence.CONFIDENCES
    for state in confidence.CONFIDENCES:
        assert confidence.word(state) and confidence.symbol(state)
        assert confidence.theme_variable(state) in ("$success", "$warning", "$error")
    assert len({confidence.symbol(c) for c in confidence.CONFIDENCES}) == 3


def test_on_track_is_the_themes_success_and_off_track_its_error() -> None:
    assert confidence.word("on_track") == "on track"
    assert confidence.theme_variable("on_track") == "$success"
    assert confidence.text_variable("at_risk") == "$text-warning"
    assert confidence.theme_variable("off_track") == "$error"


def test_no_confidence_is_said_and_muted() -> None:
    assert confidence.word(None) == "no check-in"
    assert confidence.symbol(None) == confidence.NO_SYMBOL
    assert confidence.text_variable(None) == "$text-muted"


def test_the_legend_names_every_symbol() -> None:
    assert confidence.legend() == "✓ on track · ! at risk · ✗ off track · · no check-in"
