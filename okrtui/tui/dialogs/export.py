"""Exporting minutes from the app: choose a format and a path, or copy the Markdown."""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static
from textual.worker import Worker, WorkerState

from okrtui.domain.history import earlier_sessions
from okrtui.domain.models import Session
from okrtui.domain.text import escape_control
from okrtui.minutes import (
    EXPORT_FORMATS,
    EXTENSIONS,
    FORMAT_NAMES,
    PAPERS,
    ExportFormat,
    Paper,
    render_markdown,
)
from okrtui.minutes.files import (
    ExistingFiles,
    ExportError,
    data_folder_of,
    default_path,
    session_target,
)
from okrtui.minutes.pdf import PdfUnavailable
from okrtui.services.exporting import (
    Exported,
    export_minutes,
    minutes_to_download,
    preferred_format,
    preferred_paper,
)
from okrtui.store import StoreError
from okrtui.tui.dialogs.confirm import ConfirmDialog
from okrtui.tui.widgets.text_input import PATH_LIMITS, TextInput

if TYPE_CHECKING:
    from okrtui.tui.app import OkrApp

PAPER_NAMES: dict[Paper, str] = {"a4": "A4", "letter": "Letter"}
PDF_WORKER = "export-pdf"
# Where the PDF was to go, and the path written or why not.
_Outcome = tuple[Path, "Exported | ExportError | PdfUnavailable"]
MEDIA_TYPES: dict[ExportFormat, str] = {
    "md": "text/markdown",
    "html": "text/html",
    "json": "application/json",
    "text": "text/plain",
    "pdf": "application/pdf",
}


class ExportDialog(ModalScreen[Path | None]):
    """Writes a session's minutes to a file (dismissing with its path) or to the clipboard.

    A file that is already there is replaced only when the facilitator says yes; nothing is
    written inside the data folder (`data_folder`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+y", "copy", "Copy Markdown"),
    ]

    def __init__(
        self,
        session: Session,
        earlier: list[Session],
        title: str,
        data_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.earlier = earlier
        self.title_text = title
        self.data_folder = data_folder
        settings = cast("OkrApp", self.app).settings
        self.fmt: ExportFormat = preferred_format(settings)
        self.paper: Paper = preferred_paper(settings)
        self._finished = False
        self._made: Path | None = None  # a PDF finished while another screen was on top

    def compose(self) -> ComposeResult:
        relative = default_path(self.session, self.fmt, Path("."))
        with Vertical(id="export-box", classes="history-dialog"):
            yield Label(f"Export the minutes of {escape_control(self.title_text)}", markup=False)
            with RadioSet(id="export-format"):
                for fmt in EXPORT_FORMATS:
                    yield RadioButton(FORMAT_NAMES[fmt], value=fmt == self.fmt, id=f"format-{fmt}")
            # The paper matters to a PDF only, so it shows only then.
            with RadioSet(id="export-paper") as papers:
                papers.display = self.fmt == "pdf"
                for paper in PAPERS:
                    chosen = paper == self.paper
                    yield RadioButton(PAPER_NAMES[paper], value=chosen, id=f"paper-{paper}")
            if self.app.is_web:  # in a browser: the file downloads there, never on the server
                yield Label("The file downloads in your browser.", id="export-download")
            else:
                yield Label("Save to (relative to the folder okrtui was started in):")
                yield TextInput(str(relative), limits=PATH_LIMITS, id="export-path")
            yield Static("", id="path-error", classes="-empty", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export (ctrl+s)", id="export", variant="primary")
                yield Button("Copy Markdown (ctrl+y)", id="copy")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.app.is_web:
            self.query_one("#export", Button).focus()
        else:
            self.query_one("#export-path", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.radio_set.id == "export-paper":
            self.paper = cast(Paper, str(event.pressed.id).removeprefix("paper-"))
            return
        chosen = str(event.pressed.id).removeprefix("format-")
        self.fmt = cast(ExportFormat, chosen)
        self.query_one("#export-paper", RadioSet).display = self.fmt == "pdf"
        if self.app.is_web:
            return
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix.lstrip(".") in EXTENSIONS.values():
            path_input.value = str(path.with_suffix(f".{EXTENSIONS[self.fmt]}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._error("")

    def on_text_input_refused(self, event: TextInput.Refused) -> None:
        event.stop()
        self._error(event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"export": self.action_export, "copy": self.action_copy}
        actions.get(str(event.button.id), self.action_cancel)()

    def _error(self, message: str) -> None:
        error = self.query_one("#path-error", Static)
        error.update(escape_control(message))
        error.set_class(not message, "-empty")
        for field in self.query("#export-path"):
            field.set_class(bool(message), "-invalid")

    def action_export(self) -> None:
        """Write the minutes to the path; a problem shows under the path field.

        A path ending in `/` (or an existing folder) gets the default file name in it. In a
        browser, the browser downloads the file instead.
        """
        if self.app.is_web:
            self._download()
            return
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self._error("Type where to save the minutes, like exports/minutes.md")
            return
        path = session_target(value, self.session, self.fmt)
        if not path.is_absolute():
            path = Path.cwd() / path
        self._write(path, force=False)

    def _write(self, path: Path, force: bool) -> None:
        if self._finished:
            return  # a key that came in behind the export that closed the dialog
        if self.fmt == "pdf":
            if self._making_pdf():
                return  # Enter again while it is made: the one on its way is enough
            # Laying out a PDF takes a few seconds: off the event loop, keys still answer.
            self._error("Making the PDF…")
            work = partial(self._export_in_worker, path, force)
            self.run_worker(work, thread=True, name=PDF_WORKER)
            return
        self._exported(path, self._export(path, force))

    def _export(self, path: Path, force: bool) -> Exported | ExportError | PdfUnavailable:
        """Write the minutes; what went wrong is returned, so a worker can hand it back."""
        try:
            return export_minutes(
                self.session,
                self.earlier,
                self.fmt,
                path,
                self.data_folder,
                cast("OkrApp", self.app).personal,
                force,
                self.paper,
            )
        except (ExportError, PdfUnavailable) as exc:
            return exc

    def _making_pdf(self) -> bool:
        return any(w.name == PDF_WORKER and not w.is_finished for w in self.workers)

    def _export_in_worker(self, path: Path, force: bool) -> _Outcome:
        return path, self._export(path, force)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The PDF's worker finished: close with its path, or say what went wrong."""
        if event.worker.name != PDF_WORKER or event.state != WorkerState.SUCCESS:
            return
        event.stop()
        path, outcome = cast(_Outcome, event.worker.result)
        self._exported(path, outcome)

    def _exported(self, path: Path, outcome: Exported | ExportError | PdfUnavailable) -> None:
        if isinstance(outcome, Exported):
            if outcome.settings is not None:
                # The next export in this run offers the format too, not only the next run's.
                cast("OkrApp", self.app).settings = outcome.settings
            self._close(outcome.path)
        else:
            self._refused(path, outcome)

    def _refused(self, path: Path, exc: Exception) -> None:
        self._error("")
        if isinstance(exc, PdfUnavailable):
            self._error(str(exc))
            return
        if isinstance(exc, ExistingFiles):
            self.app.push_screen(
                # The question first: a long path may not fit the box at 80 columns.
                ConfirmDialog(
                    f"Replace the file that is already there?\n{_shown(path)}",
                    "Replace",
                    "Keep it",
                ),
                lambda replace: self._answered(path, bool(replace)),
            )
            return
        self._error(f"{exc}. Choose another path.")

    def _download(self) -> None:
        app = cast("OkrApp", self.app)
        try:
            name, contents = minutes_to_download(
                self.session, self.earlier, self.fmt, app.personal, self.paper
            )
        except PdfUnavailable as exc:
            self._error(str(exc))
            return
        media = MEDIA_TYPES[self.fmt]
        if isinstance(contents, bytes):
            app.deliver_binary(io.BytesIO(contents), save_filename=name, mime_type=media)
        else:
            app.deliver_text(io.StringIO(contents), save_filename=name, mime_type=media)
        app.notify(f"{name} is downloading in your browser.", title="Exported", markup=False)
        self._close(None)

    def _answered(self, path: Path, replace: bool) -> None:
        if replace:
            self._write(path, force=True)
        else:
            self._error(f"{_shown(path)} was kept as it is. Choose another path to export to.")

    def action_copy(self) -> None:
        """Put the Markdown minutes on the clipboard."""
        self.app.copy_to_clipboard(render_markdown(self.session, self.earlier))
        self.app.notify("The Markdown minutes are on the clipboard.", title="Copied")
        self._close(None)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self._close(None)

    def _close(self, result: Path | None) -> None:
        """Close once, with `result`: a key or a finished PDF behind the first answer changes
        nothing. A PDF made while another screen (help) is over the dialog closes it on return."""
        if self._finished:
            return
        if not self.is_active:
            self._made = result
            return
        self._finished = True
        self.dismiss(result)

    def on_screen_resume(self) -> None:
        if self._made is not None:
            self._close(self._made)


def _shown(path: Path) -> str:
    # As the facilitator typed it: relative to the folder okrtui was started in when inside it.
    return str(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


def _latest(app: OkrApp) -> Session | None:
    for quarter in app.repository.quarters():
        found = app.repository.sessions(quarter, app.team_id)
        if found:
            return found[-1]
    return None


def minutes_title(session: Session) -> str:
    """Whose minutes a dialog is about: the team, the meeting and its date."""
    from okrtui.tui.widgets.session_table import meeting_label

    return f"{session.team_name or session.team_id} {meeting_label(session)} of {session.date}"


def open_export(app: OkrApp, session_id: str | None) -> None:
    """Ask for a format and a path and export a session's minutes (the latest if None)."""
    try:
        session = app.repository.session(session_id) if session_id else _latest(app)
        if session is None:
            app.notify("There are no meetings to export yet.", severity="warning")
            return
        earlier = earlier_sessions(app.repository, session)
    except StoreError as exc:
        app.notify(str(exc), title="Cannot export", severity="error", markup=False)
        return
    title = minutes_title(session)

    def exported(path: Path | None) -> None:
        if path is not None:
            app.notify(f"Minutes saved to {path}", title="Exported", markup=False)

    dialog = ExportDialog(session, earlier, title, data_folder_of(app.repository))
    app.push_screen(dialog, exported)
