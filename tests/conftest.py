"""Shared fixtures: every Store implementation, the sample team, a fixed today, tmp settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from okrtui.services.demo import build_demo
from okrtui.services.identity import USER_VARIABLE
from okrtui.services.settings import CONFIG_ENV
from okrtui.store import Repository, Store
from okrtui.store.serial import SerialStore

# The demo's pace markers and "this week" depend on today; tests pin it.
TODAY = date(2026, 11, 12)


# Every implementation of the Store port, by name: each must pass the contract suite in
# tests/store/test_store_contract.py. A new store is added here and nowhere else.
STORES: dict[str, Callable[[Path], Store]] = {
    "memory": lambda _folder: Repository.in_memory(),
    "file": lambda folder: Repository.open(folder / "data"),
    "serial": lambda folder: SerialStore(Repository.open(folder / "data")),
}


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """An empty store, once per implementation."""
    return STORES[request.param](tmp_path)


@pytest.fixture(params=["memory", "file"])
def repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    """An empty repository, once per backend (for tests of the repository itself)."""
    if request.param == "memory":
        yield Repository.in_memory()
    else:
        yield Repository.open(tmp_path / "data")


@pytest.fixture(autouse=True)
def personal_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test's personal settings in a folder of its own, never the real user's.

    Set in the environment, so the app's child processes (kill and tmux tests) use it too.
    """
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def nobody_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test is named by the shell it ran from, and one that names someone leaves nobody
    named after it (set first, so that the undo removes the variable again)."""
    monkeypatch.setenv(USER_VARIABLE, "")
    monkeypatch.delenv(USER_VARIABLE)


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    """A data folder holding the demo as `okrtui demo` builds it: the sales team and its six
    meetings (opened first), and the support team with its own agenda and open issues."""
    folder = tmp_path / "demo"
    build_demo(Repository.open(folder))
    return folder


@pytest.fixture
def demo_repository(demo_folder: Path) -> Repository:
    """A fresh repository on the demo folder."""
    return Repository.open(demo_folder)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, so that no worker is left with one of them at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
