# vorort: set-up, demo and tests. Only python3, make and apt-get are assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export VORORT_DATA_DIR ?= $(CURDIR)/var

.PHONY: install install-test demo test lint serve messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install: $(STAMP)

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

/usr/bin/pdftotext:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null

install-test: $(TEST_STAMP) /usr/bin/chromium /usr/bin/pdftotext

demo: install
	DEBUG=1 $(BIN)/vorort migrate --noinput
	DEBUG=1 $(BIN)/vorort seed_demo
	DEBUG=1 $(BIN)/vorort runserver 127.0.0.1:8000

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

test: install-test lint
	$(BIN)/vorort makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(BIN)/pytest -n 2 -p no:cacheprovider
	@if [ -n "$$VORORT_TEST_POSTGRES" ]; then \
		echo "== again on PostgreSQL"; \
		DATABASE_URL="$$VORORT_TEST_POSTGRES" DJANGO_ALLOW_ASYNC_UNSAFE=1 $(BIN)/pytest -n 2 -p no:cacheprovider; \
	fi

messages: install
	cd vorort && ../$(BIN)/vorort makemessages -l en --no-obsolete && ../$(BIN)/vorort compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
