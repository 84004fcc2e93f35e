"""Shared fixtures: repositories on both backends, the sample team, a fixed today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from okrtui.domain.sample import sample_plan, sample_sessions
from okrtui.store import Repository

# The demo's pace markers and "this week" depend on today; tests pin it.
TODAY = date(2026, 11, 12)


@pytest.fixture(params=["memory", "file"])
def repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    """An empty repository, once in memory and once on disk."""
    if request.param == "memory":
        yield Repository.in_memory()
    else:
        yield Repository.open(tmp_path / "data")


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    """A data folder holding the sample team and its six meetings."""
    folder = tmp_path / "demo"
    repository = Repository.open(folder)
    repository.save_plan(sample_plan())
    for session in sample_sessions():
        repository.save_session(session)
    return folder


@pytest.fixture
def demo_repository(demo_folder: Path) -> Repository:
    """A fresh repository on the demo folder."""
    return Repository.open(demo_folder)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, so that no worker is left with one of them at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
