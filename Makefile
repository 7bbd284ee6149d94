# Every target bootstraps .venv from nothing (python3 and the package registries are all it needs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install generate check-generated lint test demo

install: $(STAMP)

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

lint: $(STAMP)
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/mypy --strict generated/foas_client generator --exclude 'generator/runtime/'

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)  ## the client against a loopback fake serving the documented examples
	$(BIN)/python -m scripts.demo
