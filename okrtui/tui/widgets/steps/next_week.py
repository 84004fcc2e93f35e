"""Next week's targets & actions: commitments with owner, text, optional key result, due date."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from okrtui.domain.ids import new_id
from okrtui.domain.limits import Fills
from okrtui.domain.meeting import default_due, match_kr, match_member, parse_due
from okrtui.domain.models import Commitment, CommitmentKind
from okrtui.tui.widgets.steps.base import field
from okrtui.tui.widgets.steps.contributions import MEMBER_NAME, KRLegend
from okrtui.tui.widgets.steps.entries import EntryListStep, FieldProblem, entries_list
from okrtui.tui.widgets.text_input import TextInput


def parse_commitment_kind(text: str) -> CommitmentKind:
    """`target` (t) or `action` (a)."""
    typed = text.strip().lower()
    if typed in ("t", "target", "targets"):
        return "target"
    if typed in ("a", "action", "actions"):
        return "action"
    raise ValueError("the kind is t (a person's weekly target) or a (a meeting action)")


class NextWeekStep(EntryListStep):
    """New commitments; due a week after the meeting unless changed."""

    FIELD = "commitments"
    ENTRY_NAME = "commitment"
    # Who owns it first, where a commitment starts; the kind is prefilled.
    FORM_FIELDS = ("commit-owner", "commit-text", "commit-kind", "commit-kr", "commit-due")
    EMPTY = "No commitments yet. What will each of us do next week?"

    def compose(self) -> ComposeResult:
        listing, empty = entries_list()
        yield Label("Commitments (on the list: e edit · Delete)", classes="field-label")
        yield listing
        yield empty
        names = list(self.context.present_names().values())
        yield from field(
            "Owner",
            TextInput(
                fills=MEMBER_NAME,
                placeholder="who commits",
                id="commit-owner",
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
        )
        yield from field(
            "What",
            TextInput(
                fills=Fills(Commitment, "text", "What they commit to"),
                placeholder="the target or action",
                id="commit-text",
            ),
        )
        yield from field(
            "Kind", Input("target", placeholder="t target · a action", id="commit-kind")
        )
        yield from field(
            "Key result", Input(placeholder="its number; blank = none", id="commit-kr")
        )
        yield KRLegend(self.context.snapshots)
        yield from field(
            "Due",
            Input(self._default_due(), placeholder="YYYY-MM-DD or +7; Enter adds", id="commit-due"),
        )

    def _default_due(self) -> str:
        return default_due(self.context.session.date).isoformat()

    def check_field(self, field_id: str) -> None:
        value = self.form_field(field_id).value
        session = self.context.session
        try:
            if field_id == "commit-kind":
                self.query_one("#commit-kind", Input).value = parse_commitment_kind(value)
            elif field_id == "commit-owner":
                member = match_member(value, session.member_names, session.present_ids)
                self.query_one("#commit-owner", Input).value = session.member_name(member)
            elif field_id == "commit-kr":
                match_kr(value, session.kr_snapshots)
            elif field_id == "commit-due":
                parse_due(value, session.date)
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None

    def build_item(self, item_id: str | None) -> Commitment:
        for field_id in self.FORM_FIELDS:
            self.check_field(field_id)
        session = self.context.session

        def value(field_id: str) -> str:
            return self.query_one(f"#{field_id}", Input).value

        old = next((c for c in session.commitments if c.id == item_id), None)
        return Commitment(
            id=item_id or new_id("c"),
            kind=parse_commitment_kind(value("commit-kind")),
            owner_id=match_member(value("commit-owner"), session.member_names, session.present_ids),
            text=self.query_one("#commit-text", TextInput).checked(),
            kr_id=match_kr(value("commit-kr"), session.kr_snapshots),
            due=parse_due(value("commit-due"), session.date),
            status=old.status if old else "open",
        )

    def load_form(self, item: Commitment) -> None:
        session = self.context.session
        numbers = [s.kr.id for s in session.kr_snapshots]
        self.query_one("#commit-kind", Input).value = item.kind
        self.query_one("#commit-owner", Input).value = session.member_name(item.owner_id)
        self.query_one("#commit-text", TextInput).show_stored(item.text)
        self.query_one("#commit-kr", Input).value = (
            str(numbers.index(item.kr_id) + 1) if item.kr_id in numbers else ""
        )
        self.query_one("#commit-due", Input).value = item.due.isoformat()

    def reset_form(self) -> None:
        super().reset_form()
        self.query_one("#commit-kind", Input).value = "target"
        self.query_one("#commit-due", Input).value = self._default_due()

    def groups(self, items: list[Commitment]) -> list[tuple[str, list[Commitment]]]:
        return [
            ("Targets", [c for c in items if c.kind == "target"]),
            ("Actions", [c for c in items if c.kind == "action"]),
        ]

    def describe(self, item: Commitment) -> str:
        owner = self.context.session.member_name(item.owner_id)
        return f"{owner}: {item.text} (due {item.due.isoformat()})"

    def required_fields(self) -> tuple[str, ...]:
        return ("commit-owner", "commit-text")
