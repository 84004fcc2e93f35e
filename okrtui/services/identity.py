"""Who the person using okrtui is: the name their own updates and "open elsewhere" show."""

from __future__ import annotations

import getpass
import os

USER_VARIABLE = "OKRTUI_USER"


def current_person() -> str:
    """The person's name: `OKRTUI_USER` when set, else the account's user name."""
    named = os.environ.get(USER_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"
