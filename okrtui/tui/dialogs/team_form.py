"""Create a team (with its first members) or rename one."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import TextArea

from okrtui.domain.ids import slugify
from okrtui.domain.models import Member, Team
from okrtui.domain.numbers import DEFAULT_LOCALE
from okrtui.domain.text import one_line
from okrtui.domain.validation import first_message
from okrtui.tui.dialogs.form import FieldError, FormDialog


def unique_slug(text: str, taken: set[str], fallback: str) -> str:
    """A readable id from `text` that is not in `taken`."""
    base = slugify(text, fallback)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class TeamForm(FormDialog[Team]):
    """A team's name and aligned company objective; a new team also lists its members."""

    def __init__(self, team: Team | None = None) -> None:
        super().__init__()
        self.team = team
        self.heading = "New team" if team is None else f"Team: {team.name}"

    def fields(self) -> ComposeResult:
        team = self.team
        yield from self.field(
            "Name", self.text_input(Team, "name", team.name if team else "", placeholder="Sales")
        )
        yield from self.field(
            "Aligned company objective",
            self.text_input(
                Team,
                "aligned_objective",
                team.aligned_objective if team else "",
                placeholder="Increase overall revenue",
            ),
        )
        if team is None:
            members = TextArea(id="members", soft_wrap=False, show_line_numbers=False)
            yield from self.field("Members", members, "one name per line; ctrl+s to save")
        yield from self.field(
            "Number format",
            self.text_input(
                Team, "locale", team.locale if team else DEFAULT_LOCALE, placeholder="en"
            ),
            "locale: en 1,200.5 · de 1.200,5",
        )

    def build(self) -> Team:
        if self.team is not None:
            # Only what was typed is checked: the stored members keep what they hold.
            typed = Team.model_validate(
                {
                    "id": self.team.id,
                    "name": self.text("name"),
                    "aligned_objective": self.text("aligned_objective"),
                    "locale": self.text("locale") or DEFAULT_LOCALE,
                }
            )
            return self.team.model_copy(
                update={
                    "name": typed.name,
                    "aligned_objective": typed.aligned_objective,
                    "locale": typed.locale,
                }
            )
        names = [line.strip() for line in self.text("members").splitlines() if line.strip()]
        member_ids: set[str] = set()
        members = []
        for name in names:
            member_id = unique_slug(name, member_ids, "member")
            member_ids.add(member_id)
            try:
                members.append(Member(id=member_id, name=name))
            except ValidationError as exc:
                shown = one_line(name if len(name) <= 20 else name[:20] + "…")
                raise FieldError("members", f"'{shown}' {first_message(exc)}") from None
        taken = {t.id for t in self.repository.teams(include_archived=True)}
        return Team(
            id=unique_slug(self.text("name"), taken, "team"),
            name=self.text("name"),
            aligned_objective=self.text("aligned_objective"),
            locale=self.text("locale") or DEFAULT_LOCALE,
            members=members,
        )

    def save(self, result: Team) -> None:
        if self.team is None:
            self.repository.save_team(result)
            return
        typed = result.model_dump(include={"name", "aligned_objective", "locale"})
        # Only what was typed changes: members added elsewhere meanwhile are kept.
        self.repository.update_team(result.id, lambda now: now.model_copy(update=typed))
