"""The home screen: each team's current objectives with their key results' progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from okrtui.domain.history import kr_path
from okrtui.domain.numbers import format_number
from okrtui.domain.quarters import quarter_of
from okrtui.domain.scoring import progress

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp


class HomeScreen(Screen[None]):
    """Teams, their objectives for the quarter and each key result's latest value."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._summary(), id="summary")
        yield Footer()

    def _summary(self) -> str:
        app = cast("OkrApp", self.app)
        repository = app.repository
        teams = repository.teams()
        if not teams:
            return "No teams yet. Import a plan with `okrtui plan import FILE.toml`."
        lines = []
        for team in teams:
            quarters = repository.objective_quarters(team.id)
            quarter = quarter_of(app.today)
            if quarter not in quarters and quarters:
                quarter = quarters[0]
            sessions = repository.sessions(quarter, team.id)
            lines.append(f"[b]{team.name}[/b] — {quarter}")
            for objective in repository.objectives(team.id, quarter):
                lines.append(f"  {objective.title}")
                for kr in objective.active_key_results:
                    path = kr_path(sessions, kr.id)
                    value = path[-1].checkin.value if path else kr.baseline
                    share = progress(kr, value)
                    lines.append(
                        f"    {kr.title}: {format_number(value, kr.unit)} "
                        f"(target {format_number(kr.target, kr.unit)}, {share:.0%})"
                    )
            lines.append("")
        return "\n".join(lines)
