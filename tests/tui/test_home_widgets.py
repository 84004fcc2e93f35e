"""The pace bar puts its marker where the key result should be today."""

from __future__ import annotations

from okrtui.tui.widgets.pace_bar import EMPTY, FILLED, MARKER, pace_bar_text


def drawn(progress: float, pace: float | None) -> str:
    """The bar as twenty cells of text (colours do not matter here)."""
    return pace_bar_text(progress, pace, 20, lambda _name, fallback: fallback, None).plain


def test_behind_pace_shows_the_marker_ahead_of_the_bar() -> None:
    line = drawn(0.25, 0.5)
    assert len(line) == 20
    assert line[:5] == FILLED * 5
    assert line.index(MARKER) == 9  # the tenth cell: half of twenty
    assert line[5:9] == EMPTY * 4


def test_ahead_of_pace_shows_the_marker_inside_the_bar() -> None:
    line = drawn(0.9, 0.25)
    assert line.index(MARKER) == 4
    assert line.count(FILLED) == 17  # 18 filled cells, one of them the marker


def test_maintain_kinds_have_no_marker() -> None:
    line = drawn(1.0, None)
    assert line == FILLED * 20
