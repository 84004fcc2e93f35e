"""Calendar quarters as OKR periods: `2026-Q4`, their days and week numbers."""

from __future__ import annotations

import re
from datetime import date, timedelta

QUARTER_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


def parse_quarter(quarter: str) -> tuple[int, int]:
    """Return (year, number) of a quarter string like `2026-Q4`."""
    match = QUARTER_PATTERN.match(quarter)
    if not match:
        raise ValueError(f"'{quarter}' is not a quarter; write it like 2026-Q4")
    return int(match.group(1)), int(match.group(2))


def is_quarter(text: str) -> bool:
    """True when `text` is a well-formed quarter string."""
    return QUARTER_PATTERN.match(text) is not None


def quarter_of(day: date) -> str:
    """The quarter a day falls in."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_start(quarter: str) -> date:
    """First day of a quarter."""
    year, number = parse_quarter(quarter)
    return date(year, 3 * (number - 1) + 1, 1)


def quarter_end(quarter: str) -> date:
    """Last day of a quarter."""
    return quarter_start(next_quarter(quarter)) - timedelta(days=1)


def next_quarter(quarter: str) -> str:
    """The quarter after this one."""
    year, number = parse_quarter(quarter)
    return f"{year + 1}-Q1" if number == 4 else f"{year}-Q{number + 1}"


def previous_quarter(quarter: str) -> str:
    """The quarter before this one."""
    year, number = parse_quarter(quarter)
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


def week_of_quarter(day: date) -> int:
    """Week number of a day within its quarter, starting at 1 on the quarter's first day."""
    return (day - quarter_start(quarter_of(day))).days // 7 + 1


def quarter_days(quarter: str) -> int:
    """Number of days in a quarter."""
    return (quarter_end(quarter) - quarter_start(quarter)).days + 1


def weeks_left(quarter: str, day: date) -> int:
    """Whole weeks of `quarter` still to come after `day`: 0 in its last seven days or later."""
    end = quarter_end(quarter)
    if day > end:
        return 0
    return (end - max(day, quarter_start(quarter) - timedelta(days=1))).days // 7
