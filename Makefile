# Two commands: `make run` and `make test`. Both build .venv from nothing when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint imports typecheck pytest bench clean

run: $(VENV)/.run-installed
	$(BIN)/okrtui --data sessions

test: $(VENV)/.dev-installed lint imports typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check okrtui tests bench
	$(BIN)/ruff format --check okrtui tests bench

# The layers and forbidden imports of .importlinter (tests/test_import_hygiene.py checks
# the same at run time).
imports: $(VENV)/.dev-installed
	$(BIN)/lint-imports --no-logo --cache-dir .cache/import-linter

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

# Four workers on two cores: Pilot tests spend half their time waiting for the app to go
# idle, so two more workers fill those waits. One test at a time each, slow ones first
# (tests/conftest.py), so no worker is left with a monkey run at the end.
pytest: $(VENV)/.dev-installed
	$(BIN)/pytest -q -n 4 --maxschedchunk 1 --durations=15

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.run-installed

# The README's pictures, drawn by the app itself from the demo data on a fixed date (the HTML
# minutes' picture by headless chromium, at the width of an A4 page).
.PHONY: screenshots
screenshots: $(VENV)/.run-installed
	$(BIN)/python docs/screenshots/make_screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .cache

bench: $(VENV)/.dev-installed
	$(BIN)/python -m bench.run
