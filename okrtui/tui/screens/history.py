"""The history screen: every meeting of every quarter, newest first, filtered and searched.

Quarter files are read one at a time: the newest on opening, older ones as the cursor reaches
the end of the list, as `o` asks, or as a filter or search needs more rows to show. Only the
chosen team's meetings of a quarter are loaded; choosing another team (or any team) loads
theirs from the quarters already read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from okrtui.domain.models import Session
from okrtui.minutes.search import contains_all, haystack, words
from okrtui.store import StoreError
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.session_table import SessionTable, meeting_label

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# Filling the list after a filter change stops once this many rows show.
ENOUGH_ROWS = 20


class HistoryScreen(Screen[None]):
    """Past and unfinished meetings; Enter reads one's minutes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_search", "Search"),
        Binding("r", "resume", "Resume"),
        Binding("a", "amend", "Amend"),
        Binding("d", "delete", "Delete"),
        Binding("e", "export", "Export"),
        Binding("t", "trends", "KR trends"),
        Binding("o", "older", "Older quarter"),
    ]

    def __init__(self, team_id: str | None = None) -> None:
        super().__init__()
        self.start_team_id = team_id
        self.sessions: dict[str, Session] = {}
        self.loaded: list[str] = []
        # Per quarter read: the teams whose meetings are loaded, or None for every team.
        self.loaded_teams: dict[str, set[str] | None] = {}
        self.pending: list[str] = []
        # Filters as last shown: a Changed message that changes nothing reads no file.
        self.shown_filters: tuple[str | None, ...] = ()
        # Each session's searchable text, folded once: typing searches it again and again.
        self.haystacks: dict[str, str] = {}
        # Quarters not read whole but searched, with the words they were searched for.
        self.searched: dict[str, tuple[str, ...]] = {}
        # The meeting being amended from here, reread when this screen shows again.
        self.amending: str | None = None

    @property
    def okr_app(self) -> OkrApp:
        """The app, typed."""
        return cast("OkrApp", self.app)

    def compose(self) -> ComposeResult:
        repository = self.okr_app.repository
        teams = repository.teams(include_archived=True)
        self.team_names = {t.id: t.name for t in teams}
        known = self.start_team_id if self.start_team_id in self.team_names else Select.NULL
        yield Header()
        with Horizontal(id="history-filters"):
            yield Select(
                [(Text(t.name), t.id) for t in teams],
                prompt="Any team",
                value=known,
                id="team",
                compact=True,
            )
            yield Select(
                [("Weekly", "weekly"), ("Quarterly", "quarterly")],
                prompt="Any kind",
                id="kind",
                compact=True,
            )
            yield Select(
                [(q, q) for q in repository.quarters()],
                prompt="Any quarter",
                id="quarter",
                compact=True,
            )
            yield Select(
                [("In progress", "in_progress"), ("Completed", "completed")],
                prompt="Any status",
                id="status",
                compact=True,
            )
            yield Input(placeholder="/ search notes, summaries…", id="search", compact=True)
        yield SessionTable(id="sessions")
        yield Static("", id="history-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.pending = self.okr_app.repository.quarters()
        self._load_next()
        self._show()
        table = self.query_one(SessionTable)
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)

    # -- loading, a quarter at a time -----------------------------------------------------

    def _load(self, quarter: str) -> None:
        """Load the chosen team's meetings of a quarter (every team's when none is chosen).

        A quarter file holds every team's meetings; asking for one team's lets the repository
        validate and keep only those, and the list shows one team's unless asked for more.
        """
        team = self._filter("team")
        teams = self.loaded_teams.get(quarter, set())
        if teams is None or (team is not None and team in teams):
            return
        try:
            found = self.okr_app.repository.sessions(quarter, team)
        except StoreError as exc:
            self.notify(str(exc), title=f"Cannot read {quarter}", severity="error", markup=False)
            found = []
        self.sessions.update((s.id, s) for s in found)
        self.loaded_teams[quarter] = None if team is None else {*teams, team}
        if quarter not in self.loaded:
            self.loaded.append(quarter)
        if quarter in self.pending:
            self.pending.remove(quarter)

    def _load_next(self) -> bool:
        if not self.pending:
            return False
        self._load(self.pending[0])
        return True

    def _filters(self) -> tuple[str | None, ...]:
        names = ("team", "kind", "quarter", "status")
        return (*(self._filter(n) for n in names), self.query_text.strip())

    def _fill(self) -> None:
        """After a filter change: read older quarters until enough rows show (or none is left).

        With search words, quarters not read yet are searched instead of read: only the
        meetings holding the words are loaded, so a search of ten years stays quick.
        """
        if self._filters() == self.shown_filters:
            return
        for quarter in list(self.loaded):  # another team chosen: its meetings of these too
            self._load(quarter)
        if self._filter("quarter") is not None:
            self._load(cast(str, self._filter("quarter")))
            self._show()
            return
        # Count only each newly read quarter's matches: searching everything loaded
        # again after every file would make a search of ten years quadratic.
        passes = self._passes()
        wanted = tuple(words(self.query_text))
        shown = sum(1 for s in self.sessions.values() if passes(s))
        for quarter in list(self.pending):
            if shown >= ENOUGH_ROWS:
                break
            if not wanted:
                self._load(quarter)
            elif self.searched.get(quarter) != wanted:
                self._search(quarter, wanted)
            else:
                continue
            shown += sum(1 for s in self.sessions.values() if s.quarter == quarter and passes(s))
        self._show()

    def _search(self, quarter: str, wanted: tuple[str, ...]) -> None:
        try:
            found = self.okr_app.repository.search_sessions(quarter, list(wanted))
        except StoreError as exc:
            self.notify(str(exc), title=f"Cannot read {quarter}", severity="error", markup=False)
            found = []
        self.sessions.update((s.id, s) for s in found)
        self.searched[quarter] = wanted

    # -- filters --------------------------------------------------------------------------

    def _filter(self, name: str) -> str | None:
        value = self.query_one(f"#{name}", Select).value
        return None if value == Select.NULL else cast(str, value)

    @property
    def query_text(self) -> str:
        """The search box's text."""
        return self.query_one("#search", Input).value

    def _passes(self) -> Callable[[Session], bool]:
        """A test of one session against the current filters and search."""
        team, kind = self._filter("team"), self._filter("kind")
        quarter, status = self._filter("quarter"), self._filter("status")
        wanted = words(self.query_text)

        def passes(s: Session) -> bool:
            return (
                (team is None or s.team_id == team)
                and (kind is None or s.kind == kind)
                and (quarter is None or s.quarter == quarter)
                and (status is None or s.status == status)
                and (not wanted or contains_all(self._haystack(s), wanted))
            )

        return passes

    def _haystack(self, session: Session) -> str:
        found = self.haystacks.get(session.id)
        if found is None:
            found = self.haystacks[session.id] = haystack(session)
        return found

    def shown_sessions(self) -> list[Session]:
        """Loaded sessions that pass every filter, newest first."""
        passes = self._passes()
        shown = [s for s in self.sessions.values() if passes(s)]
        return sorted(shown, key=lambda s: (s.date, s.started_at), reverse=True)

    def _show(self) -> None:
        self.shown_filters = self._filters()
        shown = self.shown_sessions()
        self.query_one(SessionTable).show(shown, self.team_names, self.query_text)
        total = len(self.loaded) + len(self.pending)
        if not total:
            status = "No meetings yet. Start one from home."
        elif self.pending and self._all_searched():
            status = (
                f"{len(shown)} shown · {len(self.loaded)} of {total} quarters read, "
                "the rest searched, nothing older"
            )
        elif self.pending:
            status = (
                f"{len(shown)} shown · {len(self.loaded)} of {total} quarters read · "
                f"o or ↓ at the end reads {self.pending[0]}"
            )
        else:
            quarters = "1 quarter" if total == 1 else f"{total} quarters"
            status = f"{len(shown)} shown · {quarters} read, nothing older"
        self.query_one("#history-status", Static).update(status)

    def _all_searched(self) -> bool:
        wanted = tuple(words(self.query_text))
        return bool(wanted) and all(self.searched.get(q) == wanted for q in self.pending)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(SessionTable).focus()

    def _scrolled(self, scroll_y: float) -> None:
        # Scrolling (wheel or keys) to the bottom of a long list reads the next quarter.
        table = self.query_one(SessionTable)
        if self.pending and table.max_scroll_y > 0 and scroll_y >= table.max_scroll_y:
            self.action_older()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(SessionTable)
        if self.pending and event.cursor_row >= table.row_count - 1 and table.has_focus:
            self.action_older()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._open(str(event.row_key.value))

    # -- actions --------------------------------------------------------------------------

    @property
    def current(self) -> Session | None:
        """The session under the cursor."""
        sid = self.query_one(SessionTable).current_id
        return self.sessions.get(sid) if sid else None

    def _open(self, session_id: str) -> None:
        from okrtui.tui.screens.minutes import MinutesScreen

        self.app.push_screen(MinutesScreen(session_id))

    def action_focus_search(self) -> None:
        """Type to search."""
        self.query_one("#search", Input).focus()

    def action_older(self) -> None:
        """Read the next older quarter."""
        if self._load_next():
            self._show()
        else:
            self.notify("Every quarter is already shown.")

    def action_resume(self) -> None:
        """Continue the meeting under the cursor, if it is unfinished."""
        session = self.current
        if session is None:
            return
        if session.status != "in_progress":
            self.notify("That meeting is finished; Enter shows its minutes.")
            return
        from okrtui.tui.screens import meeting

        meeting.open_meeting(self.okr_app, session.team_id, session.kind)

    def action_amend(self) -> None:
        """Reopen the finished meeting under the cursor to correct it; changes save at once."""
        session = self.current
        if session is None:
            return
        if session.status != "completed":
            self.notify("That meeting is not finished yet; r resumes it.")
            return
        from okrtui.tui.screens import meeting

        self.amending = session.id
        meeting.amend_meeting(self.okr_app, session.id)

    def on_screen_resume(self) -> None:
        """Back from amending a meeting: show it as corrected."""
        session_id, self.amending = self.amending, None
        if session_id is None:
            return
        try:
            session = self.okr_app.repository.session(session_id)
        except StoreError:
            return
        self.sessions[session_id] = session
        self.haystacks.pop(session_id, None)
        self._show()

    def action_delete(self) -> None:
        """Delete the meeting under the cursor, after asking."""
        session = self.current
        if session is None:
            return
        from okrtui.tui.dialogs.delete_session import DeleteSessionDialog

        label = describe(session, self.team_names)

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(session, label)

        self.app.push_screen(DeleteSessionDialog(label), answered)

    def _delete(self, session: Session, label: str) -> None:
        try:
            backup = self.okr_app.repository.delete_session(session.id)
        except StoreError as exc:
            self.notify(str(exc), title="Not deleted", severity="error", markup=False)
            return
        self.sessions.pop(session.id, None)
        self.haystacks.pop(session.id, None)
        self._show()
        where = f" A copy is in {backup}." if backup else ""
        self.notify(f"Deleted {label}.{where}", title="Deleted", markup=False)

    def action_export(self) -> None:
        """Export the minutes of the meeting under the cursor."""
        from okrtui.tui.dialogs.export import open_export

        session = self.current
        if session is not None:
            open_export(self.okr_app, session.id)

    def action_trends(self) -> None:
        """See a key result's check-ins over time."""
        from okrtui.tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen(self._filter("team") or self.start_team_id))


def describe(session: Session, team_names: dict[str, str]) -> str:
    """A meeting named for people: `Sales weekly · W6 of 2026-11-05`."""
    team = team_names.get(session.team_id, session.team_name or session.team_id)
    return f"{team} {meeting_label(session)} of {session.date.isoformat()}"


def open_history(app: OkrApp, team_id: str | None) -> None:
    """Show past sessions, starting filtered to `team_id` when given."""
    app.push_screen(HistoryScreen(team_id))
