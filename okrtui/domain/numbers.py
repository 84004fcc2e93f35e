"""Read numbers the way people type them in a meeting: `1,200`, `$4,800`, `12%`, `4.8k`.

A team's locale (a Babel locale name, `en` unless the plan says otherwise) decides which
mark groups thousands and which one starts the decimals: `1,200.5` in `en`, `1.200,5` in
`de`. Grouping marks must sit where that locale puts them, so `12,5` in an `en` team is
refused instead of being read as 125. Babel is imported on the first number typed (or
shown in another locale): an `en` team's screens are drawn without it.
"""

from __future__ import annotations

import re
from copy import copy
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Annotated

from pydantic.functional_validators import AfterValidator

if TYPE_CHECKING:
    from babel.numbers import NumberPattern

DEFAULT_LOCALE = "en"
# Beyond this a float no longer holds every whole number or cent exactly; nothing a team
# measures comes near it, so a longer number is a typing accident.
LARGEST = 1e15
# Shown values keep their own decimals up to this many (float noise lies beyond).
MOST_DECIMALS = 6

# The currency symbols a value may carry: the words they are named by in messages and
# units, and their minor-unit decimals (cents are shown as two digits).
CURRENCIES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "$": ("dollars", ("usd", "dollar", "dollars"), 2),
    "€": ("euros", ("eur", "euro", "euros"), 2),
    "£": ("pounds", ("gbp", "pound", "pounds"), 2),
    "¥": ("yen", ("jpy", "yen"), 0),
}
_SUFFIXES = {"k": 1e3, "m": 1e6, "b": 1e9}
_SYMBOLS = "".join(CURRENCIES)
# Spaces and underscores group thousands in any locale: `1 200`, `1_200`.
_TYPED_GROUPS = "[_ \u00a0\u202f]"


@cache
def _shape() -> re.Pattern[str]:
    """Sign, currency before, sign, the digits and marks, k/m/b, currency or % after.

    Compiled on the first number read, not at start-up.
    """
    return re.compile(
        rf"^(?P<sign>[+-]?)\s*(?P<before>[{_SYMBOLS}]?)\s*(?P<sign2>[+-]?)"
        rf"(?P<core>[\d.,'’_ \u00a0\u202f]*?)\s*(?P<suffix>[kmb]?)\s*(?P<after>[{_SYMBOLS}%]?)$",
        re.IGNORECASE,
    )


class NotANumber(ValueError):
    """The text does not have the shape of a number at all (as opposed to a misplaced mark)."""


def check_locale(name: str) -> str:
    """A locale Babel knows, in Babel's spelling (`de-CH` → `de_CH`); ValueError otherwise."""
    if name == DEFAULT_LOCALE:
        return name
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(name.strip().replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"'{name}' is not a locale okrtui knows; try en, de or fr") from None


LocaleName = Annotated[str, AfterValidator(check_locale)]


def _marks(locale: str) -> tuple[str, str]:
    """The locale's (group, decimal) marks."""
    if locale == DEFAULT_LOCALE:
        return ",", "."  # Babel's `en` data, without loading Babel
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(locale), get_decimal_symbol(locale)


def parse_number(text: str, *, locale: str, unit: str | None = None) -> float:
    """A typed number in the team's locale; ValueError with a plain message when it is not one.

    With `unit` (the key result's), a currency symbol that is not that unit is refused.
    """
    raw = text.strip()
    if not raw:
        raise NotANumber("enter a number")
    said = _said(raw)
    shape = _shape().match(raw)
    if (
        shape is None
        or not any(c.isdigit() for c in shape["core"])
        or (shape["sign"] and shape["sign2"])
    ):
        raise NotANumber(f"'{said}' is not a number; try {_examples(locale)}")
    symbol = shape["before"] or (shape["after"] if shape["after"] != "%" else "")
    if shape["before"] and shape["after"]:
        raise NotANumber(f"'{said}' is not a number; try {_examples(locale)}")
    if symbol and unit is not None:
        _check_currency(symbol, unit)
    amount = _decimal(shape["core"], raw, locale)
    factor = Decimal(int(_SUFFIXES[shape["suffix"].lower()])) if shape["suffix"] else Decimal(1)
    amount *= factor
    if abs(amount) > Decimal(int(LARGEST)):
        largest = format_number(LARGEST, locale=locale)
        raise ValueError(f"'{said}' is too large; okrtui keeps numbers up to {largest}")
    value = float(amount)
    return -value if "-" in (shape["sign"] + shape["sign2"]) else value


def _said(raw: str) -> str:
    """The typed text as a message quotes it: a long paste is shortened."""
    return raw if len(raw) <= 24 else f"{raw[:20]}…"


def _decimal(core: str, raw: str, locale: str) -> Decimal:
    """The digits and marks, read by Babel with the locale's grouping checked."""
    from babel.numbers import NumberFormatError, parse_decimal

    group, decimal = _marks(locale)
    typed = re.sub(_TYPED_GROUPS, group, core.strip())
    if group == "’":
        typed = typed.replace("'", group)  # `1'200` where the locale writes `1’200`
    try:
        return parse_decimal(typed, locale=locale, strict=True)
    except NumberFormatError:
        pass
    if typed.count(group) == 1 and decimal not in typed:
        meant = raw.replace(core.strip(), typed.replace(group, decimal), 1)
        raise ValueError(
            f"'{_said(raw)}': did you mean {meant}? ('{group}' separates thousands, as in "
            f"1{group}200, and decimals follow '{decimal}')"
        )
    if group in typed:
        raise ValueError(
            f"'{_said(raw)}' has '{group}' in the wrong place: it separates thousands "
            f"(1{group}200 or 1{group}200{decimal}5)"
        )
    raise NotANumber(f"'{_said(raw)}' is not a number; try {_examples(locale)}")


def _examples(locale: str) -> str:
    group, decimal = _marks(locale)
    return f"1200, 1{group}200, $4{group}800, 12% or 4{decimal}8k"


def _check_currency(symbol: str, unit: str) -> None:
    """Refuse a currency symbol on a key result counted in something else."""
    named = unit.strip().lower()
    if not named:
        return  # a unitless key result: the symbol contradicts nothing
    word = CURRENCIES[symbol][0]
    unit_currency = _currency_of(named)
    if unit_currency == symbol:
        return
    counted = CURRENCIES[unit_currency][0] if unit_currency else _unit_words(unit.strip())
    raise ValueError(f"this key result counts {counted}, not {word}")


def _currency_of(unit: str) -> str | None:
    """The currency symbol a unit names (`$`, `usd`, `dollars`), or None."""
    for symbol, (_, names, _) in CURRENCIES.items():
        if unit == symbol or unit in names:
            return symbol
    return None


def _unit_words(unit: str) -> str:
    return "percent" if unit == "%" else unit


def parse_milestone(text: str, *, locale: str) -> float:
    """A milestone's percent complete: `done`, `60`, `60%`; between 0 and 100."""
    raw = text.strip().lower()
    if raw in ("done", "yes", "complete", "completed", "x"):
        return 100.0
    if raw in ("not started", "no", "none"):
        return 0.0
    value = parse_number(raw, locale=locale)
    if not 0 <= value <= 100:
        raise ValueError("a milestone is between 0% and 100% complete (or 'done')")
    return value


def _decimals(value: float, unit: str = "") -> int:
    """How many decimals `value` is shown with: its own, or a currency's cents if it has any.

    A value is stored as a float, so `4800.50` comes back as 4800.5; money that is not whole
    is shown with its currency's minor digits (`$4,800.50`), anything else with the
    decimals it holds (`12.25%`, `0.125`), at most MOST_DECIMALS.
    """
    exponent = Decimal(repr(round(float(value), MOST_DECIMALS))).normalize().as_tuple().exponent
    own = max(0, -exponent) if isinstance(exponent, int) else 0
    if own and unit in CURRENCIES:
        return max(own, CURRENCIES[unit][2])
    return own


@cache
def _pattern(locale: str, places: int) -> NumberPattern:
    """The locale's own decimal pattern (its grouping), showing exactly `places` decimals."""
    from babel import Locale
    from babel.numbers import parse_pattern

    # A copy: Babel hands out the locale's shared pattern object.
    pattern = copy(parse_pattern(Locale.parse(locale).decimal_formats[None]))
    pattern.frac_prec = (places, places)
    return pattern


def format_number(value: float | None, unit: str = "", locale: str = DEFAULT_LOCALE) -> str:
    """A number for display in the team's locale: grouped, its decimals kept, unit placed."""
    if value is None:
        return "—"
    places = _decimals(value, unit)
    if locale == DEFAULT_LOCALE:
        text = f"{abs(value):,.{places}f}"  # Babel's `en` pattern, without loading Babel
    else:
        text = _pattern(locale, places).apply(Decimal(repr(abs(float(value)))), locale)
    sign = "-" if value < 0 and any(c in "123456789" for c in text) else ""
    if unit in CURRENCIES:
        return f"{sign}{unit}{text}"
    if unit == "%":
        return f"{sign}{text}%"
    return f"{sign}{text} {unit}" if unit else f"{sign}{text}"
