"""The okrtui Textual app: holds the store, the clock, the person's settings and the chosen
team; routes screens.

Screens reach the data through `self.app.repository` (a `Store`); they never touch TinyDB.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme
from textual.widgets import Input, TextArea

from okrtui.services.settings import (
    PersonalSettings,
    Settings,
    initial_theme,
    opening_team,
    remember_team,
)
from okrtui.store import Store, StoreError
from okrtui.store.serial import serial
from okrtui.tui import textual_fixes
from okrtui.tui.commands import OkrCommands
from okrtui.tui.screens.home import HomeScreen

# Screens other than home are imported when first opened: start-up pays only for home.

textual_fixes.apply()

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class OkrApp(App[None]):
    """The facilitator's app."""

    TITLE = "okrtui"
    # Every screen's styles are read once, here. A screen with a CSS_PATH of its own makes
    # Textual parse the whole stylesheet again and restyle every widget when it first opens
    # (about 0.25 s for the history screen).
    CSS_PATH: ClassVar = [
        "app.tcss",
        "screens/meeting.tcss",
        "screens/history.tcss",
        "screens/minutes.tcss",
        "screens/trends.tcss",
        "dialogs/history_dialogs.tcss",
    ]
    COMMANDS: ClassVar = App.COMMANDS | {OkrCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # ? opens the keys wherever it is not typed into a field; in a field the footer
        # offers F1 instead (`check_action`).
        Binding("question_mark", "help", "Keys"),
        Binding("f1", "help_in_field", "Keys"),
        Binding("f1", "help", "Keys", show=False),
    ]

    def __init__(
        self,
        repository: Store,
        today: date | None = None,
        clock: Callable[[], datetime] | None = None,
        personal: PersonalSettings | None = None,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.today = today or date.today()
        # Meetings time their steps with this clock; tests pass a fake one.
        self.clock: Callable[[], datetime] = clock or datetime.now
        # This person's preferences (theme, last team...), from their own config folder.
        self.personal = personal or PersonalSettings.at()
        self.settings: Settings = self.personal.load()
        # The team chosen on the home screen; meetings and history start from it.
        self._team_id = opening_team(self.settings, repository)

    @property
    def repository(self) -> Store:
        """The data, safe to read from worker threads while the event loop saves."""
        return self._store

    @repository.setter
    def repository(self, store: Store) -> None:
        self._store = serial(store)

    @property
    def team_id(self) -> str | None:
        """The team chosen on the home screen; meetings and history start from it."""
        return self._team_id

    @team_id.setter
    def team_id(self, team_id: str | None) -> None:
        self._team_id = team_id
        if team_id is None:
            return
        try:
            self.settings = remember_team(self.personal, self.settings, self.repository, team_id)
        except StoreError as exc:
            self.notify(f"Could not remember the team: {exc}", severity="warning", markup=False)

    def on_mount(self) -> None:
        self._saved_theme = self._remembered_theme()
        self.theme = self._saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.team_id is not None:  # chosen in __init__ from the plan's teams
            self.push_screen(HomeScreen())
        else:
            from okrtui.tui.screens.onboarding import OnboardingScreen

            self.push_screen(OnboardingScreen())
        if self.is_web:  # started by `okrtui serve` for a browser tab
            from okrtui.tui.served import start_served

            start_served(self)

    def _remembered_theme(self) -> str:
        theme = initial_theme(self.settings, self.repository)
        return theme if theme in self.available_themes else DARK_THEME

    def _remember_theme(self, theme: Theme) -> None:
        # Only a real change is written: opening the app never creates files by itself.
        if theme.name == self._saved_theme:
            return
        try:
            self.settings = self.personal.update(theme=theme.name)
            self._saved_theme = theme.name
        except StoreError as exc:
            self.notify(f"Could not remember the theme: {exc}", severity="warning", markup=False)

    def show_home(self, repository: Store | None = None) -> None:
        """Replace the whole screen stack with home, optionally on another data folder."""
        if repository is not None:
            self.repository = repository
            self._team_id = opening_team(self.settings, repository)
        self.switch_screen(HomeScreen())

    def open_plan_editor(self, team_id: str | None = None) -> None:
        """Open the plan editor, with `team_id` (or the chosen team) under the cursor."""
        from okrtui.tui.screens.plan_editor import PlanEditorScreen

        if isinstance(self.screen, PlanEditorScreen) or not self.objectives_readable(None):
            return
        self.push_screen(PlanEditorScreen(team_id or self.team_id))

    def objectives_readable(self, team_id: str | None) -> bool:
        """Whether a team's objectives (None: every team's) can be read; says why not.

        A team's objectives are validated when first read: one that cannot be used stops
        the screen that needs it before it opens, with the store's message.
        """
        try:
            if team_id is None:
                self.repository.plan()
            else:
                self.repository.objectives(team_id)
        except StoreError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", markup=False)
            return False
        return True

    @property
    def dark(self) -> bool:
        """True when a dark theme is showing."""
        return self.current_theme.dark

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = LIGHT_THEME if self.dark else DARK_THEME

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input | TextArea)
        if action == "help_in_field":
            return typing  # else F1 falls through to the plain `help` binding
        if action == "help":
            return not typing  # in a field, ? is a character: F1 is shown and bound instead
        return True

    def action_help_in_field(self) -> None:
        """Show the keys of the current screen (F1, from a field)."""
        self.action_help()

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from okrtui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # The actions below are the app's public verbs: the home screen's keys and the command
    # palette both call them. Each hands over to the module that owns that part of the app.

    def action_edit_plan(self) -> None:
        """Edit teams, members, objectives and key results."""
        self.open_plan_editor()

    def action_start_weekly_meeting(self) -> None:
        """Start the chosen team's weekly meeting, or continue this week's."""
        from okrtui.tui.screens.meeting import open_meeting

        if self.team_id is not None and self.objectives_readable(self.team_id):
            open_meeting(self, self.team_id, "weekly")

    def action_start_another_weekly_meeting(self) -> None:
        """Start a second weekly meeting for this week (after a yes), even with one open."""
        from okrtui.tui.screens.meeting import start_another_weekly_meeting

        if self.team_id is not None and self.objectives_readable(self.team_id):
            start_another_weekly_meeting(self, self.team_id)

    def action_start_quarterly_review(self) -> None:
        """Start (or resume) the chosen team's quarterly review."""
        from okrtui.tui.screens.meeting import open_meeting

        if self.team_id is not None and self.objectives_readable(self.team_id):
            open_meeting(self, self.team_id, "quarterly")

    def action_browse_history(self) -> None:
        """Open the past sessions."""
        from okrtui.tui.screens.history import open_history

        if self.team_id is None or self.objectives_readable(self.team_id):
            open_history(self, self.team_id)

    def action_export_minutes(self) -> None:
        """Export minutes of a session."""
        from okrtui.tui.dialogs.export import open_export

        if self.team_id is None or self.objectives_readable(self.team_id):
            open_export(self, None)

    def action_my_update(self) -> None:
        """Add your own update (a check-in, contribution, experience or target) for the
        team's weekly meeting."""
        from okrtui.tui.screens.my_update import open_my_update

        open_my_update(self)
