"""Text people type: what it may contain, and how to show text that came from a file.

Control characters (C0 and C1 except tab and newline, DEL, ESC sequences) and the bidi
overrides and isolates can clear a terminal or reorder what a reader sees, so they are
refused wherever a person types text (forms, steps, plan files, the command line).

Records read back from a data file were accepted by an earlier version: the store validates
them with `STORED` as pydantic's context, which lets such characters through, and every
place that shows stored text passes it through `escape_control` first.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationInfo

# Pydantic validation context of records read from (or written to) a data file.
STORED: dict[str, Any] = {"stored": True}

_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROL_OR_NEWLINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}]")


def control_character(value: str, multiline: bool = True) -> str | None:
    """The first character of `value` that may not be typed, written visibly; None if none."""
    pattern = _CONTROL if multiline else _CONTROL_OR_NEWLINE
    found = pattern.search(value)
    return None if found is None else _visible(found.group())


def escape_control(value: str, unicode_escapes: bool = False) -> str:
    """`value` with every control character written visibly (`\\x1b`), for showing it.

    With `unicode_escapes`, as `\\u001b`: inside a TOML or JSON string that reads back as
    the character itself.
    """
    if unicode_escapes:
        return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    return _CONTROL.sub(lambda m: _visible(m.group()), value)


def one_line(value: str) -> str:
    """`value` escaped and on one line (newlines shown as `\\n`), for a table row."""
    return escape_control(value).replace("\n", "\\n")


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def check_multiline(value: str, info: ValidationInfo) -> str:
    """Pydantic validator: refuse control characters in typed text (newlines allowed)."""
    return _check(value, info, multiline=True)


def check_single_line(value: str, info: ValidationInfo) -> str:
    """Pydantic validator: refuse control characters and newlines in typed text."""
    return _check(value, info, multiline=False)


def control_problem(value: str, multiline: bool = True) -> str | None:
    """Why `value` may not be typed (`cannot contain a line break`); None when it may."""
    bad = control_character(value, multiline)
    if bad is None:
        return None
    what = "a line break" if bad == "\\x0a" else f"the control character {bad}"
    return f"cannot contain {what}"


def _check(value: str, info: ValidationInfo, multiline: bool) -> str:
    if info.context is not None and info.context.get("stored"):
        return value
    problem = control_problem(value, multiline)
    if problem is not None:
        raise ValueError(problem)
    return value
