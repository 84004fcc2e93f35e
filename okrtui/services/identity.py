"""Who is at the keyboard: the name "open elsewhere" shows and a new meeting's facilitator.

One source for the whole app: `OKRTUI_USER` in the environment (set by `okrtui serve` from
an authenticating proxy's header, or by the person choosing their name on the first screen
of a served app), else the account the process runs as.
"""

from __future__ import annotations

import os

from okrtui.domain.limits import Fills
from okrtui.domain.models import Member
from okrtui.store.holders import this_process

USER_VARIABLE = "OKRTUI_USER"
# A person's name is a member's name: the same limits, whoever typed or sent it.
PERSON = Fills(Member, "name", "Your name")


def current_person() -> str:
    """The person using this process: `OKRTUI_USER` when it holds a usable name, else the
    account's login name."""
    named = os.environ.get(USER_VARIABLE, "")
    try:
        return PERSON.check(named)
    except ValueError:
        return this_process().user


def named_by_environment() -> bool:
    """Whether `OKRTUI_USER` names the person (so nobody needs to be asked)."""
    try:
        PERSON.check(os.environ.get(USER_VARIABLE, ""))
    except ValueError:
        return False
    return True


def choose_person(name: str) -> str:
    """Make `name` this process's person (checked; ValueError in plain words if refused)."""
    checked = PERSON.check(name)
    os.environ[USER_VARIABLE] = checked
    return checked
