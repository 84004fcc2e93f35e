"""Trainings held: every mini-training of the quarter with presenter, minutes and attendance."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static

from okrtui.domain.quarter_rollup import HeldTraining, trainings_held, trainings_total
from okrtui.domain.text import one_line
from okrtui.tui.widgets.quarterly.base import QuarterlyStep

COLUMNS = ("Week", "Topic", "Presenter", "Min", "Came", "Who")


def _week(training: HeldTraining) -> str:
    return str(training.week or training.date.isoformat())


def _stacked(training: HeldTraining) -> Content:
    """One training as two lines: its week and topic, then who gave it, how long, who came."""
    who = ", ".join(training.attendees) or "nobody"
    return Content.assemble(
        (f"Week {_week(training)} · {one_line(training.topic)}", "bold"),
        f"\n{one_line(training.presenter)} · {training.minutes} min · "
        f"came {training.attendance}: {one_line(who)}",
    )


class TrainingsHeldStep(QuarterlyStep):
    """The quarter's mini-trainings and their total: a table where its columns fit, else each
    training stacked on two lines, so nothing is cut on a short terminal."""

    def compose(self) -> ComposeResult:
        yield Static("The mini-trainings the team gave itself this quarter.", classes="hint")
        yield DataTable(id="trainings-table", cursor_type="row", zebra_stripes=True)
        yield OptionList(id="trainings-stacked")
        yield Static("", id="trainings-total", classes="total")

    def on_mount(self) -> None:
        self.query_one("#trainings-table", DataTable).add_columns(*COLUMNS)
        self.query_one("#trainings-stacked").display = False
        self.show_step()

    def _shown(self) -> DataTable[object] | OptionList:
        table = self.query_one("#trainings-table", DataTable)
        return table if table.display else self.query_one("#trainings-stacked", OptionList)

    def focus_first(self) -> None:
        self.move_to(self._shown())

    def on_resize(self, event: events.Resize) -> None:
        # Textual calls the base step's handler too (it fits the labels).
        self._choose_layout()

    def _choose_layout(self) -> None:
        table = self.query_one("#trainings-table", DataTable)
        stacked = self.query_one("#trainings-stacked", OptionList)
        needed = sum(column.get_render_width(table) for column in table.columns.values())
        fits = needed <= self.content_size.width
        if fits == table.display:
            return
        had_focus = self.screen.focused in (table, stacked)
        table.display, stacked.display = fits, not fits
        if had_focus:
            self.move_to(self._shown())

    def show_step(self) -> None:
        held = trainings_held(self.rollup_sessions())
        table = self.query_one("#trainings-table", DataTable)
        table.clear()
        for t in held:
            # Plain text: a table reads a string cell as markup.
            table.add_row(
                _week(t),
                Text(one_line(t.topic)),
                Text(one_line(t.presenter)),
                str(t.minutes),
                t.attendance,
                Text(one_line(", ".join(t.attendees) or "nobody")),
            )
        stacked = self.query_one("#trainings-stacked", OptionList)
        stacked.clear_options()
        stacked.add_options([_stacked(t) for t in held])
        if held:
            stacked.highlighted = 0
        total = self.query_one("#trainings-total", Static)
        if held:
            total.update(f"Total: {trainings_total(held)}")
        else:
            total.update("No mini-trainings were held this quarter.")
        self._choose_layout()
