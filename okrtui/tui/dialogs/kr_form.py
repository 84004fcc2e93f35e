"""Add a key result to an objective, or edit one; the fields follow the kind."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Select

from okrtui.domain.ids import new_id
from okrtui.domain.models import MAINTAIN_KINDS, KeyResult, KRKind, Objective
from okrtui.domain.numbers import DEFAULT_LOCALE, format_number
from okrtui.tui.dialogs.form import FormDialog
from okrtui.tui.widgets.text_input import TextInput

KIND_LABELS: dict[KRKind, str] = {
    "increase": "increase — move a number up to a target",
    "decrease": "decrease — move a number down to a target",
    "maintain_min": "maintain_min — stay at or above a threshold",
    "maintain_max": "maintain_max — stay at or below a threshold",
    "milestone": "milestone — done or a percent complete",
}
# Which fields each kind shows; the others are hidden and ignored.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "increase": ("unit", "baseline", "target"),
    "decrease": ("unit", "baseline", "target"),
    "maintain_min": ("unit", "threshold"),
    "maintain_max": ("unit", "threshold"),
    "milestone": (),
}
NUMBER_HINT = "e.g. 500, 1,200, $4,800, 4.8k"


class KeyResultForm(FormDialog[KeyResult]):
    """Title, kind, and the numbers that kind needs: baseline/target, threshold, or none."""

    def __init__(self, objective: Objective, kr: KeyResult | None = None) -> None:
        super().__init__()
        self.objective = objective
        self.kr = kr
        self.heading = "New key result" if kr is None else "Key result"

    @property
    def locale(self) -> str:
        """The locale of the objective's team: numbers are typed and shown in it."""
        teams = self.repository.teams(include_archived=True)
        team = next((t for t in teams if t.id == self.objective.team_id), None)
        return team.locale if team else DEFAULT_LOCALE

    def fields(self) -> ComposeResult:
        kr = self.kr
        locale = self.locale

        def _shown(value: float | None) -> str:
            return "" if value is None else format_number(value, locale=locale)

        yield from self.field("Title", self.text_input(KeyResult, "title", kr.title if kr else ""))
        yield from self.field(
            "Kind",
            Select[str](
                [(label, kind) for kind, label in KIND_LABELS.items()],
                value=kr.kind if kr else "increase",
                allow_blank=False,
                id="kind",
            ),
        )
        yield from self.field(
            "Unit",
            self.text_input(KeyResult, "unit", kr.unit if kr else "", placeholder="members, $, %"),
        )
        numeric = kr is not None and kr.kind in ("increase", "decrease")
        yield from self.field(
            "Baseline", TextInput(_shown(kr.baseline) if kr else "", id="baseline"), NUMBER_HINT
        )
        yield from self.field(
            "Target",
            TextInput(_shown(kr.target) if numeric and kr else "", id="target"),
            NUMBER_HINT,
        )
        held = kr is not None and kr.kind in MAINTAIN_KINDS
        yield from self.field(
            "Threshold",
            TextInput(_shown(kr.target) if held and kr else "", id="threshold"),
            NUMBER_HINT,
        )
        yield from self.field(
            "Weight",
            TextInput(_shown(kr.weight) if kr else "1", id="weight"),
            "in the objective's score",
        )

    def on_mount(self) -> None:
        self._follow_kind()
        super().on_mount()

    @property
    def kind(self) -> str:
        """The chosen kind."""
        value = self.query_one("#kind", Select).value
        return value if isinstance(value, str) else "increase"

    def _follow_kind(self) -> None:
        shown = KIND_FIELDS[self.kind]
        for name in ("unit", "baseline", "target", "threshold"):
            self.query_one(f"#{name}-field").display = name in shown

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            self._follow_kind()

    def field_for(self, model_field: str) -> str:
        if model_field in ("target", "") and self.kind in MAINTAIN_KINDS:
            return "threshold"
        if model_field == "":
            return "target" if self.kind != "milestone" else "title"
        return model_field

    def build(self) -> KeyResult:
        kind = self.kind
        shown = KIND_FIELDS[kind]
        locale = self.locale
        unit = self.text("unit") if "unit" in shown else ""
        data: dict[str, Any] = {
            "id": self.kr.id if self.kr else new_id("kr"),
            "title": self.text("title"),
            "kind": kind,
            "unit": unit,
            "weight": self.number("weight", required=False, locale=locale) or 1.0,
            "archived": self.kr.archived if self.kr else False,
        }
        if "baseline" in shown:
            data["baseline"] = self.number("baseline", locale=locale, unit=unit)
            data["target"] = self.number("target", locale=locale, unit=unit)
        elif "threshold" in shown:
            data["target"] = self.number("threshold", locale=locale, unit=unit)
        return KeyResult.model_validate(data)

    def save(self, result: KeyResult) -> None:
        # Re-read the objective so other key results edited since the form opened are kept.
        def put(objective: Objective) -> Objective:
            # The objective as it is now: key results edited elsewhere meanwhile are kept.
            krs = [result if kr.id == result.id else kr for kr in objective.key_results]
            if all(kr.id != result.id for kr in objective.key_results):
                krs.append(result)
            return objective.model_copy(update={"key_results": krs})

        self.repository.update_objective(self.objective.id, put)
