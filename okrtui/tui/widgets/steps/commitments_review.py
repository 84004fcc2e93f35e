"""Last week's commitments: every open one from earlier meetings, one key per outcome."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.commitments import overdue_text
from okrtui.domain.history import OpenCommitment, commitments_to_review
from okrtui.domain.meeting import review_commitment
from okrtui.domain.models import CommitmentStatus
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import StepWidget

_MARKS: dict[str, str] = {"open": "[ ] still open", "done": "[✓] done", "dropped": "[-] dropped"}


class CommitmentsReviewStep(StepWidget):
    """Open commitments with owner, due date and how late; d done, x dropped, o still open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "mark('done')", "Done"),
        Binding("x", "mark('dropped')", "Dropped"),
        Binding("o", "mark('open')", "Still open"),
    ]

    def compose(self) -> ComposeResult:
        yield Label(
            "Open commitments from earlier meetings: d done · x dropped · o still open",
            classes="field-label",
        )
        yield OptionList(id="commitments-list", classes="entries")
        yield Static("", id="commitments-empty", classes="hint")

    def on_mount(self) -> None:
        self.show_step()

    def _open(self) -> list[OpenCommitment]:
        session = self.context.session
        return commitments_to_review([*self.context.earlier, session], session)

    def show_step(self) -> None:
        session = self.context.session
        names = {**session.member_names}
        for earlier in self.context.earlier:
            names = {**earlier.member_names, **names}
        listing = self.query_one("#commitments-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        items = self._open()
        for item in items:
            c = item.commitment
            owner = names.get(c.owner_id, c.owner_id)
            # Late as of the meeting's day, while the room has not settled it.
            late = overdue_text(c.due, item.status, session.date)
            facts = f"{c.kind}, due {c.due.isoformat()}" + (f", {late}" if late else "")
            listing.add_option(
                Option(
                    Text(escape_control(f"{_MARKS[item.status]:<15} {owner}: {c.text}  ({facts})")),
                    id=c.id,
                )
            )
        empty = self.query_one("#commitments-empty", Static)
        empty.update("" if items else "No open commitments from earlier meetings.")
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def focus_first(self) -> None:
        self.move_to(self.query_one("#commitments-list", OptionList))

    def action_mark(self, status: CommitmentStatus) -> None:
        """Give the highlighted commitment this status, then move to the next one."""
        listing = self.query_one("#commitments-list", OptionList)
        if listing.highlighted is None:
            return
        index = listing.highlighted
        commitment_id = listing.get_option_at_index(index).id
        if commitment_id is None:
            return
        self.commit(
            review_commitment(self.context.session, commitment_id, status),
            f"commitment {status}",
        )
        self.show_step()
        listing.highlighted = min(index + 1, listing.option_count - 1)
