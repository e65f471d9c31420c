# Wiredesk: the two commands a newcomer needs are `make demo` and `make test`.
VENV      ?= .venv
PY        := $(VENV)/bin/python
PG_URL    ?= postgres://postgres@127.0.0.1:5432/wiredesk
DEMO_HOME ?= var/demo

.PHONY: demo test lint typecheck test-sqlite test-postgres bench clean postgres chromium

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

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy wiredesk

test-sqlite: $(VENV)/.installed chromium
	$(VENV)/bin/pytest -q

postgres:
	@scripts/ensure-postgres

## Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test-postgres: $(VENV)/.installed postgres chromium
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q

bench: $(VENV)/.installed
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
