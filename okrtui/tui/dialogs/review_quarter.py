"""Asked when a quarterly review starts: which quarter to review (teams often review late)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.models import Session
from okrtui.domain.quarters import previous_quarter, quarter_of, quarter_start
from okrtui.store import Store
from okrtui.tui.dialogs.confirm import ConfirmDialog

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


@dataclass(frozen=True)
class QuarterChoice:
    """A quarter that can be reviewed, and what the team has for it."""

    quarter: str
    label: str


def review_choices(repository: Store, team_id: str, current: str) -> list[QuarterChoice]:
    """The current quarter and every earlier one with objectives, newest first."""
    quarters = {q for q in repository.objective_quarters(team_id) if q <= current} | {current}
    choices = []
    for quarter in sorted(quarters, reverse=True):
        objectives = len(repository.objectives(team_id, quarter))
        notes = ["current" if quarter == current else "ended"]
        notes.append(f"{objectives} objective{'s' if objectives != 1 else ''}")
        done = completed_reviews(repository, team_id, quarter)
        if done:
            notes.append(f"reviewed {done[-1].date.isoformat()}")
        choices.append(QuarterChoice(quarter, f"{quarter}  ({', '.join(notes)})"))
    return choices


# Teams review a few days after a quarter closes: in these first days of a quarter, the one
# that just ended is offered first while it has not been reviewed.
LATE_REVIEW_DAYS = 21


def default_choice(repository: Store, team_id: str, today: date) -> str:
    """The quarter to offer first: the current one, unless the last one just ended unreviewed
    (or the current one has no objectives yet, then the latest one that has)."""
    current = quarter_of(today)
    previous = previous_quarter(current)
    late = (today - quarter_start(current)).days < LATE_REVIEW_DAYS
    if (
        late
        and repository.objectives(team_id, previous)
        and not completed_reviews(repository, team_id, previous)
    ):
        return previous
    if repository.objectives(team_id, current):
        return current
    earlier = [q for q in repository.objective_quarters(team_id) if q < current]
    return earlier[0] if earlier else current


class ReviewQuarterDialog(ModalScreen[str | None]):
    """Pick the quarter to review with the arrows and Enter; Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, choices: list[QuarterChoice], default: str) -> None:
        super().__init__(classes="dialog-screen")
        self.choices = choices
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="review-quarter"):
            yield Static(
                "Which quarter does this review look back on? (Enter to start, Esc to cancel)",
                classes="dialog-text",
            )
            yield OptionList(
                *(Option(c.label, id=c.quarter) for c in self.choices), id="quarter-list"
            )

    def on_mount(self) -> None:
        listing = self.query_one("#quarter-list", OptionList)
        listing.highlighted = listing.get_option_index(self.default)
        listing.focus()

    @on(OptionList.OptionSelected, "#quarter-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without starting a review."""
        self.dismiss(None)


def completed_reviews(repository: Store, team_id: str, quarter: str) -> list[Session]:
    """The team's finished reviews of a quarter, oldest first."""
    return [
        s for s in repository.sessions(quarter, team_id, "quarterly") if s.status == "completed"
    ]


def second_review_question(done: list[Session], quarter: str) -> str:
    """What to ask before a quarter that has a finished review is reviewed again."""
    when = " and ".join(s.date.isoformat() for s in done)
    return (
        f"{quarter} was reviewed already ({when}). Start another review of {quarter}? "
        "The finished one stays as it is; to correct it, amend it from history (a)."
    )


def ask_review_quarter(app: OkrApp, team_id: str, then: Callable[[str], None]) -> None:
    """Ask which quarter to review, then call `then` with it (nothing happens on Esc). A
    quarter that has a finished review is reviewed again only after a yes."""
    current = quarter_of(app.today)
    repository = app.repository
    dialog = ReviewQuarterDialog(
        review_choices(repository, team_id, current), default_choice(repository, team_id, app.today)
    )

    def chosen(quarter: str | None) -> None:
        if quarter is None:
            return
        done = completed_reviews(repository, team_id, quarter)
        if not done:
            then(quarter)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                then(quarter)

        app.push_screen(
            ConfirmDialog(second_review_question(done, quarter), yes="Start another", no="Cancel"),
            answered,
        )

    app.push_screen(dialog, chosen)
