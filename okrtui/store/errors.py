"""Errors the store reports to people: which file, what is wrong, what to do."""

from __future__ import annotations

from pathlib import Path

DOCTOR_HINT = "`okrtui doctor` lists every problem in the folder"


class StoreError(Exception):
    """Base of the store's user-facing errors."""


class DataFileError(StoreError):
    """A data file that cannot be used. It is left exactly as it was."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice or (
            f"Nothing was changed. Run `okrtui doctor` to see every problem "
            f"(`okrtui doctor --repair` sets unusable records aside), or restore a copy from "
            f"{path.parent / 'backups'}/ if there is one."
        )
        super().__init__(str(self))

    def __str__(self) -> str:
        advice = self.advice
        if "okrtui doctor" not in advice:
            advice = f"{advice} ({DOCTOR_HINT}.)"
        return f"okrtui cannot use {self.path}: {self.problem}\n{advice}"


class NotFoundError(StoreError):
    """A team, objective or session that does not exist."""


class SaveError(StoreError):
    """Saving failed (read-only folder, disk full); the caller may retry."""


class LockBusy(SaveError):
    """Another process held a data file's lock for longer than a moment; nothing was written.

    Raised only by a write that asked not to wait (`wait=False`); trying again later is safe.
    """


class RecordRefused(StoreError):
    """A record that would not read back was not written; the file is unchanged."""

    def __init__(self, where: str, table: str, record: str, problems: list[str]) -> None:
        self.where = where
        self.table = table
        self.record = record
        self.problems = problems
        super().__init__(
            f"{table} record '{record}' would not read back from {where} "
            f"({'; '.join(problems)}); nothing was written"
        )
