# Two entry points: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test install services services-down lint serve

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED)

# Migrate, collect static files, load the demo, serve on PORT [8000] (see scripts/demo.sh).
demo: install
	scripts/demo.sh

services:
	scripts/services.sh up

services-down:
	scripts/services.sh down

lint: install
	$(BIN)/ruff check .

# The whole suite runs on PostgreSQL, then again on SQLite, with Redis and the engines up.
test: install
	scripts/install-browser.sh
	$(BIN)/ruff check .
	mkdir -p .cache && scripts/services.sh up > .cache/services.env
	. ./.cache/services.env && $(BIN)/pytest
	. ./.cache/services.env && DATABASE_URL= $(BIN)/pytest
