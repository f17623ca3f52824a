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
ICU_BUILD_DEPS := libicu-dev pkg-config g++

.DEFAULT_GOAL := help
.PHONY: help install messages gettext icu setup demo serve serve-prod test test-sqlite test-postgres e2e-deps lint format clean bench bench-load

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@{ pkg-config --exists icu-i18n && command -v c++; } >/dev/null 2>&1 || $(MAKE) --no-print-directory icu
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) messages  ## create .venv, install the project with its dev tools, compile translations

# The interface translations: locale/*/LC_MESSAGES/django.po (kept by the translators) are
# compiled to .mo files, which are not committed. Django skips a .mo newer than its .po.
messages: $(STAMP)  ## compile the interface translations (needs gettext's msgfmt)
	@command -v msgfmt >/dev/null 2>&1 || $(MAKE) --no-print-directory gettext
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
	  $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0; fi

# gettext's msgfmt compiles the catalogues: the Debian package when we may install it.
gettext:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get install -y --no-install-recommends gettext >/dev/null \
	  || { apt-get update >/dev/null && apt-get install -y --no-install-recommends gettext >/dev/null; }; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo -n apt-get install -y --no-install-recommends gettext >/dev/null \
	  || { sudo -n apt-get update >/dev/null && sudo -n apt-get install -y --no-install-recommends gettext >/dev/null; }; \
	else \
	  echo "gettext's msgfmt is missing: install the gettext package (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext), then run make again." >&2; \
	  exit 1; \
	fi
	@command -v msgfmt >/dev/null 2>&1 || { echo "gettext was installed but msgfmt is still not on PATH." >&2; exit 1; }

# PyICU (collation) compiles against ICU's headers: libicu-dev, pkg-config and a C++ compiler.
icu:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get install -y --no-install-recommends $(ICU_BUILD_DEPS) >/dev/null \
	  || { apt-get update >/dev/null && apt-get install -y --no-install-recommends $(ICU_BUILD_DEPS) >/dev/null; }; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo -n apt-get install -y --no-install-recommends $(ICU_BUILD_DEPS) >/dev/null \
	  || { sudo -n apt-get update >/dev/null && sudo -n apt-get install -y --no-install-recommends $(ICU_BUILD_DEPS) >/dev/null; }; \
	else \
	  echo "PyICU needs ICU's headers, pkg-config and a C++ compiler (Debian/Ubuntu: apt-get install $(ICU_BUILD_DEPS); macOS: brew install icu4c pkg-config), then run make again." >&2; \
	  exit 1; \
	fi

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

lint: install  ## ruff, and import-linter: the apps depend one way (.importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install  ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs on SQLite always, and on PostgreSQL too when DATABASE_URL points at one.
test: lint test-sqlite  ## run the whole suite (SQLite, and PostgreSQL if DATABASE_URL is set)
ifneq ($(findstring postgres,$(DATABASE_URL)),)
	$(MAKE) --no-print-directory test-postgres
endif

# The end-to-end tests (tests/e2e/) drive Debian's Chromium, never a browser Playwright
# downloads. Installed here when missing and we may (root with apt-get); otherwise, or if apt
# fails (no network), those tests skip and say what to install.
E2E_CHROMIUM ?= /usr/bin/chromium
export E2E_CHROMIUM
E2E_PACKAGES := chromium chromium-driver
e2e-deps:  ## Debian's chromium + chromium-driver for tests/e2e (apt-get, as root)
	@if [ -x "$(E2E_CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "== installing $(E2E_PACKAGES) with apt-get for the e2e tests =="; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y --no-install-recommends $(E2E_PACKAGES) \
	  || { apt-get update && apt-get install -y --no-install-recommends $(E2E_PACKAGES); } \
	  || echo "apt-get could not install $(E2E_PACKAGES): the e2e tests will be skipped"; \
	else \
	  echo "$(E2E_CHROMIUM) is missing and apt-get needs root: the e2e tests will be skipped" \
	       "(as root: apt-get install $(E2E_PACKAGES))"; \
	fi

test-sqlite: install e2e-deps
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install e2e-deps
	@echo "== test suite on PostgreSQL ($(DATABASE_URL)) =="
	$(BIN)/pytest --create-db

# Sizes: BENCH_PRACTICES (100000), BENCH_CITIES (2000); BENCH_ENGINES=sqlite,postgres,elastic.
# Writes tests/bench/results.json and the README's Benchmarks table (tests/bench/README.md).
bench: install  ## time search + facets on a synthetic corpus (make bench BENCH_PRACTICES=20000)
	BENCH_PRACTICES=$(BENCH_PRACTICES) BENCH_CITIES=$(BENCH_CITIES) $(PY) -m tests.bench.run
	$(MAKE) --no-print-directory bench-load

# LOAD_USERS visitors for LOAD_SECONDS against gunicorn (WORKERS) on the corpus in PostgreSQL
# (tests/bench/load.py); skipped with a message when PostgreSQL does not answer.
LOAD_USERS ?= 50
LOAD_SECONDS ?= 60
bench-load: install  ## load test: 50 visitors for 60 s on gunicorn + PostgreSQL (100k corpus)
	BENCH_PRACTICES=$(BENCH_PRACTICES) BENCH_CITIES=$(BENCH_CITIES) LOAD_USERS=$(LOAD_USERS) \
	  LOAD_SECONDS=$(LOAD_SECONDS) WORKERS=$(WORKERS) $(PY) -m tests.bench.load

clean:  ## remove the virtualenv, the local database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
