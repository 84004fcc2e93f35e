"""The step contract holds for every step: Enter is the base class's, commits need a recorder."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from datetime import date, datetime
from types import ModuleType

import pytest
from textual.message_pump import MessagePump
from textual.widgets import Input

import okrtui.tui.widgets.quarterly
import okrtui.tui.widgets.steps
import okrtui.tui.widgets.text_input
from okrtui.domain.agenda import QUARTERLY_AGENDA, WEEKLY_AGENDA, Step
from okrtui.domain.meeting import new_session
from okrtui.domain.sample import OBJECTIVE, TEAM
from okrtui.tui.widgets.step_registry import STEP_WIDGETS
from okrtui.tui.widgets.steps import MeetingContext, StepWidget, UnavailableStep


def step_modules() -> list[ModuleType]:
    """Every module of the weekly and quarterly step packages, and the text field they use."""
    modules: list[ModuleType] = [okrtui.tui.widgets.text_input]
    for package in (okrtui.tui.widgets.steps, okrtui.tui.widgets.quarterly):
        modules.append(package)
        for info in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    return modules


def widget_classes() -> list[type[MessagePump]]:
    """Every widget class the step packages define (steps, cards, pickers, inputs)."""
    found: dict[str, type[MessagePump]] = {}
    for module in step_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, MessagePump) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def handles_submitted(cls: type[MessagePump]) -> bool:
    """Whether the class itself has a handler for Input.Submitted."""
    decorated = cls.__dict__.get("_decorated_handlers") or {}
    if any(issubclass(message, Input.Submitted) for message in decorated):
        return True
    return any(name in cls.__dict__ for name in ("on_input_submitted", "_on_input_submitted"))


def test_the_step_packages_are_all_looked_at() -> None:
    names = {cls.__name__ for cls in widget_classes()}
    assert {"CheckInsStep", "CheckInCard", "NextQuarterStep", "ScoresStep", "TextInput"} <= names


def test_no_step_handles_input_submitted() -> None:
    """Enter is the base class's priority binding; Submitted arrives after the next keys."""
    offenders = [cls.__qualname__ for cls in widget_classes() if handles_submitted(cls)]
    assert offenders == []


def test_the_contract_test_sees_a_submitted_handler() -> None:
    from textual import on

    class Careless(StepWidget):
        @on(Input.Submitted)
        def _submitted(self, event: Input.Submitted) -> None:
            event.stop()

    assert handles_submitted(Careless)


def context() -> MeetingContext:
    session = new_session(
        "2026-Q4-abcdef", TEAM, [OBJECTIVE], "weekly", date(2026, 11, 12), datetime(2026, 11, 12)
    )
    return MeetingContext(session=session, team=TEAM, objectives=[OBJECTIVE])


EVERY_STEP = sorted(
    {
        (step.key, STEP_WIDGETS.get(step.key, UnavailableStep))
        for step in (*WEEKLY_AGENDA, *QUARTERLY_AGENDA)
    },
    key=lambda pair: pair[0],
)


@pytest.mark.parametrize(("key", "widget"), EVERY_STEP, ids=[key for key, _ in EVERY_STEP])
def test_a_step_without_a_recorder_fails_when_built(key: str, widget: type[StepWidget]) -> None:
    step = Step(key, key, 5)
    with pytest.raises(TypeError):
        widget(context(), step)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="needs a recorder"):
        widget(context(), step, None)  # type: ignore[arg-type]


def test_any_step_module_can_be_imported_first() -> None:
    """No step package leans on the other being imported before it."""
    names = [module.__name__ for module in step_modules()]
    names += ["okrtui.tui.widgets.kr_chart", "okrtui.tui.widgets.step_registry"]
    failed = {}
    for name in names:
        result = subprocess.run(
            [sys.executable, "-c", f"import {name}"], capture_output=True, text=True
        )
        if result.returncode:
            failed[name] = result.stderr.strip().splitlines()[-1]
    assert failed == {}
