"""Add a member to a team, or rename one."""

from __future__ import annotations

from textual.app import ComposeResult

from okrtui.domain.models import Member, Team
from okrtui.tui.dialogs.form import FormDialog
from okrtui.tui.dialogs.team_form import unique_slug


class MemberForm(FormDialog[Member]):
    """A member's name, role and email; saved into the team at once."""

    def __init__(self, team: Team, member: Member | None = None) -> None:
        super().__init__()
        self.team = team
        self.member = member
        self.heading = f"New member of {team.name}" if member is None else f"Member: {member.name}"

    def fields(self) -> ComposeResult:
        member = self.member
        yield from self.field(
            "Name", self.text_input(Member, "name", member.name if member else "")
        )
        yield from self.field(
            "Role", self.text_input(Member, "role", member.role if member else "")
        )
        yield from self.field(
            "Email", self.text_input(Member, "email", member.email if member else "")
        )

    def build(self) -> Member:
        if self.member is not None:
            member_id = self.member.id
            active = self.member.active
        else:
            member_id = unique_slug(self.text("name"), {m.id for m in self.team.members}, "member")
            active = True
        return Member(
            id=member_id,
            name=self.text("name"),
            role=self.text("role"),
            email=self.text("email"),
            active=active,
        )

    def save(self, result: Member) -> None:
        def put(team: Team) -> Team:
            # The team as it is now: an edit made elsewhere since the form opened is kept.
            members = [result if m.id == result.id else m for m in team.members]
            if team.member(result.id) is None:
                members.append(result)
            return team.model_copy(update={"members": members})

        self.repository.update_team(self.team.id, put)
