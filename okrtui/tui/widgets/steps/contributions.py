"""Contributions & celebrations: who did what for which key result, grouped by key result."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
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


# The legend takes at most this many lines while its titles can be shortened to fit.
LEGEND_LINES = 2
LEGEND_MIN_TITLE = 12
LEGEND_LEAD = "KRs: "


def legend_lines(titles: list[str], width: int) -> list[str]:
    """Key results by number, packed into lines of `width` without breaking an entry: titles
    whole when they fit in LEGEND_LINES lines, else shortened only as much as that needs."""

    def packed(title_width: int | None) -> list[str]:
        lines: list[list[str]] = [[]]
        for n, title in enumerate(titles, start=1):
            entry = f"{LEGEND_LEAD if n == 1 else ''}{n} {_short(title, title_width)}"
            if lines[-1] and cell_len(" · ".join([*lines[-1], entry])) > width:
                lines.append([])
            lines[-1].append(entry)
        return [" · ".join(entries) for entries in lines]

    longest = max((len(t) for t in titles), default=0)
    for title_width in [None, *range(longest - 1, LEGEND_MIN_TITLE - 1, -1)]:
        lines = packed(title_width)
        if len(lines) <= LEGEND_LINES:
            return lines
    return packed(LEGEND_MIN_TITLE)


def _short(title: str, width: int | None) -> str:
    return title if width is None or len(title) <= width else title[: width - 1] + "…"


class KRLegend(Static):
    """The key results by number under a field that takes one, as wide as the step allows."""

    def __init__(self, snapshots: list[Any]) -> None:
        self._titles = [escape_control(s.kr.title) for s in snapshots]
        super().__init__(self._drawn(80), classes="hint legend")

    def _drawn(self, width: int) -> Text:
        return Text("\n".join(legend_lines(self._titles, width)))

    def on_resize(self) -> None:
        self.update(self._drawn(self.content_size.width))


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
        yield KRLegend(self.context.snapshots)
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
