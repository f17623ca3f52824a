# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PORT ?= 8000
BENCH_PRACTICES ?= 100000
BENCH_CITIES ?= 2000
# Gunicorn's sync workers for `serve-prod`: 3 suits 2 cores that also run PostgreSQL
# (gunicorn's rule of thumb, 2 x cores + 1, once the database has a machine of its own).
WORKERS ?= 3
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help install setup demo serve serve-prod test test-sqlite test-postgres lint format clean bench

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the project with its dev tools

setup: install  ## install, migrate and load the demo content (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --admin
	$(MANAGE) search_index rebuild

demo: setup serve  ## setup, then serve on http://127.0.0.1:$(PORT)

serve: install  ## serve the development site on http://127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production settings want SECRET_KEY and ALLOWED_HOSTS in the environment (README, "Production").
serve-prod: export DJANGO_SETTINGS_MODULE := exchange.settings.production
serve-prod: install  ## collect static files, serve with gunicorn on 127.0.0.1:$(PORT) (production)
	$(MANAGE) collectstatic --noinput
	$(BIN)/gunicorn exchange.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS)

lint: install  ## ruff: lint and formatting check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs on SQLite always, and on PostgreSQL too when DATABASE_URL points at one.
test: lint test-sqlite  ## run the whole suite (SQLite, and PostgreSQL if DATABASE_URL is set)
ifneq ($(findstring postgres,$(DATABASE_URL)),)
	$(MAKE) --no-print-directory test-postgres
endif

test-sqlite: install
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install
	@echo "== test suite on PostgreSQL ($(DATABASE_URL)) =="
	$(BIN)/pytest --create-db

# Sizes: BENCH_PRACTICES (100000), BENCH_CITIES (2000); BENCH_ENGINES=sqlite,postgres,elastic.
# Writes tests/bench/results.json and the README's Benchmarks table (tests/bench/README.md).
bench: install  ## time search + facets on a synthetic corpus (make bench BENCH_PRACTICES=20000)
	BENCH_PRACTICES=$(BENCH_PRACTICES) BENCH_CITIES=$(BENCH_CITIES) $(PY) -m tests.bench.run

clean:  ## remove the virtualenv, the local database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
