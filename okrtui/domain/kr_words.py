"""A key result in words: its title, its target and the path to it, a value with its unit.

Every screen and every minutes format words a key result through these functions, so the
home screen, the meeting and the minutes never say the same number two ways.
"""

from __future__ import annotations

from typing import Protocol

from okrtui.domain.models import KRKind
from okrtui.domain.numbers import DEFAULT_LOCALE, format_number
from okrtui.domain.units import PERCENT, is_symbol

NONE = "—"
UNTITLED = "(untitled key result)"
DONE = "done"


class WordedKR(Protocol):
    """What wording needs of a key result: a plan's, a snapshot's or a draft's."""

    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> KRKind: ...
    @property
    def unit(self) -> str: ...
    @property
    def baseline(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...


def title(kr: WordedKR, untitled: str = UNTITLED) -> str:
    """The key result's title, or what to show while it has none (a fresh draft)."""
    return kr.title or untitled


def kind_word(kind: KRKind) -> str:
    """The kind as a word or two: `increase`, `maintain min`."""
    return kind.replace("_", " ")


def value(
    kr: WordedKR, number: float | None, word_unit: bool = True, locale: str = DEFAULT_LOCALE
) -> str:
    """A value in the key result's unit (`226 members`, `$4,880`), a milestone's as a percent.

    Shown in `locale` (a team's), the default English grouping otherwise.

    With `word_unit` false a word unit is left out, for a line that says it once after the
    target (`226 / 500 members`); symbols such as `$` and `%` always stay.
    """
    if number is None:
        return NONE
    if kr.kind == "milestone":
        return format_number(number, PERCENT, locale)
    unit = kr.unit if word_unit or is_symbol(kr.unit) else ""
    return format_number(number, unit, locale)


def target(kr: WordedKR, locale: str = DEFAULT_LOCALE) -> str:
    """The target for a column or beside a value: `500 members`, `≥ $4,800`, `done`."""
    if kr.kind == "milestone":
        return DONE
    text = format_number(kr.target, kr.unit, locale)
    if kr.kind == "maintain_min":
        return f"≥ {text}"
    if kr.kind == "maintain_max":
        return f"≤ {text}"
    return text


def goal(kr: WordedKR) -> str:
    """What the key result asks in a phrase: `0 → 500 members`, `at least $4,800`, `milestone`."""
    if kr.kind == "milestone":
        return "milestone"
    end = format_number(kr.target, kr.unit)
    if kr.kind == "maintain_min":
        return f"at least {end}"
    if kr.kind == "maintain_max":
        return f"at most {end}"
    # A word unit is said once, at the end; a symbol belongs to each number.
    start = format_number(kr.baseline, kr.unit if is_symbol(kr.unit) else "")
    return f"{start} → {end}"


def change(kr: WordedKR, amount: float | None, locale: str = DEFAULT_LOCALE) -> str:
    """A signed change in the key result's unit: `+20 members`, `−$30`, `±0`; points for a milestone."""
    if amount is None:
        return NONE
    if kr.kind == "milestone":
        return f"{amount:+g} pts"
    if amount == 0:
        return "±0"
    text = format_number(abs(amount), kr.unit, locale)
    return f"+{text}" if amount > 0 else f"−{text}"
