"""Following a meeting another okrtui runs: its current step, its key results and what has
been said so far, redrawn each time the facilitator's process saves. Read-only.

The screen never writes the meeting. It asks the store, a few times a second, whether the
meetings' files changed (`Store.changed_since`: a file status, nothing parsed) and reads
the meeting again only when they did. Taking the meeting over is a key away (`t`), after
a question, as on the "open elsewhere" dialog.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from okrtui.domain.agenda import agenda
from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.store import StoreError
from okrtui.tui.watch import DataWatch
from okrtui.tui.widgets.agenda_sidebar import AgendaSidebar
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.kr_row import KrRow, KrStatus

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# How often the files are looked at: a save shows within a second, polls cost a stat.
FOLLOW_POLL_SECONDS = 0.25


class FollowScreen(Screen[None]):
    """A live, read-only view of a meeting held by another process; `t` takes it over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("t", "take_over", "Take over"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.session: Session | None = None
        self.redraws = 0  # how many times the meeting was read and drawn
        self._drawn = asyncio.Event()
        self._kr_key: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="follow-title", markup=False)
        yield Static("", id="follow-holder", markup=False)
        with Horizontal(id="follow-body"):
            yield AgendaSidebar((), id="follow-agenda")
            with Vertical(id="follow-area"):
                yield Static("", id="follow-step", markup=False)
                with VerticalScroll(id="follow-scroll"):
                    yield Vertical(id="follow-krs")
                    yield Markdown("", id="follow-minutes")
        yield KeysFooter()

    @property
    def _app(self) -> OkrApp:
        return cast("OkrApp", self.app)

    def on_mount(self) -> None:
        self.sub_title = "Following the meeting"
        self._watch = DataWatch(self, ["sessions"], self.reload, every=FOLLOW_POLL_SECONDS)
        self.reload()
        self.query_one("#follow-scroll").focus()

    async def redrawn(self, wanted: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until a redraw makes `wanted` true (tests; TimeoutError after `timeout`)."""
        async with asyncio.timeout(timeout):
            while not wanted():
                self._drawn.clear()
                await self._drawn.wait()

    def reload(self) -> None:
        """Read the meeting as it is saved now and draw it."""
        repository = self._app.repository
        self._watch.mark_seen()  # a save landing while this reads is seen by the next look
        try:
            session = repository.session(self.session_id)
            earlier = earlier_sessions(repository, session)
            holder = repository.holder(self.session_id)
        except (StoreError, OSError) as exc:
            self.query_one("#follow-holder", Static).update(
                f"The meeting cannot be read just now: {exc}. Trying again as it changes."
            )
            return
        self.session = session
        self._draw(session, earlier, holder.describe() if holder else None)
        self.redraws += 1
        self._drawn.set()

    def _draw(self, session: Session, earlier: list[Session], holder: str | None) -> None:
        steps = agenda(session.kind)
        week = f"week {session.week} · " if session.week else ""
        who = f" · {session.facilitator}" if session.facilitator else ""
        self.query_one("#follow-title", Static).update(
            escape_control(
                f"Following {session.team_name or session.team_id} {session.kind} meeting · "
                f"{week}{session.date.isoformat()}{who}"
            )
        )
        if session.status == "completed":
            status = "This meeting has finished: these are its minutes."
        elif holder is None:
            status = "Nobody runs this meeting now: go back (Esc) and resume it from home."
        else:
            status = f"Run by {holder} — read-only, redrawn as they save; t takes it over."
        self.query_one("#follow-holder", Static).update(escape_control(status))
        keys = [s.key for s in steps]
        here = session.current_step if session.current_step in keys else keys[0]
        number = keys.index(here)
        step = steps[number]
        self.query_one("#follow-step", Static).update(
            f"Now: step {number + 1} of {len(steps)}: {step.title}"
        )
        sidebar = self.query_one("#follow-agenda", AgendaSidebar)
        sidebar.steps = steps
        visited = {k for k in keys if session.step_seconds.get(k)}
        sidebar.show(here, session.step_seconds, visited)
        self._draw_krs(session, earlier)
        from okrtui.minutes import render_markdown

        text = render_markdown(session, earlier)
        self.query_one("#follow-minutes", Markdown).update(escape_control(text))

    def _draw_krs(self, session: Session, earlier: list[Session]) -> None:
        """The key-result cards, rebuilt only when a check-in changed."""
        key = tuple((c.kr_id, c.value, c.confidence) for c in session.checkins)
        box = self.query_one("#follow-krs", Vertical)
        if key == self._kr_key and box.children:
            return
        self._kr_key = key
        box.remove_children()
        sessions = [*earlier, session]
        today = self._app.today
        box.mount_all(
            [
                KrRow(KrStatus.of(s.kr, sessions, session.quarter, today))
                for s in session.kr_snapshots
            ]
        )

    def action_take_over(self) -> None:
        """Take the meeting over, after asking: the other screen can no longer save it."""
        from okrtui.tui.dialogs.confirm import ConfirmDialog

        session = self.session
        if session is None or session.status == "completed":
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from okrtui.tui.screens.meeting import run_meeting

            try:  # as it is saved now, not as last drawn
                current = self._app.repository.session(session.id)
            except StoreError as exc:
                self.notify(f"The meeting cannot open: {exc}", severity="error", markup=False)
                return
            self.app.pop_screen()
            run_meeting(self._app, current, take_over=True)

        self.app.push_screen(
            ConfirmDialog(
                "Take this meeting over? It moves here; the other screen can no longer save it.",
                yes="Take over",
                no="Keep following",
            ),
            answered,
        )
