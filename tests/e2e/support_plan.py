"""The Support team's plan the real-terminal tests import: members and key results by choice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from okrtui.domain.quarters import quarter_of

# Each key result as the plan file writes it, by id.
KEY_RESULTS = {
    "kr-upsell": """
title = "Move 2,000 customers to premium support"
kind = "increase"
unit = "customers"
baseline = 0
target = 2000""",
    "kr-price": """
title = "Keep the average premium price at or above $4,500"
kind = "maintain_min"
unit = "$"
threshold = 4500""",
    "kr-nps": """
title = "Raise premium NPS from 30 to 50"
kind = "increase"
baseline = 30
target = 50""",
    "kr-churn": """
title = "Cut premium churn from 8% to 4%"
kind = "decrease"
unit = "%"
baseline = 8
target = 4""",
}


def support_plan(members: list[tuple[str, str]], key_results: list[str]) -> str:
    """The plan file: the Support team with `members` (id, name) and this quarter's objective
    with the key results named (by id)."""
    people = ",\n".join(f'    {{ id = "{id_}", name = "{name}" }}' for id_, name in members)
    krs = "".join(
        f'\n[[objectives.key_results]]\nid = "{kr}"{KEY_RESULTS[kr]}\n' for kr in key_results
    )
    return f"""
[[teams]]
id = "support"
name = "Support"
members = [
{people}
]

[[objectives]]
team = "support"
quarter = "{quarter_of(date.today())}"
title = "Make premium support pay for itself"
{krs}"""


def write_plan(tmp_path: Path, members: list[tuple[str, str]], key_results: list[str]) -> Path:
    """The plan file written in `tmp_path`, for `okrtui plan import`."""
    plan = tmp_path / "plan.toml"
    plan.write_text(support_plan(members, key_results), encoding="utf-8")
    return plan
