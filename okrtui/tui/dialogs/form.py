"""The base of the plan's forms: fields with inline errors, save on confirm, safe escape."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from okrtui.domain.limits import text_limits
from okrtui.domain.numbers import parse_number
from okrtui.domain.text import control_problem
from okrtui.domain.validation import plain_message
from okrtui.store import StoreError
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from okrtui.store import Store
    from okrtui.tui.app import OkrApp

T = TypeVar("T")


class FieldError(Exception):
    """A problem with one field's text, shown under that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FormDialog(ModalScreen[T | None]):
    """A modal form. Subclasses yield fields and turn them into a saved model.

    `ctrl+s` (or Enter in a one-line field) saves through the repository and closes;
    escape closes, asking first when anything was edited so no typing is lost by accident.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Back"),
    ]
    AUTO_FOCUS = "Input"
    heading = "Form"
    # Where a model-level error (one not about a single field) is shown.
    model_error_field = ""

    def __init__(self) -> None:
        super().__init__()
        self._initial: dict[str, str] = {}
        self._clean_text: dict[str, str] = {}

    @property
    def repository(self) -> Store:
        """The app's repository."""
        return cast("OkrApp", self.app).repository

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield from self.fields()
            yield Static(id="form-error", classes="field-error", markup=False)
            yield Label("ctrl+s save · enter save · escape back", classes="hint")

    def fields(self) -> ComposeResult:
        """The form's fields (use `field` to give each a label and an error line)."""
        yield from ()

    @staticmethod
    def text_input(
        model: type[BaseModel], field_name: str, value: str = "", placeholder: str = ""
    ) -> TextInput:
        """A field for `model.field_name`, with that field's limits (its id is the field's name)."""
        return TextInput(
            value, limits=text_limits(model, field_name), id=field_name, placeholder=placeholder
        )

    @staticmethod
    def field(label: str, widget: Widget, hint: str = "") -> ComposeResult:
        """A labelled field with a line under it for its error; a model's optional text says so."""
        if isinstance(widget, Input | Select):
            widget.compact = True  # one line per field, so a whole form fits 80x24
        if isinstance(widget, TextInput) and widget.limits and not widget.limits.required:
            hint = f"optional: {hint}" if hint else "optional"
        with Vertical(classes="field", id=f"{widget.id}-field"):
            shown = Text(label)
            if hint:
                shown.append(f"  {hint}", style="dim")
            yield Label(shown, classes="field-label")
            yield widget
            yield Static(id=f"{widget.id}-error", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self._initial = self.snapshot()

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        # Textual centres a field it focuses, which scrolls the title out of a form taller
        # than the screen; scroll only as far as the field needs to be seen.
        super().set_focus(widget, scroll_visible=False, from_app_focus=from_app_focus)
        if scroll_visible and widget is not None:
            self.call_later(widget.scroll_visible, animate=False)

    def snapshot(self) -> dict[str, str]:
        """Every field's current text, to tell whether anything was edited."""
        values: dict[str, str] = {}
        for widget in self.query("Input, Select, TextArea"):
            if isinstance(widget, Input):
                values[str(widget.id)] = widget.value
            elif isinstance(widget, Select):
                values[str(widget.id)] = str(widget.value)
            elif isinstance(widget, TextArea):
                values[str(widget.id)] = widget.text
        return values

    @property
    def dirty(self) -> bool:
        """True when a field differs from what the form opened with."""
        return self.snapshot() != self._initial

    def text(self, field_id: str) -> str:
        """The text of an Input or TextArea, stripped."""
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            return widget.text.strip()
        if isinstance(widget, TextInput):
            return widget.typed.strip()
        return cast(Input, widget).value.strip()

    def number(
        self, field_id: str, required: bool = True, *, locale: str, unit: str | None = None
    ) -> float | None:
        """A number typed in the team's locale (`$4,800`, `4.8k`, `12%`); FieldError if not one."""
        raw = self.text(field_id)
        if not raw and not required:
            return None
        try:
            return parse_number(raw, locale=locale, unit=unit)
        except ValueError as exc:
            raise FieldError(field_id, str(exc)) from None

    def build(self) -> T:
        """Turn the fields into a model (raising FieldError or ValidationError)."""
        raise NotImplementedError

    def save(self, result: T) -> None:
        """Write the model through the repository."""
        raise NotImplementedError

    def clear_errors(self) -> None:
        """Remove every error message."""
        for error in self.query(".field-error").results(Static):
            error.update("")
            error.remove_class("-shown")
        self.query(".-invalid-field").remove_class("-invalid-field")

    def show_error(self, field_id: str, message: str) -> None:
        """Show a message under a field (or at the foot of the form if there is no such field)."""
        found = self.query(f"#{field_id}-error").results(Static) if field_id else iter(())
        target = next(iter(found), None) or self.query_one("#form-error", Static)
        target.update(message[:1].upper() + message[1:])
        target.add_class("-shown")
        if field_id and self.query(f"#{field_id}"):
            self.query_one(f"#{field_id}").add_class("-invalid-field")

    def show_validation(self, exc: ValidationError) -> None:
        """Each pydantic error under the field it is about, in plain words."""
        for error in exc.errors():
            loc = [part for part in error["loc"] if isinstance(part, str)]
            name = loc[0] if loc else self.model_error_field
            self.show_error(self.field_for(name), plain_message(error))

    def field_for(self, model_field: str) -> str:
        """The form field that edits a model field (subclasses rename where they differ)."""
        return model_field

    def action_save(self) -> None:
        """Validate, save and close; on a problem, say so at the field and stay."""
        self.clear_errors()
        try:
            result = self.build()
        except FieldError as exc:
            self.show_error(exc.field, exc.message)
            return
        except ValidationError as exc:
            self.show_validation(exc)
            return
        try:
            self.save(result)
        except StoreError as exc:
            self.show_error("", f"Not saved: {exc}")
            return
        self.dismiss(result)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # A paste with a control character is taken back at once, so it never reaches
        # the terminal, and the field says why.
        area = event.text_area
        problem = control_problem(area.text)
        if problem is None:
            self._clean_text[str(area.id)] = area.text
            return
        area.text = self._clean_text.get(str(area.id), "")
        self.show_error(str(area.id), f"Not pasted: it {problem}.")

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        event.stop()
        self.show_error(str(event.input.id), event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        """Close, asking first if anything was typed."""
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard your changes?", yes="Discard", no="Keep editing"), answered
        )
