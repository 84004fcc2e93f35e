"""One list of the units written as symbols; formatting and parsing both read it."""

from __future__ import annotations

import pytest

from okrtui.domain.numbers import format_number, parse_number
from okrtui.domain.units import CURRENCY_SYMBOLS, PERCENT, is_currency, is_symbol


@pytest.mark.parametrize("symbol", CURRENCY_SYMBOLS)
def test_every_currency_is_written_before_the_number_and_read_back(symbol: str) -> None:
    assert is_currency(symbol) and is_symbol(symbol)
    shown = format_number(4800, symbol)
    assert shown == f"{symbol}4,800"
    assert parse_number(shown, locale="en") == 4800


def test_the_yen_is_a_currency_like_the_others() -> None:
    assert "¥" in CURRENCY_SYMBOLS


def test_percent_is_a_symbol_after_the_number_and_a_word_unit_is_not_a_symbol() -> None:
    assert is_symbol(PERCENT) and not is_currency(PERCENT)
    assert format_number(12, PERCENT) == "12%"
    assert not is_symbol("members")
    assert format_number(226, "members") == "226 members"
