"""Turn pydantic's validation errors into sentences a person can act on."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from pydantic_core import ErrorDetails


def location(loc: Sequence[int | str]) -> str:
    """Format an error location as a path: `objectives[0].key_results[2].target`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part:
            path += f".{part}" if path else str(part)
    return path


def plain_message(error: ErrorDetails) -> str:
    """One error's message in plain words, without its location."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field okrtui knows"
    if kind == "string_too_short":
        return "cannot be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "finite_number":
        return "must be a finite number (not NaN, not infinite, not too large to store)"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("string_type",):
        return "must be text"
    if kind in ("list_type",):
        return "must be a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a table of fields"
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    ):
        return "must be a date like 2026-11-25"
    if kind in ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"):
        return "must be a date and time like 2026-11-25T14:30:00"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}"
    if kind == "less_than":
        return f"must be less than {ctx.get('lt')}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "-Q" in pattern:
            return "must be a quarter like 2026-Q4"
        return "may use only letters, digits and - _ . :"
    if kind == "value_error":
        message = str(error["msg"])
        return message.removeprefix("Value error, ")
    return str(error["msg"]).lower()


def describe(exc: ValidationError, prefix: Sequence[int | str] = ()) -> list[str]:
    """Every error of `exc` as `path: message` (or just the message at the top level)."""
    lines = []
    for error in exc.errors():
        where = location([*prefix, *error["loc"]])
        message = plain_message(error)
        lines.append(f"{where}: {message}" if where else message)
    return lines


def first_message(exc: ValidationError) -> str:
    """The first error's message without its path, for a form field's inline hint."""
    errors = exc.errors()
    return plain_message(errors[0]) if errors else str(exc)
