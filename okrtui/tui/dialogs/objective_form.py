"""Add an objective to a team's quarter, or edit one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

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
        yield from self.field("Title", Input(objective.title if objective else "", id="title"))
        yield from self.field(
            "Description",
            Input(objective.description if objective else "", id="description"),
            "optional",
        )
        yield from self.field(
            "Aligned to",
            Input(objective.aligned_to if objective else "", id="aligned_to"),
            "optional: the company objective it serves",
        )

    def build(self) -> Objective:
        base = (
            self.objective.model_dump()
            if self.objective
            else {"id": new_id("obj"), "team_id": self.team_id, "quarter": self.quarter}
        )
        return Objective.model_validate(
            {
                **base,
                "title": self.text("title"),
                "description": self.text("description"),
                "aligned_to": self.text("aligned_to"),
            }
        )

    def save(self, result: Objective) -> None:
        if self.objective is not None:
            # Keep key results edited elsewhere since the form opened.
            current = next(
                (o for o in self.repository.objectives(include_archived=True) if o.id == result.id),
                None,
            )
            if current is not None:
                result = result.model_copy(update={"key_results": current.key_results})
        self.repository.save_objective(result)
