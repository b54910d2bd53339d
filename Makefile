# selfaudit developer commands. Every target creates .venv itself when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

## Open the app on your own local store.
run: $(STAMP)
	$(BIN)/selfaudit

## Run the whole test suite (fails when no test is collected).
test: $(STAMP)
	$(BIN)/python -m pytest

## Lint and type-check src and tests.
check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## Benchmarks: store listing and trend reads over 1,000 and 10,000 sessions; a no-op sync of a
## 10,000-session team store against git fetch + git status.
bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/sync.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
