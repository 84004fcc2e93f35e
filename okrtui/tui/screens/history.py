"""The history screen: every meeting of every quarter, newest first, filtered and searched.

Quarter files are read one at a time: the newest on opening, older ones as the cursor reaches
the end of the list, as `o` asks, or as a filter or search needs more rows to show. Only the
chosen team's meetings of a quarter are loaded; choosing another team (or any team) loads
theirs from the quarters already read.

Files are read in a thread worker, which posts each quarter it read as a message: the
screen keeps taking keys while ten years are searched. A search starts when typing pauses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select, Static
from textual.worker import get_current_worker

from okrtui.domain.issues import raised_issue_ids, solved_issue_ids
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.minutes.search import contains_all, haystack, words
from okrtui.store import Store, StoreError
from okrtui.tui.watch import WATCH_SECONDS, DataWatch
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.plain_text import cell
from okrtui.tui.widgets.session_table import SessionTable, meeting_label
from okrtui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# Filling the list after a filter change stops once this many rows show.
ENOUGH_ROWS = 20
# A search starts once typing has paused this long (seconds), not at every key.
SEARCH_PAUSE = 0.25


@dataclass(frozen=True)
class ReadJob:
    """What a worker reads for the list, decided on the event loop from the screen's state."""

    generation: int
    team: str | None
    wanted: tuple[str, ...]
    # Read whatever the count: quarters already shown for another team, the chosen quarter.
    first: tuple[str, ...]
    # Then read (or, with search words, search) these in order until enough rows show.
    then: tuple[str, ...]
    searched: dict[str, tuple[str, ...]]
    passes: Callable[[Session], bool]
    # The meetings loaded when the job began: only others add to the count.
    known: frozenset[str]
    shown: int


@dataclass
class QuarterRead(Message):
    """A worker read one quarter's meetings (or searched it for `words`)."""

    quarter: str
    team: str | None
    words: tuple[str, ...] | None
    sessions: list[Session] = field(default_factory=list)
    problem: str | None = None


@dataclass
class ReadDone(Message):
    """A worker finished (or gave up, superseded) the job of this generation."""

    generation: int


class HistoryScreen(Screen[None]):
    """Past and unfinished meetings; Enter reads one's minutes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_search", "Search"),
        Binding("r", "resume", "Resume"),
        Binding("a", "amend", "Amend"),
        Binding("d", "delete", "Delete"),
        Binding("e", "export", "Export"),
        Binding("m", "send", "Send minutes"),
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
        # The filters the latest read was started for, and that read's number.
        self.requested_filters: tuple[str | None, ...] | None = None
        self.generation = 0
        self.reading = False
        self._search_timer: Timer | None = None
        # What the search field last refused to take, shown until the search is typed again.
        self._refused = ""
        self._settled = asyncio.Event()
        self._settled.set()

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
                [(cell(t.name), t.id) for t in teams],
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
                [(label, value) for value, label in STATUS_FILTERS.items()],
                prompt="Any status",
                id="status",
                compact=True,
            )
            yield TextInput(placeholder="/ search notes, summaries…", id="search", compact=True)
        yield SessionTable(id="sessions")
        yield Static("", id="history-status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.pending = self.okr_app.repository.quarters()
        self.requested_filters = self._filters()
        if self.pending:
            self._start(first=(self.pending[0],))
        self._show()
        table = self.query_one(SessionTable)
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)
        # Another okrtui may save, finish or delete a meeting while the list is shown.
        DataWatch(self, ["sessions"], self._data_changed)

    def _data_changed(self) -> None:
        """Read the quarters already shown again (after the read under way, if any)."""
        if self.reading:
            self.set_timer(WATCH_SECONDS, self._data_changed)
            return
        team = self._filter("team")
        again = tuple(self.loaded)
        for session_id, session in list(self.sessions.items()):
            # Dropped first, so that a meeting deleted elsewhere leaves the list too.
            if session.quarter in again and (team is None or session.team_id == team):
                del self.sessions[session_id]
                self.haystacks.pop(session_id, None)
        if again:
            self._start(first=again)

    async def settled(self) -> None:
        """Wait until the list shows the current filters and search: no read, no pause pending."""
        await self._settled.wait()

    # -- loading, a quarter at a time, in a worker ------------------------------------------

    def _needs(self, quarter: str, team: str | None) -> bool:
        """Whether the team's meetings of a quarter (every team's, for None) are not loaded."""
        teams = self.loaded_teams.get(quarter, set())
        return not (teams is None or (team is not None and team in teams))

    def _start(self, first: tuple[str, ...] = (), then: tuple[str, ...] = ()) -> None:
        """Read in a worker; the quarters arrive as messages. A newer read supersedes it."""
        passes = self._passes()
        self.generation += 1
        self.reading = True
        self._settled.clear()
        job = ReadJob(
            generation=self.generation,
            team=self._filter("team"),
            wanted=tuple(words(self.query_text)),
            first=first,
            then=then,
            searched=dict(self.searched),
            passes=passes,
            known=frozenset(self.sessions),
            shown=sum(1 for s in self.sessions.values() if passes(s)),
        )
        self._show_status(len(self.query_one(SessionTable).rows))
        self._read(job)

    @work(thread=True, exclusive=True, group="history-read")
    def _read(self, job: ReadJob) -> None:
        """In a thread: the job's quarters, each posted as soon as it is read."""
        worker = get_current_worker()
        store = self.okr_app.repository
        counted = set(job.known)
        shown = job.shown

        def newly_shown(read: QuarterRead) -> int:
            fresh = [s for s in read.sessions if s.id not in counted and job.passes(s)]
            counted.update(s.id for s in read.sessions)
            return len(fresh)

        for quarter in job.first:
            read = _read_quarter(store, quarter, job.team, None)
            shown += newly_shown(read)
            self.post_message(read)
        # Count only each newly read quarter's matches: searching everything loaded
        # again after every file would make a search of ten years quadratic.
        for quarter in job.then:
            if worker.is_cancelled or shown >= ENOUGH_ROWS:
                break
            if job.wanted and job.searched.get(quarter) == job.wanted:
                continue
            read = _read_quarter(store, quarter, job.team, job.wanted or None)
            shown += newly_shown(read)
            self.post_message(read)
        self.post_message(ReadDone(job.generation))

    def on_quarter_read(self, message: QuarterRead) -> None:
        # Any read is kept, even one a newer read superseded: what it found is still true.
        quarter = message.quarter
        if message.problem is not None:
            self.notify(
                message.problem, title=f"Cannot read {quarter}", severity="error", markup=False
            )
        self.sessions.update((s.id, s) for s in message.sessions)
        if message.words is not None:
            self.searched[quarter] = message.words
            return
        teams = self.loaded_teams.get(quarter, set())
        team = message.team
        self.loaded_teams[quarter] = None if team is None or teams is None else {*teams, team}
        if quarter not in self.loaded:
            self.loaded.append(quarter)
        if quarter in self.pending:
            self.pending.remove(quarter)

    def on_read_done(self, message: ReadDone) -> None:
        if message.generation != self.generation:
            return
        self.reading = False
        self._show()
        if self._search_timer is None:
            self._settled.set()

    def _filters(self) -> tuple[str | None, ...]:
        names = ("team", "kind", "quarter", "status")
        return (*(self._filter(n) for n in names), self.query_text.strip())

    def _fill(self) -> None:
        """After a filter change: read older quarters until enough rows show (or none is left).

        With search words, quarters not read yet are searched instead of read: only the
        meetings holding the words are loaded, so a search of ten years stays quick.
        """
        filters = self._filters()
        if filters == self.requested_filters:
            return
        self.requested_filters = filters
        team, chosen = self._filter("team"), self._filter("quarter")
        # Another team chosen: its meetings of the quarters already read, too.
        first = [q for q in self.loaded if self._needs(q, team)]
        if chosen is not None and self._needs(chosen, team) and chosen not in first:
            first.append(chosen)
        then = () if chosen is not None else tuple(self.pending)
        if first or self._wants_more(then):
            self._start(tuple(first), then)
            return
        self._show()
        if not self.reading and self._search_timer is None:
            self._settled.set()

    def _wants_more(self, then: tuple[str, ...]) -> bool:
        """Whether reading `then` could add rows: fewer than enough show and some are unread."""
        passes = self._passes()
        wanted = tuple(words(self.query_text))
        unread = [q for q in then if not wanted or self.searched.get(q) != wanted]
        return bool(unread) and sum(1 for s in self.sessions.values() if passes(s)) < ENOUGH_ROWS

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
                and (status is None or _has_status(s, status))
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
        self._show_status(len(shown))

    def _show_status(self, count: int) -> None:
        total = len(self.loaded) + len(self.pending)
        if not total:
            status = "No meetings yet. Start one from home."
        elif self.pending and self._all_searched():
            status = (
                f"{count} shown · {len(self.loaded)} of {total} quarters read, "
                "the rest searched, nothing older"
            )
        elif self.pending:
            status = (
                f"{count} shown · {len(self.loaded)} of {total} quarters read · "
                f"o or ↓ at the end reads {self.pending[0]}"
            )
        else:
            quarters = "1 quarter" if total == 1 else f"{total} quarters"
            status = f"{count} shown · {quarters} read, nothing older"
        if self.reading:
            status = f"{status} · reading…"
        if self._refused:  # stays until the search is typed again, so it is never missed
            status = f"Search: {self._refused} · {status}"
        self.query_one("#history-status", Static).update(status)

    def _all_searched(self) -> bool:
        wanted = tuple(words(self.query_text))
        return bool(wanted) and all(self.searched.get(q) == wanted for q in self.pending)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._fill()

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        event.stop()
        self._refused = event.message
        self.query_one("#history-status", Static).update(f"Search: {event.message}")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refused = ""
        # Wait for a pause in typing: ten quick keys make one search, not ten.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._settled.clear()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self._typing_paused)

    def _typing_paused(self) -> None:
        self._search_timer = None
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
        if self.reading:
            return  # the rows being read come first; the next key reads on
        if self.pending:
            self._start(first=(self.pending[0],))
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
        self.notify(f"Deleted {escape_control(label)}.{where}", title="Deleted", markup=False)

    def action_export(self) -> None:
        """Export the minutes of the meeting under the cursor."""
        from okrtui.tui.dialogs.export import open_export

        session = self.current
        if session is not None:
            open_export(self.okr_app, session.id)

    def action_send(self) -> None:
        """Mail the minutes of the meeting under the cursor to the team."""
        from okrtui.tui.dialogs.send import open_send

        session = self.current
        if session is not None:
            open_send(self.okr_app, session.id)

    def action_trends(self) -> None:
        """See a key result's check-ins over time."""
        from okrtui.tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen(self._filter("team") or self.start_team_id))


def _read_quarter(
    store: Store, quarter: str, team: str | None, wanted: tuple[str, ...] | None
) -> QuarterRead:
    """One quarter's meetings of a team (every team's for None), or those holding `wanted`."""
    try:
        found = (
            store.search_sessions(quarter, list(wanted))
            if wanted
            else store.sessions(quarter, team)
        )
    except StoreError as exc:
        return QuarterRead(quarter, team, wanted, problem=str(exc))
    return QuarterRead(quarter, team, wanted, found)


# The status filter's choices: a meeting's status, or what it did with the team's issues.
STATUS_FILTERS: dict[str, str] = {
    "in_progress": "In progress",
    "completed": "Completed",
    "raised": "Raised issues",
    "solved": "Solved issues",
}


def _has_status(session: Session, status: str) -> bool:
    if status == "raised":
        return bool(raised_issue_ids(session))
    if status == "solved":
        return bool(solved_issue_ids(session))
    return session.status == status


def describe(session: Session, team_names: dict[str, str]) -> str:
    """A meeting named for people: `Sales weekly · W6 of 2026-11-05`."""
    team = team_names.get(session.team_id, session.team_name or session.team_id)
    return f"{team} {meeting_label(session)} of {session.date.isoformat()}"


def open_history(app: OkrApp, team_id: str | None) -> None:
    """Show past sessions, starting filtered to `team_id` when given."""
    app.push_screen(HistoryScreen(team_id))
