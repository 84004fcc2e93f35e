"""Importing a plan file into a repository: shared by `okrtui plan import` and the app."""

from __future__ import annotations

from pathlib import Path

from okrtui.domain.plan import Plan, PlanError, merge_plan, parse_plan
from okrtui.store.repository import Repository


def import_plan_file(repository: Repository, file: Path) -> Plan:
    """Parse a plan file and save it; PlanError names the file and what is wrong."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(str(file), ["there is no such file"]) from None
    except IsADirectoryError:
        raise PlanError(str(file), ["is a folder, not a plan file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(str(file), [f"cannot be read ({exc})"]) from None
    current = repository.plan()
    incoming = parse_plan(text, str(file), current)
    merged = merge_plan(current, incoming)
    repository.save_plan(merged)
    return incoming
