# Sala: `make demo` runs the portal, `make test` runs the suite. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST_WORKERS ?= 2
# `make test LINT=0` skips the lint that `make test` runs first (.ci/run lints in its own step).
LINT ?= 1

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@PYTHON_BIN=$$(tools/find_python.sh) || exit 1; \
	  [ -x $(PY) ] || { echo "Creating $(VENV) with $$PYTHON_BIN"; "$$PYTHON_BIN" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## create .venv and install the pinned dependencies

.PHONY: demo
demo: install ## set up the demo database and data, then run the portal and its worker
	SALA_ENV=demo $(MANAGE) migrate --no-input
	SALA_ENV=demo $(MANAGE) load_gazetteer
	SALA_ENV=demo $(MANAGE) collectstatic --no-input --verbosity 0
	SALA_ENV=demo $(MANAGE) load_demo_data
	SALA_ENV=demo $(MANAGE) rebuild_search_index
	@SALA_ENV=demo SALA_SITE_URL=http://$(HOST):$(PORT) $(MANAGE) demo_accounts
	@SALA_ENV=demo SALA_SITE_URL=http://$(HOST):$(PORT) tools/run_demo.sh "$(HOST)" "$(PORT)"

# `make test` measures coverage ([tool.coverage] in pyproject.toml) and prints the total; the
# whole suite may not fall below fail_under there. A narrowed run (PYTEST_ARGS) reports but
# does not hold the bar; COVERAGE=0 skips the measuring.
COVERAGE ?= 1
COV_ARGS := $(if $(filter 0,$(COVERAGE)),,--cov --cov-report=term $(if $(PYTEST_ARGS),--cov-fail-under=0))

.PHONY: test
test: install $(if $(filter 0,$(LINT)),,lint) ## make lint, then the whole suite on SQLite, with coverage
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(COV_ARGS) $(PYTEST_ARGS)

.PHONY: test-postgres
test-postgres: install ## run the suite on PostgreSQL (DATABASE_URL, default: a fresh database on 127.0.0.1)
	tools/test_postgres.sh $(PYTEST_WORKERS) $(PYTEST_ARGS)

.PHONY: e2e
e2e: install ## run the browser tests in headless Chromium (/usr/bin/chromium)
	$(VENV)/bin/pytest -m browser -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

.PHONY: lint
lint: install ## ruff check, ruff format --check, the dependency rule (lint-imports) and make typecheck
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo
	$(MAKE) --no-print-directory typecheck

.PHONY: typecheck
typecheck: install ## mypy with django-stubs over the apps ([tool.mypy] in pyproject.toml)
	$(VENV)/bin/mypy

.PHONY: format
format: install ## fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: bench
bench: install ## run the benchmarks in bench/
	$(PY) bench/run.py

.PHONY: bench-payments
bench-payments: install ## 10,000 pending payments polled against the Bakong stand-in (bench/bench_payments.py)
	$(PY) bench/run.py payments

.PHONY: bench-markets
bench-markets: install ## market prices at national scale: import rate, commodity page p50/p95 (SCALE=0.1 for a quick run)
	$(PY) bench/bench_markets.py --scale $${SCALE:-1}

.PHONY: bench-crawl
bench-crawl: install ## crawl 10,000 pages of the stand-in ministry site: pages/s, index time, search p95 before and after
	$(PY) bench/run.py crawl

.PHONY: relevance
relevance: install ## search recall@5 on the held-out queries (per kind) and the tuning set
	$(PY) bench/bench_relevance.py

.PHONY: lighthouse
lighthouse: install ## Lighthouse SEO and accessibility of a running portal (BASE=http://127.0.0.1:8000; needs npm)
	$(PY) tools/lighthouse.py --base $${BASE:-http://$(HOST):$(PORT)} $(PAGES)

.PHONY: messages
messages: install ## extract translatable strings into the .po files and compile them (needs gettext)
	$(PY) tools/messages.py

.PHONY: fonts
fonts: install ## rebuild the Khmer web font subset from @fontsource/noto-sans-khmer (needs npm)
	$(PY) tools/build_fonts.py

.PHONY: vendor
vendor: install ## re-vendor Leaflet (pinned) into geo/static/geo/vendor/leaflet/ (needs npm)
	$(PY) tools/vendor_leaflet.py

.PHONY: lock
lock: install ## re-pin requirements.txt and requirements-dev.txt from the .in files
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in
