"""The layers point inward: the domain and the store never pull in Textual."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest


def _modules_after_import(*modules: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += "print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _modules_of(package: str) -> list[str]:
    """Every module of a package, found on disk, so a new module is covered the day it lands."""
    root = Path(importlib.import_module(package).__path__[0])
    found = [package]
    for info in pkgutil.walk_packages([str(root)], prefix=f"{package}."):
        found.append(info.name)
    return sorted(found)


@pytest.mark.parametrize("module", _modules_of("okrtui.domain"))
def test_every_domain_module_imports_neither_textual_nor_tinydb(module: str) -> None:
    # Each alone in a fresh interpreter: a module imported after another proves nothing.
    loaded = _modules_after_import(module)
    assert module in loaded
    assert "textual" not in loaded
    assert "tinydb" not in loaded


@pytest.mark.parametrize("module", _modules_of("okrtui.services"))
def test_services_do_not_import_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert module in loaded
    assert "textual" not in loaded


@pytest.mark.parametrize("module", _modules_of("okrtui.tui.widgets.quarterly"))
def test_any_quarterly_step_module_can_be_imported_first(module: str) -> None:
    # The quarterly steps and the step registry once formed a cycle that only one import
    # order survived; each module imported first, alone, shows there is none. (The
    # import-linter contracts forbid the direct imports that would bring it back.)
    assert module in _modules_after_import(module)


def test_store_does_not_import_textual() -> None:
    loaded = _modules_after_import("okrtui.store")
    assert "textual" not in loaded
    assert "tinydb" in loaded


def test_command_line_lists_sessions_without_textual() -> None:
    # `okrtui sessions` and `plan export` should start fast: Textual only loads for the app.
    loaded = _modules_after_import("okrtui.cli")
    assert "textual" not in loaded


# Opening the app shows home; what only other screens need loads when they open.
LOADED_LATER = (
    "filelock",  # only writing takes the lock
    "matplotlib",  # charts: drawn only for HTML and PDF minutes
    "weasyprint",  # only a PDF export loads it
    "numpy",
    "textual_plot",
    "tomli_w",
    "okrtui.domain.plan_entries",  # what a plan file may hold: read by plan import only
    "okrtui.minutes.",  # the renderers; the package itself only names the formats
    "okrtui.domain.sample",
    "okrtui.tui.dialogs",
    "okrtui.tui.screens.help",
    "okrtui.tui.screens.history",
    "okrtui.tui.screens.meeting",
    "okrtui.tui.screens.minutes",
    "okrtui.tui.screens.onboarding",
    "okrtui.tui.screens.plan_editor",
    "okrtui.tui.screens.trends",
    "okrtui.tui.widgets.kr_chart",
)

OPEN_HOME = """
import sys
from datetime import date
from pathlib import Path

from okrtui.cli import run_app
from okrtui.store import Repository


async def list_modules_on_home(pilot):
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "HomeScreen"
    print("\\n".join(sorted(sys.modules)))
    pilot.app.exit()


run_app(
    Repository.open(Path(sys.argv[1])),
    today=date(2026, 11, 25),
    headless=True,
    auto_pilot=list_modules_on_home,
)
"""


def test_opening_the_app_on_home_loads_no_other_screen_nor_charts(demo_folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", OPEN_HOME, str(demo_folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(result.stdout.split())
    assert "okrtui.tui.screens.home" in loaded
    early = sorted(m for m in loaded if m.startswith(LOADED_LATER))
    assert early == []


def test_the_web_server_runs_without_textual() -> None:
    # `okrtui serve` only passes bytes between browsers and app processes.
    loaded = _modules_after_import("okrtui.web.server")
    assert "textual_serve.server" in loaded
    assert "textual" not in loaded
