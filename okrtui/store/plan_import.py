"""Importing a plan file into a repository: shared by `okrtui plan import` and the app."""

from __future__ import annotations

from pathlib import Path

from okrtui.domain.plan import Plan, PlanError, merge_plan, parse_plan
from okrtui.store.port import Store


def import_plan_file(repository: Store, file: Path) -> Plan:
    """Parse a plan file and save it; PlanError names the file and what is wrong.

    The plan on disk is read, merged with the file and written under one lock, so two
    imports at once (or an import and the plan editor) keep each other's changes.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(str(file), ["there is no such file"]) from None
    except IsADirectoryError:
        raise PlanError(str(file), ["is a folder, not a plan file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(str(file), [f"cannot be read ({exc})"]) from None
    imported: list[Plan] = []

    def merge(current: Plan) -> Plan:
        incoming = parse_plan(text, str(file), current)
        imported.append(incoming)
        return merge_plan(current, incoming)

    repository.update_plan(merge)
    return imported[-1]
