"""Read numbers the way people type them in a meeting: `1,200`, `$4,800`, `12%`, `4.8k`."""

from __future__ import annotations

import re

_SUFFIXES = {"k": 1e3, "m": 1e6, "b": 1e9}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_number(text: str) -> float:
    """Parse a typed number; raise ValueError with a plain message when it is not one."""
    raw = text.strip()
    cleaned = raw.replace(",", "").replace("_", "").replace(" ", "")
    for symbol in "$€£¥%":
        cleaned = cleaned.replace(symbol, "")
    factor = 1.0
    if cleaned[-1:].lower() in _SUFFIXES:
        factor = _SUFFIXES[cleaned[-1].lower()]
        cleaned = cleaned[:-1]
    if not _NUMBER.match(cleaned):
        if not raw:
            raise ValueError("enter a number")
        raise ValueError(f"'{raw}' is not a number; try 1200, 1,200, $4,800, 12% or 4.8k")
    return float(cleaned) * factor


def parse_milestone(text: str) -> float:
    """A milestone's percent complete: `done`, `60`, `60%`; between 0 and 100."""
    raw = text.strip().lower()
    if raw in ("done", "yes", "complete", "completed", "x"):
        return 100.0
    if raw in ("not started", "no", "none"):
        return 0.0
    value = parse_number(raw)
    if not 0 <= value <= 100:
        raise ValueError("a milestone is between 0% and 100% complete (or 'done')")
    return value


def format_number(value: float | None, unit: str = "") -> str:
    """A number for display: thousands separated, unit placed where people expect it."""
    if value is None:
        return "—"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if unit in ("$", "€", "£", "¥"):
        return f"{unit}{text}" if value >= 0 else f"-{unit}{text[1:]}"
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}" if unit else text
