"""The help screen: the keys of the screen beneath it, read from its active bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

# The widest `#help-box` of app.tcss, in cells.
HELP_BOX_MAX_WIDTH = 100
# Where a binding comes from, in the order the help lists them.
SCREEN, STEP, APP = 0, 1, 2


def _okrtui_bindings(node: object) -> set[tuple[str, str]]:
    """(action, description) of the bindings okrtui's own classes give `node`."""
    found: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("okrtui"):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                found.add((binding.action, binding.description))
            elif isinstance(binding, tuple) and len(binding) >= 3:
                found.add((str(binding[1]), str(binding[2])))
    return found


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for every okrtui binding active on `screen` with a description.

    A binding's tooltip, when it has one, is the longer explanation of its footer word.
    The keys this screen defines come first, then those of the part in focus (a meeting's
    step), then the app's. The editing and scrolling keys Textual's own widgets bring are
    left out: they work as everywhere, and listing them hid okrtui's keys below the fold.
    """
    ours: dict[int, set[tuple[str, str]]] = {}

    def rank(active: ActiveBinding) -> int | None:
        node = active.node
        if node is screen.app:
            return APP
        key = (active.binding.action, active.binding.description)
        if id(node) not in ours:
            ours[id(node)] = _okrtui_bindings(node)
        if key not in ours[id(node)]:
            return None
        return SCREEN if node is screen else STEP

    ranked = [(rank(active), active) for active in screen.active_bindings.values()]
    rows: dict[str, list[str]] = {}
    for _, active in sorted(((r, a) for r, a in ranked if r is not None), key=lambda pair: pair[0]):
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        shown = screen.app.get_key_display(binding)
        does = rows.setdefault(binding.tooltip or binding.description, [])
        if shown not in does:
            does.append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Lists what each key does on the screen the user came from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Back"),
        Binding("question_mark,f1", "dismiss", "Back", show=False),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.keys = screen_keys(screen)
        self.title_text = f"Keys on {screen.sub_title}" if screen.sub_title else "Keys"

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            table = DataTable[Text](id="help-table", cursor_type="row", zebra_stripes=True)
            key_width = max((len(keys) for keys, _ in self.keys), default=3)
            table.add_column("Key", width=key_width)
            # A long explanation wraps onto a second line rather than being cut.
            table.add_column("Does", width=max(20, self._box_width() - key_width - 8))
            for keys, description in self.keys:
                table.add_row(Text(keys), Text(description), height=None)
            yield table
            yield Label(
                "Fields and lists take the usual editing and arrow keys. "
                "escape goes back; ctrl+p finds any command.",
                classes="hint",
            )

    def _box_width(self) -> int:
        """The help box's inner width on this terminal (as app.tcss sizes `#help-box`)."""
        return min(HELP_BOX_MAX_WIDTH, self.app.size.width * 9 // 10) - 4

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)
