"""Numbers are read the way people type them in a meeting."""

from __future__ import annotations

import pytest

from okrtui.domain.numbers import format_number, parse_milestone, parse_number


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,200", 1200),
        ("$4,800", 4800),
        ("12%", 12),
        ("4.8k", 4800),
        ("-3", -3),
        (" 7 ", 7),
        ("1.5M", 1.5e6),
    ],
)
def test_typed_numbers(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "4,8,0k$x", "1.2.3", "k"])
def test_not_a_number_says_how_to_write_one(typed: str) -> None:
    with pytest.raises(ValueError, match="number"):
        parse_number(typed)


def test_milestones_take_done_or_percent() -> None:
    assert parse_milestone("done") == 100
    assert parse_milestone("60%") == 60
    with pytest.raises(ValueError, match="between 0% and 100%"):
        parse_milestone("140")


def test_format_number_places_units() -> None:
    assert format_number(4800, "$") == "$4,800"
    assert format_number(226, "members") == "226 members"
    assert format_number(12.5, "%") == "12.5%"
    assert format_number(None, "$") == "—"
