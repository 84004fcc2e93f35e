"""Text fields of the meeting steps: each names the model field it fills and takes its limits.

A step declares a text field as `TextInput(fills=Fills(Contribution, "text", "What they
did"), id=...)`. The input's length limit and required-ness come from that pydantic field
(`okrtui.domain.limits`), and `Fills.check` validates typed text with the field's own type,
so a form never repeats a number and never lets through what the model would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from textual.message import Message
from textual.widgets import Input

from okrtui.domain.limits import TextLimits, text_limits
from okrtui.domain.validation import plain_message


class FieldProblem(ValueError):
    """A form field holds something unusable; `field_id` says which."""

    def __init__(self, field_id: str, message: str) -> None:
        super().__init__(message)
        self.field_id = field_id


@dataclass(frozen=True)
class Fills:
    """The model field a text input fills, and the words that name it in a message."""

    model: type[BaseModel]
    name: str
    label: str
    # A picker may stand for "nobody in particular" when blank (a note of the whole team),
    # though the model's field, a member's name, is required.
    blank_allowed: bool = False

    @property
    def limits(self) -> TextLimits:
        """The field's length limit and required-ness, read from the model."""
        limits = text_limits(self.model, self.name)
        return replace(limits, required=False) if self.blank_allowed else limits

    def check(self, text: str) -> str:
        """The text as the model keeps it (trimmed); ValueError in plain words if refused."""
        if self.blank_allowed and not text.strip():
            return ""
        try:
            return str(_adapter(self.model, self.name).validate_python(text))
        except ValidationError as exc:
            raise ValueError(f"{self.label} {plain_message(exc.errors()[0])}") from None

    def message(self, exc: ValidationError) -> str:
        """A model's validation error about this field, in plain words."""
        return f"{self.label} {plain_message(exc.errors()[0])}"


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator of one field's (or one list item's) type, with its constraints."""
    field = model.model_fields[name]
    annotation: Any = field.annotation
    if not field.metadata and get_args(annotation):  # list[Name]: the item carries them
        return TypeAdapter(get_args(annotation)[0])
    return TypeAdapter(Annotated[(annotation, *field.metadata)])


class TextInput(Input):
    """An Input that fills a model's text field: at most as long as the model allows.

    Typed or pasted text beyond the limit is cut at the limit, and `TooLong` is posted so
    the step can say so at the field.
    """

    @dataclass
    class TooLong(Message):
        """More was typed or pasted than the field can hold; the rest was left out."""

        input: TextInput

    def __init__(self, value: str = "", *, fills: Fills, **kwargs: Any) -> None:
        super().__init__(value, max_length=fills.limits.max_length or 0, **kwargs)
        self.fills = fills

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace a range with `text`, cut so the value stays within the limit."""
        if self.max_length:
            low, high = sorted((max(0, start), min(len(self.value), end)))
            room = self.max_length - (len(self.value) - (high - low))
            if len(text) > room:
                text = text[: max(0, room)]
                self.post_message(self.TooLong(self))
        super().replace(text, start, end)

    def checked(self) -> str:
        """The value as the model keeps it; FieldProblem (at this field) when refused."""
        try:
            return self.fills.check(self.value)
        except ValueError as exc:
            raise FieldProblem(self.id or "", str(exc)) from None
