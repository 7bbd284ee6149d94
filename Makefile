# Every target bootstraps .venv from nothing (python3 and the package registries are all it needs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install generate check-generated lint format test demo mock bench dist clean
.DEFAULT_GOAL := help

help:  ## this list: every target and what it does
	@awk -F':.*## ' '/^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(STAMP)  ## create .venv, install the pinned tools and the package (editable)

$(STAMP): requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(STAMP)

generate: $(STAMP)  ## spec/ + generator/ -> generated/foas_client/
	$(BIN)/python -m generator

check-generated: $(STAMP)  ## fail if generated/ differs from what spec/ + generator/ produce
	$(BIN)/python -m generator --check

# The independent judges (Spectral, Prism), pinned exactly by package-lock.json. --ignore-scripts: none of
# them needs an install script; the only one in the tree is a telemetry ping (@scarf/scarf).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

lint: $(STAMP) node_modules/.installed  ## ruff, mypy --strict, Spectral on the spec, the public-API check
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/mypy --strict generated/foas_client generator scripts --exclude 'generator/runtime/' --exclude 'generator/extensions/'
	node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=hint spec/foas.openapi.yaml
	$(BIN)/python -m scripts.api_check  # public API compatible with the last release (griffe); reports the minimum version

format: $(STAMP)  ## ruff's fixes and formatting on the hand-written code (generated/ is formatted by make generate)
	$(BIN)/ruff check --fix generator tests scripts
	$(BIN)/ruff format generator tests scripts

test: $(STAMP) node_modules/.installed  ## the whole test suite (pytest)
	$(BIN)/python -m pytest

demo: $(STAMP)  ## the client against a loopback fake serving the documented examples
	$(BIN)/python -m scripts.demo

mock: $(STAMP) node_modules/.installed  ## Prism on generated/foas_client/openapi.json, a free port, until Ctrl-C
	@$(BIN)/python scripts/mock.py  # @: its URL line is the first line make prints

bench: $(STAMP)  ## every performance goal next to its baseline, measured in one run (README "Performance")
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	$(BIN)/python -m tests.bench.run

dist: $(STAMP)  ## sdist and wheel in dist/, checked by twine; refused when the version is below what the API changes need
	$(BIN)/python -m scripts.dist_guard
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:  ## remove what builds and tests leave (.venv and node_modules stay: `git clean -xdf` for those)
	rm -rf dist build generated/.foas_client.staging .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
