"""The units written as symbols beside a number ($4,800, 12%); any other unit is a word.

The screens and the wording of key results read this; the currencies come from the number
rules (`okrtui.domain.numbers.CURRENCIES`), so a currency added there is known everywhere.
"""

from __future__ import annotations

from okrtui.domain.numbers import CURRENCIES

# The currencies numbers are read and shown in, with their names, live with the numbers.
CURRENCY_SYMBOLS: tuple[str, ...] = tuple(CURRENCIES)
PERCENT = "%"
# Written against the number, before it (currencies) or after it (percent).
SYMBOL_UNITS: tuple[str, ...] = (*CURRENCY_SYMBOLS, PERCENT)


def is_currency(unit: str) -> bool:
    """Whether the unit is a currency symbol, written before the number."""
    return unit in CURRENCY_SYMBOLS


def is_symbol(unit: str) -> bool:
    """Whether the unit is a symbol written against the number rather than a word after it."""
    return unit in SYMBOL_UNITS
