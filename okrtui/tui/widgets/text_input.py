"""A one-line text field that keeps to the limits of the model field it fills."""

from __future__ import annotations

import os
from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from okrtui.domain.limits import TextLimits
from okrtui.domain.text import control_problem, one_line


def _longest_path() -> int | None:
    try:
        return os.pathconf("/", "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):  # no such limit on this system
        return None


PATH_LIMITS = TextLimits(max_length=_longest_path(), required=True, multiline=False)
"""A typed file path: as long as the system allows, one line."""


class TextInput(Input):
    """An Input whose length limit comes from a model field (`text_limits`).

    What cannot be kept is refused as it is typed or pasted, and said in a `Refused`
    message for the screen to show at the field: more than the field's length, a control
    character. Text a data file held is shown with its control characters written visibly.
    """

    @dataclass
    class Refused(Message):
        """Something typed or pasted into the field was not taken; `message` says why."""

        input: TextInput
        message: str

        @property
        def control(self) -> TextInput:
            """The field that refused it."""
            return self.input

    def __init__(
        self,
        value: str = "",
        *,
        limits: TextLimits | None = None,
        placeholder: str = "",
        id: str | None = None,
        compact: bool = False,
    ) -> None:
        max_length = limits.max_length if limits is not None else None
        self.original = value
        super().__init__(
            one_line(value),
            placeholder=placeholder,
            id=id,
            compact=compact,
            max_length=max_length or 0,
        )
        self.limits = limits

    @property
    def typed(self) -> str:
        """The field's text: what it was given while untouched (line breaks and all), else
        what is in it now."""
        return self.original if self.value == one_line(self.original) else self.value

    def replace(self, text: str, start: int, end: int) -> None:
        """Insert `text` unless it holds a control character (then say so and keep the value)."""
        problem = control_problem(text, multiline=False)
        if problem is not None:
            self.post_message(self.Refused(self, f"Not pasted: it {problem}."))
            return
        super().replace(text, start, end)

    def restricted(self) -> None:
        """Too long for the field: say how much fits instead of ringing the bell."""
        self.post_message(
            self.Refused(self, f"Not taken: at most {self.max_length} characters fit here.")
        )
