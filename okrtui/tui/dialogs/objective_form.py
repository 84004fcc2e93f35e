"""Add an objective to a team's quarter, or edit one."""

from __future__ import annotations

from textual.app import ComposeResult

from okrtui.domain.ids import new_id
from okrtui.domain.models import Objective
from okrtui.tui.dialogs.form import FormDialog


class ObjectiveForm(FormDialog[Objective]):
    """An objective's title, description and what it aligns to."""

    model_error_field = "title"

    def __init__(self, team_id: str, quarter: str, objective: Objective | None = None) -> None:
        super().__init__()
        self.team_id = team_id
        self.quarter = quarter
        self.objective = objective
        self.heading = (
            f"New objective for {quarter}" if objective is None else f"Objective ({quarter})"
        )

    def fields(self) -> ComposeResult:
        objective = self.objective
        yield from self.field(
            "Title", self.text_input(Objective, "title", objective.title if objective else "")
        )
        yield from self.field(
            "Description",
            self.text_input(Objective, "description", objective.description if objective else ""),
        )
        yield from self.field(
            "Aligned to",
            self.text_input(Objective, "aligned_to", objective.aligned_to if objective else ""),
            "the company objective it serves",
        )

    def build(self) -> Objective:
        objective = self.objective
        # Only what was typed is checked: stored key results keep what they hold.
        typed = Objective.model_validate(
            {
                "id": objective.id if objective else new_id("obj"),
                "team_id": self.team_id,
                "quarter": self.quarter,
                "title": self.text("title"),
                "description": self.text("description"),
                "aligned_to": self.text("aligned_to"),
            }
        )
        if objective is None:
            return typed
        return objective.model_copy(
            update={
                "title": typed.title,
                "description": typed.description,
                "aligned_to": typed.aligned_to,
            }
        )

    def save(self, result: Objective) -> None:
        if self.objective is None:
            self.repository.save_objective(result)
            return
        typed = result.model_dump(include={"title", "description", "aligned_to"})
        # Only what was typed changes: key results edited elsewhere meanwhile are kept.
        self.repository.update_objective(result.id, lambda now: now.model_copy(update=typed))
