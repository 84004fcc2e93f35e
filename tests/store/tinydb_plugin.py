"""A pytest plugin that runs TinyDB's own tests on `okrtui.store.AtomicJSONStorage`.

Loaded with `-p tinydb_plugin` (this folder on PYTHONPATH) before TinyDB's test modules are
imported, so their `from tinydb import JSONStorage` receives ours. At the end it writes a
report to $OKRTUI_TINYDB_REPORT: what `JSONStorage` was during the run and how many writes
went through our storage, so the caller can tell the substitution really happened.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import tinydb
import tinydb.storages

from okrtui.store import AtomicJSONStorage

tinydb.storages.JSONStorage = AtomicJSONStorage  # type: ignore[misc]
tinydb.JSONStorage = AtomicJSONStorage  # type: ignore[misc]
tinydb.TinyDB.default_storage_class = AtomicJSONStorage

_writes = 0
_atomic_write = AtomicJSONStorage.write


def _counted_write(self: AtomicJSONStorage, data: dict[str, dict[str, Any]]) -> None:
    global _writes
    _writes += 1
    _atomic_write(self, data)


AtomicJSONStorage.write = _counted_write  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Report what TinyDB's tests actually ran against."""
    report = os.environ.get("OKRTUI_TINYDB_REPORT")
    if report is None:
        return
    with open(report, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "storages.JSONStorage": tinydb.storages.JSONStorage.__qualname__,
                "storages.JSONStorage is ours": tinydb.storages.JSONStorage is AtomicJSONStorage,
                "tinydb.JSONStorage is ours": tinydb.JSONStorage is AtomicJSONStorage,
                "default is ours": tinydb.TinyDB.default_storage_class is AtomicJSONStorage,
                "atomic writes": _writes,
            },
            handle,
        )
