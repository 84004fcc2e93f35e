"""Personal settings: one person's preferences, kept in their own config folder.

The theme, the last export format, the team last shown (per data folder) and the mail
server minutes are sent through belong to the person at the keyboard, not to the team: a facilitator switching to the light theme on the
projector changes nobody else's screen. They live in `settings.json` in the user's config
folder (platformdirs), or in `OKRTUI_CONFIG` / `--config DIR` when given. Team-wide
settings (the facilitator of each team's last meeting) stay with the plan, in the Store.

The file is written like the data files: atomically, under a lock, readable by its owner
only. One that cannot be read stops the program with a message and is never overwritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from okrtui.domain.models import Email
from okrtui.minutes import ExportFormat, Paper
from okrtui.store import DataFileError, SaveError, Store, StoreError
from okrtui.store.storage import FILE_MODE, replace_atomically

CONFIG_ENV = "OKRTUI_CONFIG"
SETTINGS_FILE = "settings.json"
LOCK_TIMEOUT_SECONDS = 10.0
# The plan file's settings once held the theme for everyone: read as a default only.
SHARED_THEME = "theme"


class MailSettings(BaseModel):
    """The SMTP server that sends this person's minutes. The password is never kept here:
    it comes from `OKRTUI_SMTP_PASSWORD` or the system keyring (`okrtui.services.sending`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(min_length=1)
    port: int = Field(default=587, ge=1, le=65535)
    # STARTTLS on the submission port (587), TLS from the start (465), or neither (tests).
    security: Literal["starttls", "tls", "none"] = "starttls"
    user: str = ""
    # The From address of the minutes sent.
    sender: Email = Field(min_length=1)


class Settings(BaseModel):
    """What one person prefers; every field optional, so an empty file is valid."""

    # Settings written by a newer okrtui are kept when this one saves.
    model_config = ConfigDict(extra="allow", frozen=True)

    theme: str | None = None
    export_format: ExportFormat | None = None
    paper: Paper | None = None
    # Where minutes are sent from; without it, "send" writes an .eml file instead.
    mail: MailSettings | None = None
    # Data folder (Store.location()) → the team last shown there.
    last_team: dict[str, str] = Field(default_factory=dict)


def config_folder(chosen: str | os.PathLike[str] | None = None) -> Path:
    """The folder chosen by `--config`, else `OKRTUI_CONFIG`, else the user's config folder."""
    if chosen:
        return Path(chosen)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    import platformdirs  # only when no folder was given

    return platformdirs.user_config_path("okrtui", appauthor=False)


class PersonalSettings:
    """The settings file of one config folder: read it, change it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def at(cls, chosen: str | os.PathLike[str] | None = None) -> PersonalSettings:
        """The settings of the chosen config folder (see `config_folder`)."""
        return cls(config_folder(chosen))

    @property
    def path(self) -> Path:
        """The settings file."""
        return self.folder / SETTINGS_FILE

    def load(self) -> Settings:
        """The saved settings (defaults when there is no file); DataFileError for a bad one."""
        try:
            content = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            raise DataFileError(self.path, f"it cannot be read ({exc.strerror or exc})") from None
        if not content.strip():
            return Settings()
        try:
            return Settings.model_validate_json(content)
        except ValidationError as exc:
            problems = "; ".join(_problem(error) for error in exc.errors())
            raise DataFileError(
                self.path,
                f"it does not hold okrtui settings ({problems})",
                "Nothing was changed. Fix or delete the file: it holds only preferences.",
            ) from None

    def update(self, **changes: Any) -> Settings:
        """Save `changes` over the current settings, under the lock; returns what was saved."""
        return self.change(lambda _current: changes)

    def change(self, how: Callable[[Settings], dict[str, Any]]) -> Settings:
        """Save the changes `how` makes to the settings as they are on disk, under the lock.

        Another okrtui of the same person (a second terminal) may have saved meanwhile:
        changes are made to what is on disk, not to what this process read earlier.
        """
        from filelock import FileLock, Timeout  # only a change needs the lock

        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with FileLock(f"{self.path}.lock", timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE):
                current = self.load()  # a bad file stops here, before anything is written
                merged = Settings.model_validate({**current.model_dump(), **how(current)})
                text = json.dumps(merged.model_dump(mode="json"), indent=2, sort_keys=True)
                replace_atomically(str(self.path), text + "\n")
        except Timeout:
            raise SaveError(f"{self.path} is locked by another okrtui process") from None
        except OSError as exc:
            raise SaveError(f"could not save {self.path}: {exc.strerror or exc}") from exc
        return merged


def _problem(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "the file"
    return f"{where}: {error['msg']}"


def initial_theme(settings: Settings, store: Store) -> str | None:
    """The person's theme; before they chose one, the theme once shared in the plan file."""
    if settings.theme is not None:
        return settings.theme
    try:
        shared = store.settings().get(SHARED_THEME)
    except StoreError:
        return None
    return shared if isinstance(shared, str) else None


def opening_team(settings: Settings, store: Store) -> str | None:
    """The team to show first: the one this person last looked at here, else the first."""
    teams = [t.id for t in store.teams()]
    remembered = settings.last_team.get(store.location())
    return remembered if remembered in teams else (teams[0] if teams else None)


def remember_team(
    personal: PersonalSettings, settings: Settings, store: Store, team_id: str
) -> Settings:
    """Remember the team shown in this store's data; returns the settings as saved.

    Nothing is written when `settings` (what this process knows) already says so.
    """
    where = store.location()
    if settings.last_team.get(where) == team_id:
        return settings
    return personal.change(lambda current: {"last_team": {**current.last_team, where: team_id}})
