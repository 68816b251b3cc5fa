# Two entry points: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test test-fast install messages services services-down lint serve

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED) messages

# The apps' Lithuanian catalogues compiled (.mo files are build output, not in git).
messages: $(INSTALLED)
	VENV_PYTHON=$(BIN)/python scripts/compile-messages.sh

# Migrate, collect static files, load the demo, serve on PORT [8000] (see scripts/demo.sh).
demo: install
	scripts/demo.sh

services:
	scripts/services.sh up

services-down:
	scripts/services.sh down

# Style, and the layering: pages <- search <- workers <- cms <- config (pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Everything, as CI runs it: the whole suite on PostgreSQL with Redis and the engines up, one
# test process per core (each with its own database, index aliases, queues and cache keys), and
# the tests that stop a shared service alone after them; then everything the embedded default
# uses (SQLite and the database engine) again on SQLite, except what runs on databases of its
# own (the demo as `make demo` starts it, a second project). A test running for 15 minutes
# prints where every thread stands; the slowest tests are listed at the end.
PYTEST := $(BIN)/pytest -o faulthandler_timeout=900 --durations=15
PARALLEL := -n auto --maxprocesses=4
EMBEDDED := -m "not engine and not services and not standalone"
test: lint
	scripts/install-browser.sh
	scripts/install-node-tools.sh
	mkdir -p .cache && scripts/services.sh up > .cache/services.env
	. ./.cache/services.env && $(PYTEST) $(PARALLEL) -m "not disruptive"
	. ./.cache/services.env && $(PYTEST) -m disruptive
	. ./.cache/services.env && DATABASE_URL= $(PYTEST) $(PARALLEL) $(EMBEDDED)

# The inner loop: no services, SQLite and the database engine, no browser, fewer random
# examples, on every core.
test-fast: lint
	scripts/install-node-tools.sh
	DATABASE_URL= REDIS_URL= ELASTICSEARCH_URL= OPENSEARCH_URL= \
		$(BIN)/pytest -n auto --hypothesis-profile=fast \
		-m "not engine and not services and not browser and not standalone"
