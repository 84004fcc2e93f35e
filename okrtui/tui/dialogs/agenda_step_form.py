"""One step of a team's agenda: a built-in step's title and timebox, or a discussion step."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult

from okrtui.domain.agenda import (
    DEFAULT_DISCUSSION_MINUTES,
    builtin_step,
    team_agenda,
    with_team_agenda,
)
from okrtui.domain.agenda_edits import put_step
from okrtui.domain.models import AgendaStep, SessionKind, Team
from okrtui.tui.dialogs.form import FieldError, FormDialog
from okrtui.tui.widgets.text_input import TextInput


class AgendaStepForm(FormDialog[AgendaStep]):
    """Edit a step of the team's weekly or quarterly agenda, or add a discussion step after
    `after`; saved into the team at once."""

    model_error_field = "title"

    def __init__(
        self,
        team: Team,
        kind: SessionKind,
        step: AgendaStep | None = None,
        after: str | None = None,
    ) -> None:
        super().__init__()
        self.team = team
        self.kind = kind
        self.step = step
        self.after = after
        self.builtin = None if step is None or step.discussion else builtin_step(kind, step.key)
        meeting = "weekly" if kind == "weekly" else "quarterly"
        if step is None:
            self.heading = f"New discussion step of {team.name}'s {meeting} agenda"
        else:
            shown = step.title or (self.builtin.title if self.builtin else step.key)
            self.heading = f"{meeting.capitalize()} agenda step: {shown}"

    @property
    def discussion(self) -> bool:
        """Whether the form edits a discussion step (one of the team's own)."""
        return self.step is None or self.step.discussion

    def fields(self) -> ComposeResult:
        step = self.step
        default_title = self.builtin.title if self.builtin else ""
        default_minutes = self.builtin.minutes if self.builtin else DEFAULT_DISCUSSION_MINUTES
        title = self.text_input(
            AgendaStep, "title", step.title if step else "", placeholder=default_title
        )
        if self.discussion and title.limits is not None:
            # The model asks a discussion step for its title (a built-in one has its own).
            title.limits = replace(title.limits, required=True)
            title.placeholder = "what the room talks about, e.g. Headlines"
        yield from self.field("Title", title, "" if self.discussion else f"blank: {default_title}")
        minutes = TextInput(
            str(step.minutes) if step and step.minutes is not None else "",
            id="minutes",
            placeholder=str(default_minutes),
        )
        yield from self.field("Timebox (minutes)", minutes, f"blank: {default_minutes}")
        if self.discussion:
            yield from self.field(
                "Prompt",
                self.text_input(
                    AgendaStep,
                    "prompt",
                    step.prompt if step else "",
                    placeholder="shown in the step: what to bring, what to decide",
                ),
            )

    def build(self) -> AgendaStep:
        typed = self.text("minutes")
        if typed and not typed.isdigit():
            raise FieldError("minutes", "a timebox is a whole number of minutes, like 10")
        step = AgendaStep(
            key=self.step.key if self.step else "discussion-new",
            discussion=self.discussion,
            title=self.text("title"),
            minutes=int(typed) if typed else None,
            prompt=self.text("prompt") if self.discussion else "",
        )
        try:  # a second discussion of the same title, said at the title
            put_step(self.kind, team_agenda(self.team, self.kind), step, replaces=self._replaces)
        except ValueError as exc:
            raise FieldError("title", str(exc)) from None
        return step

    @property
    def _replaces(self) -> str | None:
        return self.step.key if self.step else None

    def save(self, result: AgendaStep) -> None:
        kind, replaces, after = self.kind, self._replaces, self.after

        def put(team: Team) -> Team:
            # The team as it is now: a change made elsewhere since the form opened is kept.
            own = put_step(kind, team_agenda(team, kind), result, replaces=replaces, after=after)
            return with_team_agenda(team, kind, own)

        self.repository.update_team(self.team.id, put)
