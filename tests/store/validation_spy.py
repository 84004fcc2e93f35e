"""Counting what the repository validates: lazy reads are proved by what they did not check."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel


def count_validations(monkeypatch: pytest.MonkeyPatch, model: type[BaseModel]) -> list[object]:
    """Every document validated as `model` from now on, in order."""
    seen: list[object] = []
    original = model.model_validate.__func__  # type: ignore[attr-defined]

    def counting(cls: type[BaseModel], document: object, **kwargs: Any) -> BaseModel:
        seen.append(document)
        result: BaseModel = original(cls, document, **kwargs)
        return result

    monkeypatch.setattr(model, "model_validate", classmethod(counting))
    return seen
