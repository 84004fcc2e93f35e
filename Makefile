# Two commands: `make run` and `make test`. Both build .venv from nothing when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck pytest bench clean

run: $(VENV)/.run-installed
	$(BIN)/okrtui --data sessions

test: $(VENV)/.dev-installed lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check okrtui tests bench
	$(BIN)/ruff format --check okrtui tests bench

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest -q -n 2 --durations=15

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.run-installed

# The README's pictures, drawn by the app itself from the demo data on a fixed date.
.PHONY: screenshots
screenshots: $(VENV)/.run-installed
	$(BIN)/python docs/screenshots/make_screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .cache

bench: $(VENV)/.dev-installed
	$(BIN)/python -m bench.run
