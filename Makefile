# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install install-test lint typecheck unit fuzz system-deps neo4j-fetch wheel-check neo4j-start neo4j-stop bench clean

$(BIN)/python:
	@echo "make: creating $(VENV) and upgrading its pip"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	@echo "make: installing hdkg and its pinned dependencies into $(VENV) (first time: 2-5 minutes, ~700 MB)"
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip install --quiet -c constraints.txt -e '.[test,fast,dask]'  # no setuptools banners
	touch $@

install: $(VENV)/.installed

## demo: create the venv, install, load the bundled demo corpus into the embedded store, serve API + view
demo: install
	$(BIN)/hdkg demo --host $(HOST) --port $(PORT)

## system-deps: Chromium + chromedriver (browser tests) and a JDK/Maven check (Neo4j tests)
system-deps:
	bash scripts/system-deps

## neo4j-fetch: the Neo4j 5.26 jars from Maven Central into ~/.cache/hdkg (first run only; prints each jar)
neo4j-fetch:
	bash scripts/neo4j-local fetch

## wheel-check: the built wheel in a clean venv with that venv's own pip, beside a stray top-level `extraction`
wheel-check:
	bash scripts/check-install

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

## fuzz: schemathesis over every API operation with 1000 examples each (make test runs 200)
fuzz: install
	HDKG_SCHEMA_EXAMPLES=1000 $(BIN)/pytest -q tests/test_api_schema.py

## test: every test: lint, types, unit, store (LadybugDB + a real Neo4j), API, browser
test: install system-deps neo4j-fetch lint typecheck unit wheel-check

bench: install
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build *.egg-info
