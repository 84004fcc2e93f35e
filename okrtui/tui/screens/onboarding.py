"""First run: import a plan file, create a team, or open the demo."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from okrtui.domain.models import Team
from okrtui.domain.plan import PlanError
from okrtui.services.demo import open_demo
from okrtui.store import StoreError
from okrtui.store.plan_import import import_plan_file
from okrtui.tui.dialogs.team_form import TeamForm
from okrtui.tui.widgets.keys_footer import KeysFooter
from okrtui.tui.widgets.text_input import PATH_LIMITS, TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

WELCOME = (
    "okrtui runs your team's weekly OKR meeting and quarterly review. "
    "There is no plan in this data folder yet. Choose how to start:"
)


def path_problem(text: str) -> str:
    """What is wrong with a typed plan-file path, or '' when it looks usable."""
    if not text.strip():
        return ""
    try:
        path = Path(text.strip()).expanduser()
        if not path.exists():
            return "There is no such file."
        if path.is_dir():
            return "That is a folder; give the path of a .toml plan file."
    except (OSError, ValueError) as exc:  # a name too long for the system, say
        return f"That path cannot be used: {getattr(exc, 'strerror', None) or exc}."
    if path.suffix.lower() != ".toml":
        return "Plan files are TOML and usually end in .toml."
    return ""


class OnboardingScreen(Screen[None]):
    """Shown when the data folder has no teams yet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "focus_import", "Import a plan"),
        Binding("n", "create_team", "Create a team"),
        Binding("d", "open_demo", "Open the demo"),
    ]

    @property
    def okr_app(self) -> OkrApp:
        """The app, typed."""
        return cast("OkrApp", self.app)

    def compose(self) -> ComposeResult:
        number = itertools.count(1)
        yield Header()
        with VerticalScroll(id="onboarding"):
            yield Label("Welcome to okrtui", classes="dialog-title")
            yield Static(WELCOME, id="welcome", markup=False)
            # In a browser the path would name a file on the server: import is left out.
            if not self.app.is_web:
                with Vertical(classes="choice", id="choice-import"):
                    yield Label(f"{next(number)}. Import a plan file  (i)", classes="choice-title")
                    yield Static(
                        "Teams, members, objectives and key results as TOML (see the README).",
                        classes="hint",
                    )
                    with Horizontal(classes="choice-line"):
                        yield TextInput(
                            limits=PATH_LIMITS,
                            placeholder="path/to/plan.toml",
                            id="plan-path",
                            compact=True,
                        )
                        yield Button("Import", id="import", variant="primary", compact=True)
                    yield Static(id="plan-path-error", classes="field-error", markup=False)
            with Vertical(classes="choice", id="choice-team"):
                yield Label(f"{next(number)}. Create a team  (n)", classes="choice-title")
                yield Static("Name the team and its members; add objectives next.", classes="hint")
                yield Button("Create a team", id="create-team", variant="success", compact=True)
            with Vertical(classes="choice", id="choice-demo"):
                yield Label(f"{next(number)}. Open the demo  (d)", classes="choice-title")
                yield Static(
                    "A sales team six weeks into its quarter, in a demo/ folder of its own.",
                    classes="hint",
                )
                yield Button("Open the demo", id="demo", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Getting started"
        self.query_one("#create-team", Button).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "plan-path":
            self._show_problem(path_problem(event.value))

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        if event.input.id == "plan-path":
            self._show_problem(event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "plan-path":
            self.import_plan()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "import": self.import_plan,
            "create-team": self.action_create_team,
            "demo": self.action_open_demo,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def _show_problem(self, message: str) -> None:
        error = self.query_one("#plan-path-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        self.query_one("#plan-path", Input).set_class(bool(message), "-invalid-field")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No plan import in a browser (see compose).
        return not (action == "focus_import" and self.app.is_web)

    def action_focus_import(self) -> None:
        """Put the cursor in the plan file's path."""
        self.query_one("#plan-path", Input).focus()

    def import_plan(self) -> None:
        """Import the typed plan file; its problems are listed under the path."""
        text = self.query_one("#plan-path", Input).value.strip()
        if not text:
            self._show_problem("Type the path of a plan file first.")
            return
        try:
            imported = import_plan_file(self.okr_app.repository, Path(text).expanduser())
        except PlanError as exc:
            self._show_problem(str(exc))
            return
        except StoreError as exc:
            self._show_problem(f"Not imported: {exc}")
            return
        self.notify(
            f"Imported {len(imported.teams)} team(s) and {len(imported.objectives)} objective(s)."
        )
        self.okr_app.show_home(self.okr_app.repository)

    def action_create_team(self) -> None:
        """Open the new-team form; once saved, go on to the plan editor for that team."""

        def saved(team: Team | None) -> None:
            if team is not None:
                app = self.okr_app
                app.show_home(app.repository)
                app.team_id = team.id
                app.open_plan_editor(team.id)

        self.app.push_screen(TeamForm(), saved)

    def action_open_demo(self) -> None:
        """Build the sample team into DATA/demo (once) and open it."""
        app = self.okr_app
        try:
            demo, _built = open_demo(app.repository)
        except StoreError as exc:
            self.notify(f"Could not build the demo: {exc}", severity="error", markup=False)
            return
        app.show_home(demo)
