"""The layers point inward: the domain and the store never pull in Textual."""

from __future__ import annotations

import subprocess
import sys


def _modules_after_import(*modules: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += "print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    loaded = _modules_after_import(
        "okrtui.domain.models",
        "okrtui.domain.scoring",
        "okrtui.domain.plan",
        "okrtui.domain.sample",
        "okrtui.domain.history",
        "okrtui.domain.agenda",
        "okrtui.domain.numbers",
    )
    assert "textual" not in loaded
    assert "tinydb" not in loaded


def test_store_does_not_import_textual() -> None:
    loaded = _modules_after_import("okrtui.store")
    assert "textual" not in loaded
    assert "tinydb" in loaded


def test_command_line_lists_sessions_without_textual() -> None:
    # `okrtui sessions` and `plan export` should start fast: Textual only loads for the app.
    loaded = _modules_after_import("okrtui.cli")
    assert "textual" not in loaded
