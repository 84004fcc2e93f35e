"""Trainings held: every mini-training of the quarter with presenter, minutes and attendance."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from okrtui.domain.quarter_rollup import training_minutes, trainings_held
from okrtui.domain.text import one_line
from okrtui.tui.widgets.quarterly.base import QuarterlyStep


class TrainingsHeldStep(QuarterlyStep):
    """A table of the quarter's mini-trainings and their total."""

    def compose(self) -> ComposeResult:
        yield Static("The mini-trainings the team gave itself this quarter.", classes="hint")
        yield DataTable(id="trainings-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="trainings-total", classes="total")

    def on_mount(self) -> None:
        table = self.query_one("#trainings-table", DataTable)
        table.add_columns("Week", "Topic", "Presenter", "Min", "Came", "Who")
        self.show_step()

    def focus_first(self) -> None:
        self.move_to(self.query_one("#trainings-table", DataTable))

    def show_step(self) -> None:
        held = trainings_held(self.rollup_sessions())
        table = self.query_one("#trainings-table", DataTable)
        table.clear()
        for t in held:
            # Plain text: a table reads a string cell as markup.
            table.add_row(
                str(t.week or t.date.isoformat()),
                Text(one_line(t.topic)),
                Text(one_line(t.presenter)),
                str(t.minutes),
                t.attendance,
                Text(one_line(", ".join(t.attendees) or "nobody")),
            )
        total = self.query_one("#trainings-total", Static)
        if held:
            count = "1 training" if len(held) == 1 else f"{len(held)} trainings"
            total.update(f"Total: {count}, {training_minutes(held)} minutes")
        else:
            total.update("No mini-trainings were held this quarter.")
