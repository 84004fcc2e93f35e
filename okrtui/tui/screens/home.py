"""The home screen: the chosen team's quarter at a glance, recent sessions, main actions."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, ScrollableContainer, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Select, Static

from okrtui.domain.commitments import OVERDUE_BY, days_late, overdue_days
from okrtui.domain.history import commitment_statuses
from okrtui.domain.models import Objective, Session, Team
from okrtui.domain.quarters import quarter_of, week_of_quarter
from okrtui.domain.scoring import expected_pace
from okrtui.domain.text import escape_control
from okrtui.store import StoreError
from okrtui.tui.watch import DataWatch
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.kr_row import KrRow, KrStatus
from okrtui.tui.widgets.plain_text import cells, plain

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

RECENT_SESSIONS = 8


@dataclass(frozen=True)
class TeamView:
    """What home shows of one team, read in one go (or why it cannot be read)."""

    team_id: str | None
    team: Team | None = None
    quarter: str = ""
    objectives: list[Objective] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    recent: list[Session] = field(default_factory=list)
    pending: Session | None = None
    open_issues: int = 0
    problem: str | None = None

    def compared(self) -> tuple[object, ...]:
        """The records drawn, compared by value to skip redrawing what is already shown."""
        if self.team is None:
            return (self.team_id, self.problem)
        return (
            self.team,
            self.quarter,
            *self.objectives,
            None,
            *self.sessions,
            None,
            *self.recent,
            self.pending,
            self.open_issues,
        )


@dataclass
class TeamRead(Message):
    """A worker read the chosen team's records."""

    view: TeamView


def open_issues_line(count: int) -> str:
    """Home's count of the team's open issues."""
    if not count:
        return "No open issues"
    return f"Open issues: {count} (reviewed in each weekly meeting)"


def breakpoint_class(size: int, breakpoints: list[tuple[int, str]]) -> str:
    """The class of the widest breakpoint that `size` reaches, as Textual chooses it."""
    return max((b for b in breakpoints if size >= b[0]), default=(0, ""))[1]


class HomeScreen(Screen[None]):
    """The team's objectives with each key result's progress, and its recent meetings."""

    # Textual declares these without ClassVar, so mypy refuses the annotation ruff asks for.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]  # noqa: RUF012
    # The arrow keys scroll the whole page on a small terminal.
    AUTO_FOCUS = "#home-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "app.start_weekly_meeting", "Weekly"),
        Binding("r", "app.start_quarterly_review", "Quarterly"),
        Binding("c", "resume", "Continue"),
        Binding("h", "app.browse_history", "History"),
        Binding("p", "app.edit_plan", "Plan"),
        Binding("e", "app.export_minutes", "Export"),
        # Listed by the keys screen and the palette; the footer has no room left at 80 columns.
        Binding("u", "app.my_update", "My update", show=False),
        Binding("t", "next_team", "Next team", show=False),
    ]

    @property
    def okr_app(self) -> OkrApp:
        """The app, typed."""
        return cast("OkrApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="banner", markup=False)
        teams = self.teams()
        # Set here as refresh_home sets them, so the first show restyles nothing afterwards.
        several = len(teams) > 1
        with Horizontal(id="team-bar", classes="-several" if several else None):
            yield Label("Team", id="team-label")
            options = [(plain(t.name), t.id) for t in teams] or [(Text("no team"), "")]
            yield Select[str](options, id="team-select", allow_blank=False, disabled=not several)
            yield Label(id="quarter-label", markup=False)
        with ScrollableContainer(id="home-body"):
            yield VerticalScroll(id="objectives")
            with Vertical(id="recent"):
                yield Label(id="open-issues", classes="section-title", markup=False)
                yield Label("Recent sessions", id="recent-title", classes="section-title")
                yield DataTable[Text](id="recent-table", cursor_type="row", zebra_stripes=True)
                yield Label("Open commitments", id="commitments-title", classes="section-title")
                yield DataTable[Text](
                    id="commitments-table", cursor_type="none", zebra_stripes=True
                )
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Continue" is offered only while a meeting is in progress.
        if action == "resume":
            return self._pending is not None
        return True

    def __init__(self) -> None:
        super().__init__()
        # The breakpoint classes Textual sets on the first resize, set before compose: when
        # they arrive unchanged, the screen's widgets are not all styled a second time.
        width, height = self.app.size
        self.set_classes(
            [
                breakpoint_class(width, self.HORIZONTAL_BREAKPOINTS or []),
                breakpoint_class(height, self.VERTICAL_BREAKPOINTS or []),
            ]
        )
        self._pending: Session | None = None
        self._shown_team: str | None = None
        # What is drawn now (the team's records, compared by value) and the teams offered.
        self._shown: tuple[object, ...] | None = None
        self._shown_teams: list[Team] = []
        self._settled = asyncio.Event()
        self._settled.set()
        self._drawn_once = False

    def on_mount(self) -> None:
        table = self.query_one("#recent-table", DataTable)
        table.add_columns("Date", "Kind", "Week", "Status", "Facilitator")
        # Another okrtui may change the plan or the meetings while home is shown.
        self.data_watch = DataWatch(self, ["plan", "sessions"], self.refresh_home)

    def on_screen_resume(self) -> None:
        # Sent when home first shows, after Mount, and whenever it is back on top: the plan
        # may have changed in the editor, or a meeting may have ended. Drawn here only.
        self.refresh_home()

    def teams(self) -> list[Team]:
        """The teams to choose from."""
        return self.okr_app.repository.teams()

    def refresh_home(self) -> None:
        """Re-read the chosen team's plan and sessions and redraw everything."""
        app = self.okr_app
        teams = self.teams()
        if teams and app.team_id not in {t.id for t in teams}:
            app.team_id = teams[0].id
        select = self.query_one("#team-select", Select)
        with self.prevent(Select.Changed):
            if teams and teams != self._shown_teams:
                select.set_options([(plain(t.name), t.id) for t in teams])
                self._shown_teams = teams
            if app.team_id is not None:
                select.value = app.team_id
        self.query_one("#team-bar").set_class(len(teams) > 1, "-several")
        select.disabled = len(teams) < 2  # hidden, so it must not take the focus either
        # The first show draws at once: the command line read (and checked) that team before
        # the app started. Later ones (back from a meeting, another team) read in a worker.
        self._show_team(app.team_id, wait=not self._drawn_once)
        self._drawn_once = True

    def _quarter(self, team_id: str) -> str:
        """The quarter of today, or the team's latest quarter with objectives."""
        repository = self.okr_app.repository
        quarter = quarter_of(self.okr_app.today)
        if repository.objectives(team_id, quarter):
            return quarter
        quarters = repository.objective_quarters(team_id)
        return quarters[0] if quarters else quarter

    def _show_team(self, team_id: str | None, wait: bool = True) -> None:
        """Read the team's plan and meetings, in a worker unless `wait`, then draw them."""
        if wait:
            self._draw_team(self._read_team(team_id))
            return
        self._settled.clear()
        self._load_team(team_id)

    async def settled(self) -> None:
        """Wait until the chosen team is read and drawn (tests)."""
        await self._settled.wait()

    @work(thread=True, exclusive=True, group="home-team")
    def _load_team(self, team_id: str | None) -> None:
        """In a thread: the team's records, posted back to be drawn on the event loop."""
        self.post_message(TeamRead(self._read_team(team_id)))

    def on_team_read(self, message: TeamRead) -> None:
        # A team chosen meanwhile has a read of its own under way: this one is stale.
        if message.view.team_id == self.okr_app.team_id:
            self._draw_team(message.view)
            self._settled.set()

    def _read_team(self, team_id: str | None) -> TeamView:
        """Everything home shows of a team, read before anything is drawn.

        A data file that cannot be used (another team's broken meeting, say) leaves a plain
        message, not half a team.
        """
        if team_id is None:
            return TeamView(None)
        repository = self.okr_app.repository
        try:
            quarter = self._quarter(team_id)
            return TeamView(
                team_id,
                team=repository.team(team_id),
                quarter=quarter,
                objectives=repository.objectives(team_id, quarter),
                sessions=repository.sessions(quarter, team_id),
                recent=self._recent(team_id),
                pending=repository.in_progress(team_id),
                open_issues=sum(1 for i in repository.issues(team_id) if i.status == "open"),
            )
        except StoreError as exc:
            return TeamView(team_id, problem=str(exc))

    def _draw_team(self, view: TeamView) -> None:
        app = self.okr_app
        team_id, team, quarter, problem = view.team_id, view.team, view.quarter, view.problem
        objectives, sessions, recent, pending = (
            view.objectives,
            view.sessions,
            view.recent,
            view.pending,
        )
        shown = view.compared()
        # Back from a screen that changed nothing shown here (help, a dialog, minutes...):
        # rebuilding every row would cost more than the screen that was visited.
        if shown == self._shown:
            return
        self._shown = shown
        self._shown_team = team_id
        objectives_box = self.query_one("#objectives", VerticalScroll)
        objectives_box.remove_children()
        banner = self.query_one("#banner", Static)
        banner.display = False
        self._pending = None
        if team_id is None:
            objectives_box.mount(Label("No teams yet. Press p to edit the plan."))
            return
        if problem is not None or team is None:
            self._show_unreadable(team_id, problem or "")
            return
        label = f"{escape_control(team.name)} · {quarter}"
        if quarter == quarter_of(app.today):
            pace = expected_pace(quarter, app.today)
            label += f" · week {week_of_quarter(app.today)} · {pace:.0%} of the quarter gone"
        self.query_one("#quarter-label", Label).update(label)
        widgets: list[Label | KrRow] = []
        for objective in objectives:
            widgets.append(Label(plain(objective.title), classes="objective-title"))
            widgets += [
                KrRow(KrStatus.of(kr, sessions, quarter, app.today))
                for kr in objective.active_key_results
            ]
        if not widgets:
            widgets.append(
                Label(f"No objectives for {quarter} yet. Press p to add one.", classes="empty")
            )
        objectives_box.mount_all(widgets)
        self.query_one("#open-issues", Label).update(open_issues_line(view.open_issues))
        self._show_recent(recent)
        self._show_commitments(sessions)
        self._pending = pending
        self.refresh_bindings()
        if pending is not None:
            kind = "weekly meeting" if pending.kind == "weekly" else "quarterly review"
            banner.update(
                f"A {kind} of {pending.date:%d %b %Y} is in progress — press c to continue it."
            )
            banner.display = True

    def _show_unreadable(self, team_id: str, problem: str) -> None:
        """Say why the team cannot be shown; the other teams stay a key away."""
        self.query_one("#quarter-label", Label).update(team_id)
        self.query_one("#objectives", VerticalScroll).mount(
            Label(
                f"This team cannot be shown: {escape_control(problem)}",
                classes="empty",
                markup=False,
            )
        )
        for table_id in ("#recent-table", "#commitments-table"):
            self.query_one(table_id, DataTable).clear()
        self.query_one("#open-issues", Label).update("")
        self.refresh_bindings()

    def _recent(self, team_id: str) -> list[Session]:
        """The team's latest sessions, newest first; reads quarter files until it has enough."""
        recent: list[Session] = []
        for sessions in self.okr_app.repository.iter_sessions(team_id):
            recent += reversed(sessions)
            if len(recent) >= RECENT_SESSIONS:
                break
        return recent[:RECENT_SESSIONS]

    def _show_recent(self, recent: list[Session]) -> None:
        table = self.query_one("#recent-table", DataTable)
        table.clear()
        for session in recent:
            row = (
                f"{session.date:%Y-%m-%d}",
                session.kind,
                str(session.week or ""),
                session.status.replace("_", " "),
                session.facilitator,
            )
            table.add_row(*cells(*row), key=session.id)
        if not recent:
            table.add_row(*cells("no sessions yet", "", "", "", ""))

    def _show_commitments(self, sessions: list[Session]) -> None:
        """Targets and actions still open, so the room sees what was promised and what is late."""
        table = self.query_one("#commitments-table", DataTable)
        statuses = commitment_statuses(sessions)
        today = self.okr_app.today
        rows = [
            (session.member_name(c.owner_id), c.due, overdue_days(c.due, "open", today), c.text)
            for session in sessions
            for c in session.commitments
            if statuses.get(c.id) == "open"
        ]
        late = any(days is not None for _, _, days, _ in rows)
        # The dates and the overdue mark come before the text, which is cut first when short.
        table.clear(columns=True)
        table.add_columns("Who", "Due", *([OVERDUE_BY] if late else []), "What")
        for owner, due, days, text in rows:
            overdue = [days_late(days) if days is not None else ""] if late else []
            table.add_row(*cells(owner, f"{due:%d %b}", *overdue, text))
        if not rows:
            table.add_row(*cells("nothing open", "", ""))

    def on_select_changed(self, event: Select.Changed) -> None:
        # The Select also reports its first value when it mounts: that team is already shown.
        if event.value == self._shown_team:
            return
        if event.select.id == "team-select" and isinstance(event.value, str):
            self.okr_app.team_id = event.value
            self._show_team(event.value, wait=False)

    def action_next_team(self) -> None:
        """Show the next team (wrapping round)."""
        ids = [t.id for t in self.teams()]
        if len(ids) > 1:
            app = self.okr_app
            at = ids.index(app.team_id) if app.team_id in ids else -1
            app.team_id = ids[(at + 1) % len(ids)]
            self.refresh_home()

    def action_resume(self) -> None:
        """Continue the meeting in progress, if there is one."""
        from okrtui.tui.screens.meeting import open_meeting

        app = self.okr_app
        pending = app.repository.in_progress(app.team_id) if app.team_id else None
        if pending is None:
            self.notify("No meeting is in progress.")
            return
        open_meeting(app, pending.team_id, pending.kind, pending.quarter)
