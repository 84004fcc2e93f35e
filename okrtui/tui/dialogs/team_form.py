"""Create a team (with its first members) or rename one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from okrtui.domain.ids import slugify
from okrtui.domain.models import Member, Team
from okrtui.domain.numbers import DEFAULT_LOCALE
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
            "Name", Input(team.name if team else "", id="name", placeholder="Sales")
        )
        yield from self.field(
            "Aligned company objective",
            Input(
                team.aligned_objective if team else "",
                id="aligned_objective",
                placeholder="Increase overall revenue",
            ),
            "optional",
        )
        if team is None:
            members = TextArea(id="members", soft_wrap=False, show_line_numbers=False)
            yield from self.field("Members", members, "one name per line; ctrl+s to save")
        yield from self.field(
            "Number format",
            Input(team.locale if team else DEFAULT_LOCALE, id="locale", placeholder="en"),
            "locale: en 1,200.5 · de 1.200,5",
        )

    def build(self) -> Team:
        if self.team is not None:
            return Team.model_validate(
                {
                    **self.team.model_dump(),
                    "name": self.text("name"),
                    "aligned_objective": self.text("aligned_objective"),
                    "locale": self.text("locale") or DEFAULT_LOCALE,
                }
            )
        names = [line.strip() for line in self.text("members").splitlines() if line.strip()]
        member_ids: set[str] = set()
        members = []
        for name in names:
            if len(name) > 200:
                raise FieldError("members", f"'{name[:20]}…' is too long for a name")
            member_id = unique_slug(name, member_ids, "member")
            member_ids.add(member_id)
            members.append(Member(id=member_id, name=name))
        taken = {t.id for t in self.repository.teams(include_archived=True)}
        return Team(
            id=unique_slug(self.text("name"), taken, "team"),
            name=self.text("name"),
            aligned_objective=self.text("aligned_objective"),
            locale=self.text("locale") or DEFAULT_LOCALE,
            members=members,
        )

    def save(self, result: Team) -> None:
        self.repository.save_team(result)
