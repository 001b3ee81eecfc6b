# The one task runner: `make demo` and `make test` work on a fresh machine
# with only python3 and make. CI (.ci/run) runs `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
SPHINX := $(BIN)/sphinx-build

.PHONY: demo test check lint typecheck pytest docs docs-test wheel-check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when the project's metadata changes.
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[dev]"
	touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(BIN)/asean-digital bodies --established-before 2012

test: $(VENV)/.dev-installed
	$(MAKE) --no-print-directory pytest typecheck lint docs-test wheel-check

# The inner loop: every test but the slow ones (whole-package fitness, subprocesses,
# generated registries; tests/conftest.py names them), lint and the import contract.
check: $(VENV)/.dev-installed
	$(BIN)/pytest -q -m "not slow"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

docs: $(VENV)/.dev-installed
	$(SPHINX) -q -b html docs docs/_build/html

docs-test: $(VENV)/.dev-installed
	$(SPHINX) -q -n -W --keep-going -b html docs docs/_build/html
	$(SPHINX) -q -n -W --keep-going -b doctest docs docs/_build/doctest

# Build the wheel, install it in a fresh venv outside the source tree, query it.
wheel-check: $(VENV)/.dev-installed
	rm -rf dist
	$(BIN)/python -m build --wheel --no-isolation --outdir dist . >/dev/null
	$(BIN)/python tests/wheel_check.py dist

bench: $(VENV)/.dev-installed
	$(PIP) install -e ".[bench]"
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) dist docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis
