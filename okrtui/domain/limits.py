"""A field's limits, read from the model it fills, so a form never repeats a number."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel
from pydantic.functional_validators import AfterValidator

from okrtui.domain.text import check_multiline


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
