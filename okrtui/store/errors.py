"""Errors the store reports to people: which file, what is wrong, what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of the store's user-facing errors."""


class DataFileError(StoreError):
    """A data file that cannot be used. It is left exactly as it was."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice or (
            f"Nothing was changed. Fix the file, or restore a copy from "
            f"{path.parent / 'backups'}/ if there is one."
        )
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"okrtui cannot use {self.path}: {self.problem}\n{self.advice}"


class NotFoundError(StoreError):
    """A team, objective or session that does not exist."""


class SaveError(StoreError):
    """Saving failed (read-only folder, disk full); the caller may retry."""
