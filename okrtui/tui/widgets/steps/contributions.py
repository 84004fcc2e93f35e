"""Contributions & celebrations: who did what for which key result, grouped by key result."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import match_kr, match_member, upsert_item
from okrtui.domain.models import Contribution, Member
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.steps.base import field
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list
from okrtui.tui.widgets.text_input import TextInput

# Who did something: a member's name as the plan keeps it.
MEMBER_NAME = Fills(Member, "name", "The name")
ANY_MEMBER_NAME = Fills(Member, "name", "The name", blank_allowed=True)


def kr_legend(context_snapshots: list[Any]) -> Text:
    """Key results by number, for fields that take a key result (plain text)."""
    lines = [f"{n} {_short(s.kr.title)}" for n, s in enumerate(context_snapshots, start=1)]
    return Text(escape_control("KRs: " + " · ".join(lines)))


def _short(title: str, width: int = 26) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


class ContributionsStep(EntryListStep):
    """Member (type-ahead, present first), key result or general, what they did; `c` celebrates."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("c", "celebrate", "Celebrate")]
    FIELD = "contributions"
    ENTRY_NAME = "contribution"
    FORM_FIELDS = ("contrib-member", "contrib-kr", "contrib-text")
    EMPTY = "No contributions yet. Who did what for the team this week?"

    def compose(self) -> ComposeResult:
        listing, empty = entries_list()
        yield Label(
            "By key result (on the list: c celebrate · e edit · Delete)", classes="field-label"
        )
        yield listing
        yield empty
        names = list(self.context.present_names().values())
        yield from field(
            "Who",
            TextInput(
                fills=MEMBER_NAME,
                placeholder="a name (→ accepts the suggestion)",
                id="contrib-member",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
        )
        yield from field(
            "Key result", Input(placeholder="its number; blank = general", id="contrib-kr")
        )
        yield Static(kr_legend(self.context.snapshots), classes="hint legend")
        yield from field(
            "What",
            TextInput(
                fills=Fills(Contribution, "text", "What they did"),
                placeholder="what they did; Enter adds",
                id="contrib-text",
            ),
        )

    def check_field(self, field_id: str) -> None:
        session = self.context.session
        value = self.form_field(field_id).value
        try:
            if field_id == "contrib-member":
                member = match_member(value, session.member_names, session.present_ids)
                self.query_one("#contrib-member", Input).value = session.member_name(member)
            elif field_id == "contrib-kr":
                match_kr(value, session.kr_snapshots)
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None

    def build_item(self, item_id: str | None) -> Contribution:
        for field_id in ("contrib-member", "contrib-kr"):
            self.check_field(field_id)
        session = self.context.session
        member = match_member(
            self.query_one("#contrib-member", Input).value,
            session.member_names,
            session.present_ids,
        )
        kr_id = match_kr(self.query_one("#contrib-kr", Input).value, session.kr_snapshots)
        text = self.query_one("#contrib-text", TextInput).checked()
        old = next((c for c in session.contributions if c.id == item_id), None)
        return Contribution(
            id=item_id or new_id("ct"),
            member_id=member,
            kr_id=kr_id,
            text=text,
            celebrated=old.celebrated if old else False,
        )

    def load_form(self, item: Contribution) -> None:
        session = self.context.session
        self.query_one("#contrib-member", Input).value = session.member_name(item.member_id)
        numbers = [s.kr.id for s in session.kr_snapshots]
        self.query_one("#contrib-kr", Input).value = (
            str(numbers.index(item.kr_id) + 1) if item.kr_id in numbers else ""
        )
        self.query_one("#contrib-text", TextInput).show_stored(item.text)

    def groups(self, items: list[Contribution]) -> list[tuple[str, list[Contribution]]]:
        snapshots = self.context.session.kr_snapshots
        known = {s.kr.id for s in snapshots}
        grouped = [
            (f"KR {n}: {s.kr.title}", [c for c in items if c.kr_id == s.kr.id])
            for n, s in enumerate(snapshots, start=1)
        ]
        grouped.append(("General", [c for c in items if c.kr_id not in known]))
        return grouped

    def describe(self, item: Contribution) -> str:
        star = "★ " if item.celebrated else ""
        return f"{star}{self.context.session.member_name(item.member_id)}: {item.text}"

    def action_celebrate(self) -> None:
        """Mark the highlighted contribution celebrated (or not)."""
        item = self._highlighted()
        if item is None:
            return
        changed = item.model_copy(update={"celebrated": not item.celebrated})
        what = "celebrated" if changed.celebrated else "no longer celebrated"
        self.commit(
            upsert_item(self.context.session, "contributions", changed), f"contribution {what}"
        )
        self.show_step()

    def required_fields(self) -> tuple[str, ...]:
        return ("contrib-member", "contrib-text")
