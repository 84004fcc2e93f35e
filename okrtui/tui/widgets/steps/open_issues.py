"""Open issues: every blocker still open, with its age; one key per decision."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.domain.issues import (
    Decision,
    IssueAtMeeting,
    age_in_words,
    meeting_issues,
    review_issue,
)
from okrtui.domain.limits import Fills
from okrtui.domain.models import IssueReview, IssueStatus
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import Field, StepWidget, field
from okrtui.tui.widgets.text_input import TextInput

MARKS: dict[Decision | None, str] = {
    None: "[ ] open",
    "raised": "[+] new",
    "kept": "[~] kept open",
    "solved": "[✓] solved",
    "dropped": "[-] dropped",
}


def issue_line(item: IssueAtMeeting, day_of_meeting: date) -> str:
    """One issue as the step lists it: its mark, age, text, owner and resolution."""
    issue = item.issue
    age = age_in_words(issue.raised_on, day_of_meeting)
    owner = f" ({issue.owner_name})" if issue.owner_name else ""
    solved = f" — {item.resolution}" if item.resolution else ""
    return f"{MARKS[item.decision]:<14} {age:<12} {issue.text}{owner}{solved}"


class OpenIssuesStep(StepWidget):
    """The team's open issues: s solved (with a resolution line), k kept open, x dropped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "solve", "Solved"),
        Binding("k", "mark('open')", "Keep open"),
        Binding("x", "mark('dropped')", "Dropped"),
        Binding("escape", "cancel_solve", "Cancel", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.solving: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(
            "s solved · k keep open · x dropped",
            classes="field-label",
        )
        yield OptionList(id="issues-list", classes="entries")
        yield Static("", id="issues-empty", classes="hint")
        yield from field(
            "Resolution",
            TextInput(
                fills=Fills(IssueReview, "resolution", "The resolution"),
                placeholder="after s: how it was solved (optional)",
                id="issue-resolution",
            ),
        )

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        listing = self.query_one("#issues-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        items = meeting_issues(self.context.session)
        day = self.context.session.date
        for item in items:
            line = Text(escape_control(issue_line(item, day)))
            listing.add_option(Option(line, id=item.issue.id))
        self.query_one("#issues-empty", Static).update(
            "" if items else "No open issues. A blocker in Experiences becomes one."
        )
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def focus_first(self) -> None:
        self.query_one("#issues-list", OptionList).focus()

    def _highlighted(self) -> str | None:
        listing = self.query_one("#issues-list", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def _decide(self, issue_id: str, status: IssueStatus, resolution: str = "") -> None:
        listing = self.query_one("#issues-list", OptionList)
        index = listing.highlighted or 0
        what = {"open": "kept open", "solved": "solved", "dropped": "dropped"}[status]
        self.commit(
            review_issue(self.context.session, issue_id, status, resolution), f"issue {what}"
        )
        self.show_step()
        listing.highlighted = min(index + 1, listing.option_count - 1)

    def action_mark(self, status: IssueStatus) -> None:
        """Keep the highlighted issue open (reviewed here) or drop it; on to the next."""
        issue_id = self._highlighted()
        if issue_id is not None:
            self._decide(issue_id, status)

    def action_solve(self) -> None:
        """Ask for the highlighted issue's resolution line (optional); Enter marks it solved."""
        issue_id = self._highlighted()
        if issue_id is None:
            return
        self.solving = issue_id
        self.move_to(self.query_one("#issue-resolution", TextInput))

    def action_cancel_solve(self) -> None:
        """Back to the list without solving."""
        resolution = self.query_one("#issue-resolution", TextInput)
        self.solving = None
        resolution.value = ""
        self.clear_error(resolution)
        self.move_to(self.query_one("#issues-list", OptionList))

    def field_committed(self, field: Field) -> None:
        if field.id != "issue-resolution" or not isinstance(field, TextInput):
            return
        if self.solving is None:
            self.show_error(field, "Press s on an issue of the list first, then type how.")
            return
        text = self.checked_text(field)
        if text is None:
            return
        issue_id, self.solving = self.solving, None
        field.value = ""
        self.move_to(self.query_one("#issues-list", OptionList))
        self._decide(issue_id, "solved", text)

    def leave(self) -> None:
        self.solving = None
        super().leave()
