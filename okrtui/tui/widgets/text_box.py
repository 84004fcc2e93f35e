"""A multi-line text field for what people write as paragraphs (a summary, notes).

`TextBox(fills=Fills(Session, "summary", "The summary"), id=...)` keeps the rules of the
one-line `TextInput` (`TextRules`: the model's length limit, control characters refused
as they are typed or pasted, `checked()` with the field's own type) and takes line breaks.
Enter is left to the step (it commits the field); shift+Enter or ctrl+j starts a new line.
Terminals differ: most (and tmux unless its extended keys are on) send shift+Enter as a
plain Enter, while ctrl+j arrives everywhere, so the hints name ctrl+j.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from okrtui.domain.limits import Fills
from okrtui.domain.text import escape_control
from okrtui.tui.widgets.text_input import TextInput, TextRules

NEW_LINE_KEYS = ("shift+enter", "ctrl+j")
NEW_LINE_HINT = "ctrl+j new line"
"""How the hints say a new line is started (the key every terminal delivers)."""


def _stored_text(text: str) -> str:
    """A record's text as the box shows it: line breaks kept, other control characters
    written visibly."""
    return "\n".join(escape_control(line) for line in text.split("\n"))


class TextBox(TextArea):
    """A TextArea with a model field's limits; Enter commits (the step's), ctrl+j a new line."""

    @dataclass
    class Blurred(Message):
        """The box lost the focus (as `Input.Blurred`), so a step can commit what it says."""

        box: TextBox

        @property
        def control(self) -> TextBox:
            """The box that lost the focus."""
            return self.box

    def __init__(
        self,
        value: str = "",
        *,
        fills: Fills,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.rules = TextRules.of(fills, None, multiline=True)
        self.fills = fills
        self.original = value
        super().__init__(
            _stored_text(value),
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            highlight_cursor_line=False,
            placeholder=placeholder,
            id=id,
            classes=classes,
            **kwargs,
        )

    @property
    def value(self) -> str:
        """The text in the box (as `Input.value`)."""
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    def show_stored(self, text: str) -> None:
        """Show `text` from a record: control characters written visibly, the text kept."""
        self.original = text
        self.value = _stored_text(text)

    @property
    def typed(self) -> str:
        """What the box was given while untouched, else what is in it now."""
        return self.original if self.text == _stored_text(self.original) else self.text

    def checked(self) -> str:
        """The text as the model keeps it; FieldProblem (at this box) when refused."""
        return self.rules.check(self.typed, self.id or "")

    async def _on_key(self, event: events.Key) -> None:
        # A new line is inserted here, in the order the keys came, not by a binding (which
        # runs after the keys already queued behind it).
        if event.key in NEW_LINE_KEYS or any(a in NEW_LINE_KEYS for a in event.aliases):
            event.stop()
            event.prevent_default()
            self._replace_via_keyboard("\n", *self.selection)
            return
        await super()._on_key(event)

    def _replace_via_keyboard(self, insert: str, start: Any, end: Any) -> Any:
        # Every typed or pasted edit comes through here: refused or cut as TextInput does.
        insert = insert.replace("\r\n", "\n").replace("\r", "\n")
        replaced = len(self.get_text_range(*sorted((start, end))))
        admitted, problem = self.rules.admit(insert, len(self.text), replaced)
        if problem is not None:
            self.post_message(TextInput.Refused(self, problem))
        if not admitted:
            return None
        return super()._replace_via_keyboard(admitted, start, end)

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.post_message(self.Blurred(self))
