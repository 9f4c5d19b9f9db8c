# CarePrep: `make start` sets everything up and serves the app; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Test processes per run (pytest-xdist; each gets its own test database). 0 runs in this process.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile
# What the PostgreSQL run leaves to the SQLite run, to keep `make test` within 30 minutes: the
# coach (pure Python, no database), the browser tests (the same views the view tests cover on
# both), and the two access matrices (5,700 requests; the policy builds the same querysets on
# both engines, and tests/programmes checks its table on both).
PG_SKIP ?= --ignore=tests/coach --ignore=tests/browser --ignore=tests/test_access_matrix.py \
	--ignore=tests/test_access_matrix_areas.py

.PHONY: start cluster setup test lint typecheck pytest pytest-postgres browser-deps benchmarks clean

start: setup
	$(BIN)/careprep run --host $(HOST) --port $(PORT)

# Two web processes and two review workers on PostgreSQL and Redis (docs/operations.md).
cluster: setup
	$(BIN)/careprep cluster --host $(HOST) --port $(PORT)

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "CarePrep needs Python 3.11 ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --config-settings editable_mode=compat -e .
	touch $@

# Debian's Chromium drives the browser tests (a test tool's own browser download cannot work here).
browser-deps:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else \
	    echo "Browser tests need Debian's chromium: sudo apt-get install chromium chromium-driver"; exit 1; \
	  fi; }

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy .

pytest: setup browser-deps
	$(PYTEST)

# The suite again on PostgreSQL when 127.0.0.1:5432 answers; on CI it must answer.
pytest-postgres: setup browser-deps
	@if $(BIN)/python scripts/pg_ready.py "$(PG_URL)"; then \
	  echo "== test suite on PostgreSQL"; \
	  DATABASE_URL="$(PG_URL)" $(PYTEST) $(PG_SKIP); \
	elif [ -n "$$CI" ]; then \
	  echo "PostgreSQL is not reachable at $(PG_URL), and CI must test on it"; exit 1; \
	else \
	  echo "== PostgreSQL not reachable at $(PG_URL): skipped the PostgreSQL run"; \
	fi

test: lint typecheck pytest pytest-postgres

benchmarks: setup
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) static-collected .pytest_cache .mypy_cache .ruff_cache
