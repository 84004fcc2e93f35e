"""A field's limits, read from the model it fills, so a form never repeats a number.

`Fills` names the model field a text field fills: its limits (`text_limits`) and a check
with the field's own type, so typed text is refused exactly where the model would refuse
it, in plain words that name the field.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.functional_validators import AfterValidator

from okrtui.domain.text import check_multiline, control_problem
from okrtui.domain.validation import plain_message


@dataclass(frozen=True)
class TextLimits:
    """How long a text field may be, whether it must be filled, and whether it takes lines."""

    max_length: int | None
    required: bool
    multiline: bool


def text_limits(model: type[BaseModel], field_name: str) -> TextLimits:
    """The limits of `model.field_name` (or of its items, for a list of texts)."""
    field = model.model_fields[field_name]
    metadata = list(field.metadata)
    annotation = field.annotation
    item = getattr(annotation, "__args__", ())
    if not metadata and item:  # list[Name]: the constraints sit on the item type
        metadata = [m for arg in item for m in getattr(arg, "__metadata__", ())]
    max_length = next(
        (m.max_length for m in metadata if getattr(m, "max_length", None) is not None), None
    )
    min_length = next(
        (m.min_length for m in metadata if getattr(m, "min_length", None) is not None), 0
    )
    multiline = any(isinstance(m, AfterValidator) and m.func is check_multiline for m in metadata)
    return TextLimits(max_length=max_length, required=min_length > 0, multiline=multiline)


class FieldProblem(ValueError):
    """A form field holds something unusable; `field_id` says which."""

    def __init__(self, field_id: str, message: str) -> None:
        super().__init__(message)
        self.field_id = field_id


@dataclass(frozen=True)
class Fills:
    """The model field a text field fills, and the words that name it in a message."""

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
            return str(field_adapter(self.model, self.name).validate_python(text))
        except ValidationError as exc:
            raise ValueError(self.message(exc)) from None

    def message(self, exc: ValidationError) -> str:
        """A model's validation error about this field, in plain words."""
        return f"{self.label} {plain_message(exc.errors()[0])}"


@cache
def field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator of one field's (or one list item's) type, with its constraints."""
    field = model.model_fields[name]
    annotation: Any = field.annotation
    if not field.metadata and get_args(annotation):  # list[Name]: the item carries them
        return TypeAdapter(get_args(annotation)[0])
    return TypeAdapter(Annotated[(annotation, *field.metadata)])


def not_typed(text: str, multiline: bool = False) -> str | None:
    """Why `text` may not be typed or pasted into a field; None when it may.

    A one-line field cannot show a line break, so one is refused even where the model
    would keep lines; a multi-line field takes line breaks where the model keeps them.
    """
    problem = control_problem(text, multiline=multiline)
    return None if problem is None else f"Not pasted: it {problem}."


def cut_message(max_length: int, label: str | None = None) -> str:
    """What a field says when what was typed or pasted was cut at its length limit."""
    if label is None:
        return f"At most {max_length} characters fit here; the rest was left out."
    return f"{label} can be at most {max_length} characters; the rest was left out."
