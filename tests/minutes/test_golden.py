"""Golden files: the minutes of one weekly and one quarterly meeting, byte for byte.

A changed renderer fails here until the goldens are rewritten on purpose:
`OKRTUI_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/minutes/test_golden.py`, then read the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from okrtui.domain.models import Session
from okrtui.minutes import FORMATS, Format, render
from tests.minutes.cases import quarterly_case, weekly_case

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("OKRTUI_REGENERATE_GOLDEN") == "1"
CASES: dict[str, Callable[[], tuple[Session, list[Session]]]] = {
    "weekly": weekly_case,
    "quarterly": quarterly_case,
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_minutes_match_their_golden_file(case: str, fmt: Format) -> None:
    session, earlier = CASES[case]()
    text = render(session, fmt, earlier)
    golden = GOLDEN / f"{case}.{fmt}"
    if REGENERATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
