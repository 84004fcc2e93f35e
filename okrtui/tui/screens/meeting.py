"""The meeting screen (weekly and quarterly): agenda sidebar, clocks, one step at a time.

Steps come from the agenda the meeting keeps (`okrtui.domain.agenda.session_steps`); each is run by the widget registered
for its key in `okrtui.tui.widgets.step_registry.STEP_WIDGETS`. The screen is the steps' recorder:
a step's commit is saved through the repository at once, before the next key; steps post
`SessionEdited` for what redraws, and the next-quarter draft asks the screen to save the plan.
"""

from __future__ import annotations

import gc
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from okrtui.domain.agenda import Step, discussion_start, session_steps
from okrtui.domain.history import earlier_sessions
from okrtui.domain.ids import new_id, session_id
from okrtui.domain.issues import issues_after_meeting, open_at_start
from okrtui.domain.meeting import (
    add_time,
    amend,
    finish,
    finish_question,
    new_session,
    set_current_step,
    steps_left_empty,
    upsert_item,
)
from okrtui.domain.models import Note, ParkedTopic, Session, SessionKind
from okrtui.domain.parking import (
    park_topic,
    review_topic,
    still_parked,
    topics_after_meeting,
    topics_to_offer,
)
from okrtui.domain.plan import Plan
from okrtui.domain.quarters import quarter_of, week_of_quarter
from okrtui.domain.text import STORED, escape_control
from okrtui.domain.updates import Update, accept, describe, is_accepted, pending_for
from okrtui.services.facilitators import opening_facilitator, remember_facilitator
from okrtui.services.identity import current_person
from okrtui.store import LockBusy, SessionHeldElsewhere, Store, StoreError
from okrtui.tui.autosave import Autosave, SaveLanded
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.dialogs.go_to_step import GoToStepDialog
from okrtui.tui.dialogs.held_elsewhere import HeldChoice, HeldElsewhereDialog
from okrtui.tui.dialogs.park_topic import ParkTopicDialog
from okrtui.tui.dialogs.parked_topics import ParkedTopicsDialog, TopicChoice
from okrtui.tui.dialogs.resume_or_new import ResumeChoice, ResumeOrNewDialog
from okrtui.tui.watch import DataWatch
from okrtui.tui.widgets.agenda_sidebar import AgendaSidebar
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.meeting_clock import MeetingClock
from okrtui.tui.widgets.quarterly.next_quarter import NextQuarterStep
from okrtui.tui.widgets.step_registry import step_widget
from okrtui.tui.widgets.steps import MeetingContext, StepWidget
from okrtui.tui.widgets.steps.base import settled, show
from okrtui.tui.widgets.steps.checkins import CheckInsStep
from okrtui.tui.widgets.steps.entries import EntryListStep

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

# Clocks are saved this often even when nobody commits anything, so a resumed meeting's
# clocks lose at most this much.
CLOCK_SAVE_SECONDS = 30.0
SAVING = "saving… (waiting for another okrtui to finish)"
# A projector's width gives the agenda its titles whole and the check-ins two columns.
WIDE_COLUMNS = 160


class MeetingScreen(Screen[None]):
    """Runs one meeting: the current step, the agenda, the clocks and the save status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+n", "next_step", "Next step", priority=True),
        Binding("pageup,ctrl+b", "previous_step", "Previous step", priority=True),
        Binding("ctrl+g", "go_to_step", "Go to step", priority=True),
        Binding("ctrl+l", "leave_meeting", "Leave (saved)", priority=True),
        Binding("ctrl+k", "park_topic", "Park a topic", priority=True),
        # Not in the footer: the line of the update waiting names these keys.
        Binding("ctrl+y", "accept_update", "Accept a member's update", priority=True, show=False),
        Binding("ctrl+f", "edit_update", "Edit a member's update first", priority=True, show=False),
    ]

    def __init__(self, context: MeetingContext, amend_by: str | None = None) -> None:
        super().__init__()
        self.set_class(self.app.size.width >= WIDE_COLUMNS, "-wide")
        self.context = context
        self._autosave_queue: Autosave | None = None  # made on first save (needs the app)
        # Correcting a finished meeting: who corrects it; its clocks and status stay as
        # they were, and the first change saved records the amendment.
        self.amend_by = amend_by
        self._amendment_recorded = False
        self.steps: tuple[Step, ...] = session_steps(context.session)
        self._offer_parked_at = discussion_start(self.steps)
        self._parked_offered = False
        keys = [s.key for s in self.steps]
        current = context.session.current_step
        # A correction starts from the top; a meeting resumes where it stopped.
        resumed = current in keys and amend_by is None
        self.index = keys.index(current) if resumed else 0
        self.visited: set[str] = {k for k in keys if context.session.step_seconds.get(k)}
        self.unsaved = False
        # What of the meeting the team's issues and parked topics were last brought in line
        # with (None: not yet, or it failed and is tried again at the next change).
        # Amending brings them in line again at the first change (an earlier try may
        # have failed).
        self._carried: list[Any] | None = (
            _carried_parts(context.session) if amend_by is None else None
        )
        # The team's updates waiting in its inbox, as last read (see `_read_inbox`).
        self.inbox: list[Update] = []
        # Set again on mount, from the app's clock.
        self._entered = datetime.min
        self._last_save = datetime.min

    # -- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="meeting-header"):
            # Names and titles are user text: never read as markup.
            yield Static(self._title(), id="meeting-title", markup=False)
            yield MeetingClock("Step", id="step-clock")
            yield MeetingClock("Meeting", id="meeting-clock")
        with Horizontal(id="meeting-body"):
            yield AgendaSidebar(self.steps, id="agenda")
            with Vertical(id="step-area"):
                yield Static("", id="step-title", markup=False)
                yield Static("", id="pending-updates", markup=False)
                with ContentSwitcher(id="steps"):
                    for step in self.steps:
                        yield step_widget(step, self.context, self)
        yield Static(
            "Amending a finished meeting: each change is saved as it is made"
            if self.amend_by is not None
            else "Not saved yet",
            id="save-status",
            markup=False,
        )
        yield KeysFooter()

    def on_resize(self, event: events.Resize) -> None:
        # Set here rather than by HORIZONTAL_BREAKPOINTS: in a real terminal, shrinking
        # back from a projector's width left Textual's breakpoint class on (tmux, 8.2).
        self.set_class(event.size.width >= WIDE_COLUMNS, "-wide")

    def on_mount(self) -> None:
        self._entered = self._last_save = self._now()
        self.set_interval(1.0, self.refresh_clocks)
        # Members send updates before and during the meeting: the inbox is watched.
        self.inbox_watch = DataWatch(self, ["inbox"], self._read_inbox)
        self._read_inbox()
        self._show_step(self.index)
        # The meeting's widgets and their caches (some seventy thousand objects) live as long
        # as the meeting: moved out of the collector's sight, the full collection that
        # lands in every few step changes no longer walks them all.
        gc.freeze()

    def _title(self) -> str:
        s = self.context.session
        week = f"week {s.week} · " if s.week else ""
        who = f" · {s.facilitator}" if s.facilitator else ""
        kind = "weekly" if s.kind == "weekly" else "quarterly review"
        amending = "Amending " if self.amend_by is not None else ""
        # The day as "12 Nov" (the week already places it): at 80 columns beside the two
        # clocks, the facilitator's whole name still fits.
        return amending + escape_control(
            f"{s.team_name or s.team_id} {kind} · {week}{s.date:%d %b}{who}"
        )

    # -- time -------------------------------------------------------------------------

    def _now(self) -> datetime:
        return cast("OkrApp", self.app).clock()

    @property
    def step(self) -> Step:
        """The step on screen."""
        return self.steps[self.index]

    def _elapsed(self) -> float:
        if self.amend_by is not None:
            return 0.0  # correcting the minutes is not meeting time
        return max(0.0, (self._now() - self._entered).total_seconds())

    def _flush_time(self) -> None:
        """Move the time spent since the last flush into the session's step_seconds."""
        if self.amend_by is not None:
            return
        now = self._now()
        seconds = max(0.0, (now - self._entered).total_seconds())
        self.context.session = add_time(self.context.session, self.step.key, seconds)
        self._entered = now

    def refresh_clocks(self) -> None:
        """Redraw the clocks and the agenda's times (every second); save the clocks now and then."""
        elapsed = self._elapsed()
        session = self.context.session
        step_clock = self.query_one("#step-clock", MeetingClock)
        step_clock.limit = self.step.minutes * 60
        step_clock.seconds = session.step_seconds.get(self.step.key, 0.0) + elapsed
        meeting_clock = self.query_one("#meeting-clock", MeetingClock)
        meeting_clock.limit = sum(s.minutes for s in self.steps) * 60
        meeting_clock.seconds = session.duration_seconds + elapsed
        spent = dict(session.step_seconds)
        spent[self.step.key] = step_clock.seconds
        self.query_one("#agenda", AgendaSidebar).show(self.step.key, spent, self.visited)
        due = (self._now() - self._last_save).total_seconds() >= CLOCK_SAVE_SECONDS
        if due and self.amend_by is None:
            self.save("clocks")

    # -- saving -----------------------------------------------------------------------

    @property
    def _autosave(self) -> Autosave:
        """The saves of this meeting, in order (a save may come before the screen is mounted)."""
        if self._autosave_queue is None:
            self._autosave_queue = Autosave(self.repository, self)
        return self._autosave_queue

    @property
    def repository(self) -> Store:
        """The app's repository."""
        return cast("OkrApp", self.app).repository

    def save(self, what: str = "", patient: bool = False) -> bool:
        """Write the session now; on failure keep going and warn until a save works.

        When another okrtui holds the files beyond a moment, the save is queued (False, and
        the status line says so) and keys go on being handled. `patient` (leaving,
        finishing) first waits for the queue to drain, then for the lock.
        """
        self._flush_time()
        now = self._now()
        self._last_save = now
        session = self.context.session
        try:
            if patient:
                drained = self._autosave.drain()
                if self._autosave.waiting:  # still queued: writing now would overtake it
                    return self._show_saved(None, drained)
                self.repository.save_session(session)
            elif self._autosave.waiting:
                return self._queue(session, what, now)
            else:
                self._autosave.write_now(session)
        except LockBusy:
            return self._queue(session, what, now)
        except (StoreError, OSError) as exc:
            return self._show_saved(None, exc)
        return self._show_saved(
            f"Saved {now:%H:%M:%S}" + (f" — {escape_control(what)}" if what else "")
        )

    def _queue(self, session: Session, what: str, when: datetime) -> bool:
        """Hand the save to the background thread and say it is waiting."""
        self.unsaved = True
        self._autosave.queue(session, what, when)
        status = self.query_one("#save-status", Static)
        status.remove_class("-error")
        status.update(SAVING, layout=False)
        return False

    def on_save_landed(self, event: SaveLanded) -> None:
        """A queued save reached the disk (or failed); the newest one says so."""
        event.stop()
        if not self._autosave.landed(event):
            return  # a newer save is still on its way
        if event.error is not None:
            self._show_saved(None, event.error)
            return
        what = event.what
        self._show_saved(
            f"Saved {event.when:%H:%M:%S}" + (f" — {escape_control(what)}" if what else "")
        )

    def _show_saved(self, saved: str | None, error: Exception | None = None) -> bool:
        """Show `saved` (what was written), or why nothing was; True when it was saved."""
        status = self.query_one("#save-status", Static)
        if error is None:
            self.unsaved = False
            status.remove_class("-error")
            # `saved` may name a key result: shown as typed, never read as markup. The line
            # is one row high whatever it says: no layout of the whole screen for it (the
            # layout would come in every commit).
            status.update(saved or "", layout=False)
            return True
        self.unsaved = True
        if isinstance(error, SessionHeldElsewhere):
            status.update(
                f"NOT SAVED: {error.holder.describe()} took this meeting over. This screen can "
                "no longer save it; leave with ctrl+l and open it again to view or take it back."
            )
        else:
            status.update(
                f"NOT SAVED: {error}. The meeting goes on; the next answer tries again "
                "and writes everything."
            )
        status.add_class("-error")
        return False

    def record(self, session: Session, what: str) -> bool:
        """A step committed an answer: write it now, in the handler of the key that did it."""
        if self.amend_by is not None and not self._amendment_recorded:
            session = amend(session, self._now(), self.amend_by)
            self._amendment_recorded = True
        self.context.session = session
        saved = self.save(what)
        self._carry()
        return saved

    def _carry(self, force: bool = False) -> bool:
        """Bring the team's open issues and parked topics in line with this meeting (when
        its blockers, decisions or parked topics changed); False when that failed."""
        session = self.context.session
        parts = _carried_parts(session)
        if not force and parts == self._carried:
            return True
        try:
            self.repository.update_issues(
                session.team_id, lambda now: issues_after_meeting(session, now)
            )
            self.repository.update_parked_topics(
                session.team_id, lambda now: topics_after_meeting(session, now)
            )
        except (StoreError, OSError, ValueError) as exc:
            self._carried = None
            self.notify(
                f"The team's open issues and parked topics are not saved yet: {exc}. "
                "They are tried again at the next change, when the meeting finishes and when "
                "it is amended.",
                severity="error",
                markup=False,
            )
            return False
        self._carried = parts
        return True

    # -- the parking lot ----------------------------------------------------------------

    def action_park_topic(self) -> None:
        """Ask for a topic and park it for the team's next meeting."""

        def parked(text: str | None) -> None:
            if text:
                self.record(park_topic(self.context.session, text), "topic parked")
                self.query_one(f"#step-{self.step.key}", StepWidget).show_step()
                self.notify("Parked for the next meeting.", timeout=3)

        self.app.push_screen(ParkTopicDialog(), parked)

    def _offer_parked(self) -> None:
        """Offer the topics parked at earlier meetings: take one up, drop it, or leave it."""
        if not self.is_current:
            return
        self.app.push_screen(
            ParkedTopicsDialog(topics_to_offer(self.context.session), self._topic_chosen)
        )

    def _topic_chosen(self, topic: ParkedTopic, choice: TopicChoice) -> None:
        session = self.context.session
        if choice == "dropped":
            self.record(review_topic(session, topic.id, "dropped"), "parked topic dropped")
            return
        note = Note.model_validate(
            {
                "id": new_id("n"),
                "kind": "blocker" if choice == "issue" else "idea",
                "text": topic.text,
            },
            context=STORED,  # the topic was stored already: its text is kept as it is
        )
        session = review_topic(upsert_item(session, "notes", note), topic.id, "taken_up")
        self.record(
            session,
            f"parked topic taken up as {'an issue' if choice == 'issue' else 'an experience'}",
        )
        self.query_one(f"#step-{self.step.key}", StepWidget).show_step()

    def on_step_widget_session_edited(self, event: StepWidget.SessionEdited) -> None:
        """After a commit (already saved): redraw what shows the session."""
        event.stop()
        show(self.query_one("#meeting-title", Static), self._title())
        if not self.unsaved:  # an update edited before it was accepted has landed now
            self._sent_away()
        self._show_pending()
        if event.session.facilitator != event.previous.facilitator:
            remember_facilitator(self.repository, event.session.team_id, event.session.facilitator)

    def on_next_quarter_step_plan_save_requested(
        self, event: NextQuarterStep.PlanSaveRequested
    ) -> None:
        """Save the drafted objectives into the plan in one transaction, then the session."""
        event.stop()
        try:
            self.repository.save_plan(Plan(objectives=event.objectives))
        except (StoreError, OSError) as exc:
            event.step.plan_saved(str(exc))
            return
        count = len(event.objectives)
        saved = self.context.session.model_copy(update={"next_quarter_saved": True})
        self.record(saved, f"next quarter saved into the plan ({count} objectives)")
        event.step.plan_saved(None)

    # -- members' own updates ---------------------------------------------------------
    #
    # Updates wait in the team's inbox; the meeting's record changes only here, when the
    # facilitator accepts one, and the update leaves the inbox once that save landed.

    def _read_inbox(self) -> None:
        """Read the team's waiting updates again and show those for the step on screen."""
        try:
            self.inbox = self.repository.pending_updates(self.context.session.team_id)
        except (StoreError, OSError):
            return  # the inbox is read again when it changes; the meeting goes on
        self._show_pending()

    def pending_here(self) -> list[Update]:
        """The updates waiting for the step on screen, oldest first (none while correcting a
        finished meeting: updates are for the next one)."""
        if self.amend_by is not None:
            return []
        return pending_for(self.context.session, self.inbox, self.step.key)

    def _show_pending(self) -> None:
        panel = self.query_one("#pending-updates", Static)
        waiting = self.pending_here()
        panel.display = bool(waiting)
        if not waiting:
            return
        locale = self.context.team.locale
        more = f" (+{len(waiting) - 1} more)" if len(waiting) > 1 else ""
        first = describe(waiting[0], self.context.session, locale)
        panel.update(
            escape_control(
                f"From a member{more}: {first}\nctrl+y accepts it · ctrl+f edits it first"
            )
        )

    def _sent_away(self) -> None:
        """Take the updates the meeting now holds out of the inbox (after a save)."""
        session = self.context.session
        for update in self.inbox:
            if update.team_id == session.team_id and is_accepted(session, update):
                with suppress(StoreError, OSError):
                    self.repository.remove_update(update.id)
        self.inbox = [u for u in self.inbox if not is_accepted(session, u)]

    def _oldest_waiting(self) -> Update | None:
        """The oldest update waiting for this step; None (and says so) when none waits."""
        waiting = self.pending_here()
        if not waiting:
            self.notify("No member's update waits for this step.")
            return None
        return waiting[0]

    def action_accept_update(self) -> None:
        """Accept the oldest update waiting for this step: it becomes the meeting's entry."""
        update = self._oldest_waiting()
        if update is None:
            return
        widget = self.query_one(f"#step-{self.step.key}", StepWidget)
        who = update.from_name or update.from_member
        if self.record(accept(self.context.session, update), f"{update.kind} from {who}"):
            self._sent_away()
        widget.show_step()
        self._show_pending()

    def action_edit_update(self) -> None:
        """Load the oldest update waiting for this step into the step's form, to change it
        before it is added (a check-in is accepted, then changed on its card)."""
        update = self._oldest_waiting()
        if update is None:
            return
        widget = self.query_one(f"#step-{self.step.key}", StepWidget)
        if isinstance(widget, CheckInsStep) and update.checkin is not None:
            self.action_accept_update()
            card = widget.card_of(update.checkin.kr_id)
            if card is not None:
                card.value_field.focus()
            return
        if not isinstance(widget, EntryListStep):
            return
        proposed = accept(self.context.session, update)
        entry = next(e for e in getattr(proposed, widget.FIELD) if e.id == update.entry_id)
        widget.edit_proposed(entry, update.from_member)

    # -- moving between steps ---------------------------------------------------------

    def _show_step(self, index: int) -> None:
        self.index = index
        self.visited.add(self.step.key)
        amending = self.amend_by is not None
        if not amending:  # a correction changes what was said, not where the meeting stopped
            self.context.session = set_current_step(self.context.session, self.step.key)
        widget = self.query_one(f"#step-{self.step.key}", StepWidget)
        self.query_one("#steps", ContentSwitcher).current = widget.id
        self.query_one("#step-title", Static).update(
            f"Step {index + 1} of {len(self.steps)}: {escape_control(self.step.title)} "
            f"({self.step.minutes} min)"
        )
        widget.show_step()
        self._show_pending()
        if not amending:
            self.save(f"on {self.step.title}")
        self.refresh_clocks()
        # Focus at once, so keys typed right after the step change land in it.
        widget.focus_first()
        self.call_after_refresh(self._keep_focus_in_step)
        # Topics parked at earlier meetings come up once, where the discussion starts.
        if not amending and not self._parked_offered and self.step.key == self._offer_parked_at:
            self._parked_offered = True
            if topics_to_offer(self.context.session):
                self.call_after_refresh(self._offer_parked)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._keep_focus_in_step)

    def _keep_focus_in_step(self) -> None:
        """Focus stays inside the step on screen (a dialog may have restored an old focus)."""
        if not self.is_current:  # the meeting was left before this ran
            return
        widget = self.query_one(f"#step-{self.step.key}", StepWidget)
        if self.focused is None or widget not in self.focused.ancestors_with_self:
            widget.focus_first()

    def go_to(self, index: int) -> None:
        """Leave the current step (committing what is pending) and show another."""
        if not 0 <= index < len(self.steps) or index == self.index:
            return
        self.query_one(f"#step-{self.step.key}", StepWidget).leave()
        self._flush_time()
        self._show_step(index)

    async def action_next_step(self) -> None:
        """Go to the next step (skipping is fine), with what was typed before the key."""
        if self.focused is not None:
            await settled(self.focused)
        self.go_to(self.index + 1)

    async def action_previous_step(self) -> None:
        """Go back a step, with what was typed before the key."""
        if self.focused is not None:
            await settled(self.focused)
        self.go_to(self.index - 1)

    def action_go_to_step(self) -> None:
        """Ask for a step number and go there."""

        def chosen(index: int | None) -> None:
            if index is not None:
                # After the dialog has gone, or the screen's focus restore would win.
                self.call_after_refresh(self.go_to, index)

        self.app.push_screen(GoToStepDialog(self.steps), chosen)

    def action_leave_meeting(self) -> None:
        """Save and go back; the meeting can be resumed from home."""
        self.query_one(f"#step-{self.step.key}", StepWidget).leave()
        # A correction saves only what changed. Answers still queued are written first: the
        # meeting is not left while they wait for another okrtui.
        if self.amend_by is None or self.unsaved:
            self.save("left the meeting", patient=True)
        if self._autosave.waiting:
            self.notify(
                "The meeting was not left: its last answers are still waiting for another "
                "okrtui to finish. Leave again to retry.",
                severity="error",
            )
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        # Quitting the app mid-meeting: keep the clocks' last seconds too (and a correction
        # that could not be saved yet).
        if self.context.session.status == "in_progress" or self.unsaved:
            # After the queued saves (if they drain in time): never before them.
            self._autosave.drain()
            if not self._autosave.waiting:
                try:
                    self._flush_time()
                    self.repository.save_session(self.context.session)
                except (StoreError, OSError):
                    pass
        self._autosave.close()
        # What was frozen may now be collected (the left meeting's widgets among it).
        gc.unfreeze()
        # Let another okrtui open it without being told it is in use here.
        with suppress(StoreError, OSError):
            self.repository.release(self.context.session.id)

    # -- finishing --------------------------------------------------------------------

    def on_step_widget_finish_requested(self, event: StepWidget.FinishRequested) -> None:
        """Finish the meeting; first ask, naming them, when some steps had nothing entered."""
        event.stop()
        self.query_one(f"#step-{self.step.key}", StepWidget).leave()
        if self.amend_by is not None:  # corrections are saved already: show the minutes
            if self.unsaved and not self.save("corrections", patient=True):
                return
            self._carry(force=True)
            self.app.pop_screen()
            show_minutes(cast("OkrApp", self.app), self.context.session)
            return
        empty = steps_left_empty(self.context.session, self.steps, self.context.earlier)
        if not empty:
            self._finish()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(
            ConfirmDialog(finish_question(empty), yes="Finish", no="Keep the meeting open"),
            answered,
        )

    def _finish(self) -> None:
        """Mark the meeting completed, save it and show its minutes."""
        self._flush_time()
        self.context.session = finish(self.context.session, self._now())
        if not self.save("meeting finished", patient=True):
            self.context.session = self.context.session.model_copy(
                update={"status": "in_progress", "ended_at": None}
            )
            self.notify(
                "The meeting could not be saved as finished. Check the folder, then finish again.",
                severity="error",
            )
            return
        # Finished on disk now: should the team's issues fail to follow, the blockers and
        # decisions are still in the meeting (the screen said so), and amending it retries.
        self._carry(force=True)
        self.app.pop_screen()
        show_minutes(cast("OkrApp", self.app), self.context.session)


def _carried_parts(session: Session) -> list[Any]:
    """What of a meeting its team's issues and parked topics follow."""
    blockers = [n for n in session.notes if n.kind == "blocker"]
    return [blockers, session.issue_reviews, session.parked, session.topic_reviews]


# -- starting and resuming ----------------------------------------------------------------


def show_minutes(app: OkrApp, session: Session) -> None:
    """Show a finished meeting's minutes."""
    from okrtui.tui.screens.minutes import MinutesScreen

    app.push_screen(MinutesScreen(session.id))


def meeting_context(app: OkrApp, session: Session) -> MeetingContext:
    """Everything a meeting's steps read: its team, objectives and the team's earlier meetings."""
    repository = app.repository
    return MeetingContext(
        session=session,
        team=repository.team(session.team_id),
        objectives=repository.objectives(session.team_id, session.quarter),
        earlier=earlier_sessions(repository, session),
        today=app.today,
    )


def start_new_meeting(
    app: OkrApp, team_id: str, kind: SessionKind, quarter: str | None = None
) -> None:
    """Create the session (saved at once by the screen) and open the meeting screen."""
    if kind == "quarterly" and quarter is None:
        # A review may look back on an ended quarter: ask which one first.
        from okrtui.tui.dialogs.review_quarter import ask_review_quarter

        ask_review_quarter(app, team_id, lambda q: start_new_meeting(app, team_id, kind, q))
        return
    repository = app.repository
    try:
        team = repository.team(team_id)
    except StoreError as exc:
        app.notify(f"The meeting cannot start: {exc}", severity="error", markup=False)
        return
    quarter = quarter or quarter_of(app.today)
    session = new_session(
        session_id(quarter),
        team,
        repository.objectives(team_id, quarter),
        kind,
        app.today,
        app.clock(),
        facilitator=opening_facilitator(repository, team_id),
        quarter=quarter,
        issues=open_at_start(repository.issues(team_id)),
        topics=still_parked(repository.parked_topics(team_id)),
    )
    run_meeting(app, session)


def resume_meeting(app: OkrApp, session: Session) -> None:
    """Open an in-progress meeting where it stopped, unless another okrtui has it open:
    then ask whether to follow it live (read-only) or take it over."""
    try:
        holder = app.repository.holder(session.id)
    except StoreError as exc:
        app.notify(f"The meeting cannot open: {exc}", severity="error", markup=False)
        return
    if holder is None:
        run_meeting(app, session)
        return

    def chosen(choice: HeldChoice | None) -> None:
        if choice == "view":
            from okrtui.tui.screens.follow import FollowScreen

            app.push_screen(FollowScreen(session.id))
        elif choice == "take_over":
            run_meeting(app, session, take_over=True)

    app.push_screen(HeldElsewhereDialog(session, holder), chosen)


def run_meeting(app: OkrApp, session: Session, take_over: bool = False) -> None:
    """Mark the meeting open in this process and show it."""
    try:
        app.repository.hold(session.id, take_over=take_over, person=current_person())
    except StoreError as exc:
        app.notify(f"The meeting cannot open: {exc}", severity="error", markup=False)
        return
    app.push_screen(MeetingScreen(meeting_context(app, session)))


def amend_meeting(app: OkrApp, session_id: str) -> None:
    """Reopen a finished meeting for corrections, unless another okrtui has it open."""
    repository = app.repository
    try:
        session = repository.session(session_id)
        if session.status != "completed":
            app.notify("Only a finished meeting is amended; resume this one instead.")
            return
        repository.hold(session.id, person=current_person())
    except SessionHeldElsewhere as exc:
        app.notify(
            f"The meeting cannot be amended now: it is open elsewhere, {exc.holder.describe()}. "
            "Try again once it is closed there.",
            severity="error",
            markup=False,
        )
        return
    except StoreError as exc:
        app.notify(f"The meeting cannot open: {exc}", severity="error", markup=False)
        return
    app.push_screen(MeetingScreen(meeting_context(app, session), amend_by=current_person()))


def open_meeting(app: OkrApp, team_id: str, kind: SessionKind, quarter: str | None = None) -> None:
    """Start a new meeting of `kind` for the team, or go on with one in progress.

    A weekly meeting in progress for this very week is continued at once (the usual reason
    for `w`); an older one is offered to resume or replace; a second weekly meeting for a
    week that already had one needs a yes.
    """
    try:
        pending = app.repository.in_progress(team_id, kind)
        held = None if pending else this_weeks_meeting(app, team_id, kind)
    except StoreError as exc:
        app.notify(f"The meeting cannot start: {exc}", severity="error", markup=False)
        return
    if pending is not None and is_this_week(app, pending):
        resume_meeting(app, pending)
        return
    if pending is None and held is not None:
        confirm_another_meeting(app, team_id, held)
        return
    if pending is None:
        start_new_meeting(app, team_id, kind, quarter)
        return

    def chosen(choice: ResumeChoice | None) -> None:
        if choice == "resume":
            resume_meeting(app, pending)
        elif choice == "new":
            start_new_meeting(app, team_id, kind, quarter)

    app.push_screen(ResumeOrNewDialog(pending), chosen)


def is_this_week(app: OkrApp, session: Session) -> bool:
    """True for a weekly meeting of the quarter and week of today."""
    return (
        session.kind == "weekly"
        and session.quarter == quarter_of(app.today)
        and session.week == week_of_quarter(app.today)
    )


def this_weeks_meeting(app: OkrApp, team_id: str, kind: SessionKind) -> Session | None:
    """The team's latest weekly meeting of this week, if `kind` is weekly and there is one."""
    if kind != "weekly":
        return None
    sessions = app.repository.sessions(quarter_of(app.today), team_id)
    return next((s for s in reversed(sessions) if is_this_week(app, s)), None)


def confirm_another_meeting(app: OkrApp, team_id: str, held: Session) -> None:
    """Ask before a second weekly meeting for a week that already has one."""
    question = (
        f"This week's meeting (week {held.week}) was held on {held.date:%d %b}. "
        "Start another weekly meeting for the same week?"
    )

    def answered(yes: bool | None) -> None:
        if yes:
            start_new_meeting(app, team_id, "weekly")

    app.push_screen(ConfirmDialog(question, "Start another", "No"), answered)


def start_another_weekly_meeting(app: OkrApp, team_id: str) -> None:
    """A second weekly meeting for this week, even while one is in progress: after a yes."""
    try:
        held = app.repository.in_progress(team_id, "weekly") or this_weeks_meeting(
            app, team_id, "weekly"
        )
    except StoreError as exc:
        app.notify(f"The meeting cannot start: {exc}", severity="error", markup=False)
        return
    if held is None or not is_this_week(app, held):
        open_meeting(app, team_id, "weekly")
    elif held.status == "in_progress":
        question = (
            f"This week's meeting (week {held.week}, {held.date:%d %b}) is in progress. "
            "Start another weekly meeting for the same week instead of continuing it?"
        )
        app.push_screen(
            ConfirmDialog(question, "Start another", "No"),
            lambda yes: start_new_meeting(app, team_id, "weekly") if yes else None,
        )
    else:
        confirm_another_meeting(app, team_id, held)
