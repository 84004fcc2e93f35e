"""My update: a member adds their own update for the team's next (or current) weekly meeting.

A check-in, a contribution (theirs or someone else's), a win, lesson, blocker or idea, or a
target for next week goes into the team's inbox through `services.updates.compose_update`,
the same function `okrtui update` uses; the facilitator accepts it in the meeting's step.
Below the form: what this person has sent that still waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, Select, Static

from okrtui.domain.confidence import CONFIDENCES, WORDS
from okrtui.domain.limits import FieldProblem, Fills
from okrtui.domain.meeting import match_member
from okrtui.domain.models import CheckIn, Commitment, Contribution, KRSnapshot, Note, Team
from okrtui.domain.text import escape_control
from okrtui.domain.updates import EXPERIENCE_KINDS, Update, UpdateKind, describe_with
from okrtui.services.facilitators import remembered_facilitator
from okrtui.services.identity import current_person, named_by_environment
from okrtui.services.updates import compose_update, key_results
from okrtui.store import StoreError
from okrtui.tui.dialogs.form import FormDialog
from okrtui.tui.widgets.plain_text import plain
from okrtui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# What can be sent, as the kind picker offers it: (words, update kind, experience).
CHOICES: tuple[tuple[str, UpdateKind, str], ...] = (
    ("Check-in of a key result", "checkin", ""),
    ("Contribution", "contribution", ""),
    *((kind.capitalize(), "experience", kind) for kind in EXPERIENCE_KINDS),
    ("Target for next week", "target", ""),
)
# The text field of each kind, filling the model field the meeting keeps it in.
TEXTS: dict[UpdateKind, Fills] = {
    "checkin": Fills(CheckIn, "note", "The note"),
    "contribution": Fills(Contribution, "text", "What they did"),
    "experience": Fills(Note, "text", "The note"),
    "target": Fills(Commitment, "text", "What they commit to"),
}
# The fields each kind shows (the text field is always there).
SHOWN: dict[UpdateKind, tuple[str, ...]] = {
    "checkin": ("kr", "value", "confidence"),
    "contribution": ("whose", "kr"),
    "experience": (),
    "target": ("whose", "kr"),
}
GENERAL = "None (for the team in general)"


def text_id(kind: UpdateKind) -> str:
    """The id of a kind's text field."""
    return f"text-{kind}"


class MyUpdateScreen(FormDialog[Update]):
    """The person's own update: pick what it is, fill it in, ctrl+s sends it to the inbox."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Send"),
        Binding("escape", "cancel", "Back"),
    ]
    AUTO_FOCUS = "#kind"
    model_error_field = "text"

    def __init__(self, team: Team) -> None:
        super().__init__()
        self.team = team
        self.sub_title = "My update"

    @property
    def okr_app(self) -> OkrApp:
        """The app, typed."""
        return cast("OkrApp", self.app)

    @property
    def heading(self) -> str:  # type: ignore[override]
        """Which meeting the update is for."""
        try:
            live = self.repository.in_progress(self.team.id, "weekly")
        except StoreError:
            live = None
        meeting = (
            f"the weekly meeting in progress (week {live.week})"
            if live is not None
            else "the team's next weekly meeting"
        )
        return f"My update for {escape_control(self.team.name)}: {meeting}"

    def snapshots(self) -> list[KRSnapshot]:
        """The key results an update may name, numbered as the meeting numbers them."""
        try:
            return key_results(self.repository, self.team.id, self.okr_app.today)
        except StoreError:
            return []

    def fields(self) -> ComposeResult:
        members = [(plain(m.name), m.id) for m in self.team.active_members]
        if named_by_environment():
            yield from self.field("From", Static(current_person(), id="member", markup=False))
        else:
            chosen = self._known_person()
            yield from self.field(
                "From",
                Select(members, id="member", prompt="Who are you?", value=chosen or Select.NULL),
                "who sends it",
            )
        yield from self.field(
            "What",
            Select(
                [(words, str(i)) for i, (words, _, _) in enumerate(CHOICES)],
                id="kind",
                allow_blank=False,
                value="0",
            ),
        )
        krs = [(plain(f"{n}. {s.kr.title}"), s.kr.id) for n, s in enumerate(self.snapshots(), 1)]
        yield from self.field("Key result", Select(krs, id="kr", prompt=GENERAL))
        yield from self.field("Value", Input(id="value", placeholder="the value now"))
        yield from self.field(
            "Confidence",
            Select([(WORDS[c], c) for c in CONFIDENCES], id="confidence", prompt="Not given"),
        )
        yield from self.field(
            "Whose", Select(members, id="whose", prompt="Mine"), "someone else's, if it is"
        )
        for kind, fills in TEXTS.items():
            yield from self.field(fills.label, TextInput(fills=fills, id=text_id(kind)))
        yield Static("", id="my-update-sent", markup=False)
        yield Label("Sent, waiting for the meeting:", classes="section-title")
        yield Static("", id="my-update-waiting", markup=False)

    def _known_person(self) -> str | None:
        """The member this terminal's person is, when their name says so: the account's
        name, else the team's last facilitator; None to ask."""
        names = {m.id: m.name for m in self.team.active_members}
        for name in (current_person(), remembered_facilitator(self.repository, self.team.id)):
            try:
                return match_member(name, names)
            except ValueError:
                continue
        return None

    def on_mount(self) -> None:
        member = self.query_one("#member")
        if isinstance(member, Select) and not isinstance(member.value, str):
            member.focus()  # who sends it comes first when it is not known
        self._show_kind()
        self._show_waiting()
        super().on_mount()

    @property
    def choice(self) -> tuple[str, UpdateKind, str]:
        """The kind chosen in the picker."""
        value = self.query_one("#kind", Select).value
        return CHOICES[int(str(value))] if isinstance(value, str) else CHOICES[0]

    def _show_kind(self) -> None:
        _, kind, _ = self.choice
        # A check-in is of one key result; the others may be for the team in general.
        self.query_one("#kr", Select).prompt = (
            "Choose the key result" if kind == "checkin" else GENERAL
        )
        for field in ("kr", "value", "confidence", "whose"):
            self.query_one(f"#{field}-field").display = field in SHOWN[kind]
        for other in TEXTS:
            self.query_one(f"#{text_id(other)}-field").display = other == kind

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            self.clear_errors()
            self._show_kind()
        elif event.select.id == "member":
            self._show_waiting()

    def _selected(self, field: str) -> str:
        """A picker's value, "" when blank."""
        value = self.query_one(f"#{field}", Select).value
        return value if isinstance(value, str) else ""

    def _member(self) -> str:
        if named_by_environment():
            return current_person()
        return self._selected("member")

    def field_for(self, model_field: str) -> str:
        # The entry's own model names its text `text` or (a check-in's) `note`.
        if model_field in ("text", "note", ""):
            return text_id(self.choice[1])
        return model_field

    def build(self) -> Update:
        _, kind, experience = self.choice
        if not self._member():
            raise FieldProblem("member", "choose who you are")
        if kind == "checkin" and not self._selected("kr"):
            raise FieldProblem("kr", "choose the key result this check-in is for")
        return compose_update(
            self.repository,
            self.team.id,
            self._member(),
            kind,
            now=self.okr_app.clock().replace(microsecond=0),
            text=self.text(text_id(kind)),
            kr=self._selected("kr"),
            value=self.text("value") if kind == "checkin" else "",
            confidence=self._selected("confidence") if kind == "checkin" else "",
            experience=experience,
            whose=self._selected("whose"),
        )

    def save(self, result: Update) -> None:
        self.repository.submit_update(result)

    def action_save(self) -> None:
        """Send the update and stay, to send another; a problem is said at its field."""
        self.clear_errors()
        try:
            update = self.build()
        except FieldProblem as exc:
            self.show_error(exc.field_id, str(exc))
            return
        except ValidationError as exc:
            self.show_validation(exc)
            return
        except StoreError as exc:  # the plan could not be read to check the update
            self.show_error("", f"Not sent: {exc}")
            return
        try:
            self.save(update)
        except (StoreError, OSError) as exc:
            self.show_error("", f"Not sent: {exc}")
            return
        self.query_one("#my-update-sent", Static).update(
            f"Sent to the team's inbox: {self._describe(update)}"
        )
        for widget in self.query(TextInput):
            widget.show_stored("")
        self.query_one("#value", Input).value = ""
        self._show_waiting()
        self._initial = self.snapshot()  # sent: nothing left to lose on escape

    def _describe(self, update: Update) -> str:
        names = {m.id: m.name for m in self.team.members}
        line = describe_with(
            update, self.snapshots(), lambda m: names.get(m, m), locale=self.team.locale
        )
        return escape_control(line)

    def _show_waiting(self) -> None:
        """What this person has sent that the meeting has not taken yet, oldest first."""
        waiting = self.query_one("#my-update-waiting", Static)
        member = self._member()
        if not member:
            waiting.update("Choose who you are to see what you have sent.")
            return
        try:
            names = {m.id: m.name for m in self.team.active_members}
            sender = match_member(member, names)
            mine = [
                u for u in self.repository.pending_updates(self.team.id) if u.from_member == sender
            ]
        except ValueError:
            waiting.update("Nothing: you are not a member of this team.")
            return
        except StoreError as exc:
            waiting.update(f"Cannot be read: {exc}")
            return
        shown = [f"- {u.submitted_at:%d %b %H:%M} {self._describe(u)}" for u in mine]
        waiting.update(Text("\n".join(shown) or "Nothing yet."))


def open_my_update(app: OkrApp) -> None:
    """Open My update for the chosen team."""
    if app.team_id is None:
        app.notify("Add a team first: press p to edit the plan.")
        return
    try:
        team = app.repository.team(app.team_id)
    except StoreError as exc:
        app.notify(str(exc), title="Cannot open", severity="error", markup=False)
        return
    app.push_screen(MyUpdateScreen(team))
