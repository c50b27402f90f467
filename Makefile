# MICS 34 site. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: bench-search bench-relevance help run install migrate demo serve test test-sqlite test-postgres test-browser lint format bench lock messages system-deps clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP) ## Create the virtual environment and install the locked dependencies

migrate: install ## Apply the database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (idempotent) and print the admin account
	$(MANAGE) load_demo_content

run: demo ## Set everything up and serve the site on http://localhost:8000
	$(MANAGE) runserver $(HOST):$(PORT)

system-deps: ## Install the distribution's packages the tests need (Chromium, PostgreSQL, gettext)
	bash scripts/system-deps.sh

test: install system-deps lint ## Run the whole suite: SQLite, PostgreSQL, browser tests
	$(MANAGE) makemigrations --check --dry-run
	bash scripts/test.sh

lint: install ## Check the code (ruff) and the boundaries between the rooms (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=site $(BIN)/lint-imports --no-cache

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install system-deps ## Measure speed and memory (see benchmarks/README.md)
	bash benchmarks/run.sh

messages: install ## Extract translatable strings into the .po files and compile them
	$(MANAGE) makemessages -l en --no-obsolete -i .venv -i var -i tests -i benchmarks -i test-results
	$(MANAGE) compilemessages -i .venv

bench-search: install system-deps ## Only the search benchmark of make bench (50,000 resources, SQLite and PostgreSQL, ~8 min)
	bash benchmarks/search.sh

bench-relevance: install system-deps ## Only the relevance set of make bench (top-1 and nDCG@5 on the demo, SQLite and PostgreSQL, ~4 min)
	bash benchmarks/relevance.sh

lock: install ## Re-pin the dependencies from pyproject.toml (lock files that install on any machine)
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --output-file=requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra=dev --output-file=requirements-dev.lock pyproject.toml

clean: ## Remove the virtual environment and local data (database, media)
	rm -rf $(VENV) var
