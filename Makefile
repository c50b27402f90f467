# MICS 34 site. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves, which the demo site, the emails, the canonical tags and the sitemap
# name (WAGTAILADMIN_BASE_URL; one set in the environment wins).
SERVED_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),localhost,$(HOST))

.DEFAULT_GOAL := help
.PHONY: bench-events bench-members bench-observatory bench-search bench-directory bench-relevance help run install migrate demo serve test test-sqlite test-postgres test-browser lint format bench lock messages system-deps clean

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

run demo: export WAGTAILADMIN_BASE_URL ?= http://$(SERVED_HOST):$(PORT)
run: demo ## Set everything up and serve the site on http://127.0.0.1:8000 (make run PORT=8102)
	@echo "Site servi sur $$WAGTAILADMIN_BASE_URL/ (administration : $$WAGTAILADMIN_BASE_URL/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

system-deps: ## Install the distribution's packages the tests need (Chromium, PostgreSQL, gettext, wrk, redis-server)
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
	$(MAKE) bench-tenders
	$(MAKE) bench-observatory
	$(MAKE) bench-members
	$(MAKE) bench-events

bench-events: install system-deps ## Only the agenda's benchmark (5,000 events, SQLite and PostgreSQL)
	bash benchmarks/events.sh

bench-tenders: install ## Only the procurement watch's benchmark (20,000 BOAMP notices, SQLite then PostgreSQL)
	$(BIN)/python benchmarks/bench_tenders.py
	bash scripts/pg-temp.sh run $(BIN)/python benchmarks/bench_tenders.py

messages: install ## Extract translatable strings into the .po files and compile them
	$(MANAGE) makemessages -l en --no-obsolete -i .venv -i var -i tests -i benchmarks -i test-results
	$(MANAGE) compilemessages -i .venv

bench-members: install system-deps ## Only the network space's benchmark (register of 2,000 contracts, members' home; SQLite then PostgreSQL)
	$(BIN)/python benchmarks/bench_members.py --json benchmarks/results/members-sqlite.json
	bash scripts/pg-temp.sh run $(BIN)/python benchmarks/bench_members.py --json benchmarks/results/members-postgresql.json

bench-search: install system-deps ## Only the search benchmark of make bench (50,000 resources, SQLite and PostgreSQL, ~8 min)
	bash benchmarks/search.sh

bench-directory: install system-deps ## Only the directory benchmark of make bench (20,000 actors, SQLite and PostgreSQL)
	bash benchmarks/directory.sh

bench-observatory: install system-deps ## Only the observatory's benchmark (45,000 operations: page, open data, PDF; SQLite then PostgreSQL)
	mkdir -p benchmarks/results
	LOG_LEVEL=WARNING $(BIN)/python benchmarks/bench_observatory.py --json benchmarks/results/observatory-sqlite.json
	LOG_LEVEL=WARNING bash scripts/pg-temp.sh run $(BIN)/python benchmarks/bench_observatory.py --json benchmarks/results/observatory-postgresql.json

bench-relevance: install system-deps ## Only the relevance set of make bench (top-1 and nDCG@5 on the demo, SQLite and PostgreSQL, ~4 min)
	bash benchmarks/relevance.sh

lock: install ## Re-pin the dependencies from pyproject.toml (lock files that install on any machine)
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --output-file=requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra=dev --output-file=requirements-dev.lock pyproject.toml

clean: ## Remove the virtual environment and local data (database, media)
	rm -rf $(VENV) var
