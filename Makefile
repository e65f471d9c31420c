# Wiredesk: the two commands a newcomer needs are `make demo` and `make test`.
VENV      ?= .venv
PY        := $(VENV)/bin/python
PG_URL    ?= postgres://postgres@127.0.0.1:5432/wiredesk
DEMO_HOME ?= var/demo
# feedparser's own test corpus, a conformance suite for the feed reader (docs/formats.md)
FEEDPARSER_TESTS := $(VENV)/feedparser-tests
FEEDPARSER_SDIST := feedparser==6.0.11

.PHONY: demo test lint typecheck test-sqlite test-postgres bench clean postgres chromium feedparser-tests fuzz

$(VENV)/.installed: pyproject.toml
	@PYTHON_BIN=$$(scripts/find-python) || exit 1; \
	  [ -x $(PY) ] || $$PYTHON_BIN -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

## Run Wiredesk with demo data on SQLite (in $(DEMO_HOME)).
demo: $(VENV)/.installed
	WIREDESK_HOME=$(DEMO_HOME) $(VENV)/bin/wiredesk demo

## Lint, type-check and run the whole suite on SQLite and on PostgreSQL.
test: lint typecheck test-sqlite test-postgres

## ruff, then the boundaries between parts (import-linter contracts in pyproject.toml).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-logo --no-cache

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy wiredesk

test-sqlite: $(VENV)/.installed chromium feedparser-tests
	FEEDPARSER_TESTS_DIR=$(abspath $(FEEDPARSER_TESTS))/tests $(VENV)/bin/pytest -q

postgres:
	@scripts/ensure-postgres

## Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test-postgres: $(VENV)/.installed postgres chromium feedparser-tests
	DATABASE_URL=$(PG_URL) FEEDPARSER_TESTS_DIR=$(abspath $(FEEDPARSER_TESTS))/tests $(VENV)/bin/pytest -q

## feedparser's test corpus, from its sdist on PyPI (never committed): unpacked once into $(FEEDPARSER_TESTS).
feedparser-tests: $(FEEDPARSER_TESTS)/.unpacked

$(FEEDPARSER_TESTS)/.unpacked: | $(VENV)/.installed
	rm -rf $(FEEDPARSER_TESTS) && mkdir -p $(FEEDPARSER_TESTS)
	$(PY) -m pip download --quiet --no-binary :all: --no-deps $(FEEDPARSER_SDIST) -d $(FEEDPARSER_TESTS)
	tar -xzf $(FEEDPARSER_TESTS)/feedparser-*.tar.gz -C $(FEEDPARSER_TESTS) --strip-components=1 --wildcards '*/tests'
	@touch $@

bench: $(VENV)/.installed
	$(PY) bench/ingest.py

## Fuzz the ingest far longer than `make test` does (docs/fuzz.md): every property on SQLite, then
## the database one on PostgreSQL. Failing examples are kept in var/hypothesis and replayed first.
fuzz: $(VENV)/.installed postgres
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/pytest -q wiredesk/ingest/tests/test_fuzz.py
	HYPOTHESIS_PROFILE=fuzz DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q wiredesk/ingest/tests/test_fuzz.py -k never_costs

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
