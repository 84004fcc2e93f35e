"""A one-line text field that keeps to the limits of the model field it fills.

A field that fills a model's text field is `TextInput(fills=Fills(Contribution, "text",
"What they did"), id=...)`: its length limit and required-ness come from that pydantic
field, and `checked()` validates the text with the field's own type, so a form never repeats
a number and never lets through what the model would refuse. A field that fills no model
(a file path, a search) is given plain `TextLimits`. The multi-line field
(`okrtui.tui.widgets.text_box.TextBox`) keeps the same rules (`TextRules`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input

from okrtui.domain.limits import FieldProblem, Fills, TextLimits, cut_message, not_typed
from okrtui.domain.text import one_line


def _longest_path() -> int | None:
    try:
        return os.pathconf("/", "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):  # no such limit on this system
        return None


PATH_LIMITS = TextLimits(max_length=_longest_path(), required=True, multiline=False)
"""A typed file path: as long as the system allows, one line."""


@dataclass(frozen=True)
class TextRules:
    """What a text field takes as it is typed or pasted, and how its text is checked.

    Shared by the one-line and the multi-line field, so both refuse and cut alike.
    """

    fills: Fills | None
    limits: TextLimits | None
    multiline: bool = False

    @classmethod
    def of(
        cls, fills: Fills | None, limits: TextLimits | None, multiline: bool = False
    ) -> TextRules:
        """The rules of a field filling `fills` (or keeping to plain `limits`)."""
        return cls(fills, fills.limits if fills is not None else limits, multiline)

    @property
    def max_length(self) -> int | None:
        """The longest text the field keeps, from the model; None when unlimited."""
        return self.limits.max_length if self.limits is not None else None

    def admit(self, text: str, length: int, replaced: int) -> tuple[str | None, str | None]:
        """(what of `text` goes in, why something was refused or cut) for a field holding
        `length` characters of which `replaced` are being replaced."""
        problem = not_typed(text, self.multiline)
        if problem is not None:
            return None, problem
        limit = self.max_length
        room = None if not limit else limit - (length - replaced)
        if room is not None and len(text) > room:
            label = self.fills.label if self.fills is not None else None
            return text[: max(0, room)], cut_message(limit or 0, label)
        return text, None

    def check(self, typed: str, field_id: str) -> str:
        """The text as the model keeps it; FieldProblem (at `field_id`) when refused.

        A field that fills no model gives its text as typed.
        """
        if self.fills is None:
            return typed
        try:
            return self.fills.check(typed)
        except ValueError as exc:
            raise FieldProblem(field_id, str(exc)) from None


class TextInput(Input):
    """An Input whose limits come from the model field it fills (or are given plainly).

    What cannot be kept is not taken as it is typed or pasted, and a `Refused` message says
    why, for the screen or step to show at the field: a control character or a line break is
    refused, text beyond the length limit is cut at the limit. Text a data file held is
    shown with its control characters written visibly, and kept as it was while the field
    is untouched (`typed`).
    """

    @dataclass
    class Refused(Message):
        """Something typed or pasted was not taken (or cut); `message` says why."""

        input: Widget  # the TextInput or TextBox that refused it
        message: str

        @property
        def control(self) -> Widget:
            """The field that refused it."""
            return self.input

    # Textual's Input sets its virtual size at every character, and a new virtual size lays
    # the whole screen out again: most of a typed character's cost. Laid out here only when
    # the text does not fit the field before or after (then it scrolls within the field).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, before: Size, after: Size) -> None:
        if max(before.width, after.width) > self.content_region.width:
            self.refresh(layout=True)

    def __init__(
        self,
        value: str = "",
        *,
        fills: Fills | None = None,
        limits: TextLimits | None = None,
        **kwargs: Any,
    ) -> None:
        self.rules = TextRules.of(fills, limits)
        self.fills = fills
        self.limits = self.rules.limits
        self.original = value
        super().__init__(one_line(value), max_length=self.rules.max_length or 0, **kwargs)

    def show_stored(self, text: str) -> None:
        """Show `text` from a record: control characters written visibly, the text kept."""
        self.original = text
        self.value = one_line(text)

    @property
    def typed(self) -> str:
        """The field's text: what it was given while untouched (line breaks and all), else
        what is in it now."""
        return self.original if self.value == one_line(self.original) else self.value

    def replace(self, text: str, start: int, end: int) -> None:
        """Insert `text`: refused if it holds a control character, cut at the length limit."""
        low, high = sorted((max(0, start), min(len(self.value), end)))
        admitted, problem = self.rules.admit(text, len(self.value), high - low)
        if problem is not None:
            self.post_message(self.Refused(self, problem))
        if admitted is not None:
            super().replace(admitted, start, end)

    def checked(self) -> str:
        """The text as the model keeps it; FieldProblem (at this field) when refused.

        A field that fills no model gives its text as typed.
        """
        return self.rules.check(self.typed, self.id or "")
