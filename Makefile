# techmatch: `make run` serves the product on embedded defaults, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NPM := $(shell command -v npm 2>/dev/null)

.PHONY: run install install-test frontend test test-python test-frontend e2e lint migrations-check clean

run: install frontend
	$(BIN)/techmatch run

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Stamps make both targets idempotent: they reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

frontend:
ifneq ($(wildcard frontend/package.json),)
ifneq ($(NPM),)
	$(MAKE) frontend/dist/index.html
else
	@echo "npm not found: serving the API without the web app"
endif
endif

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(shell find frontend/src frontend/index.html -type f 2>/dev/null)
	cd frontend && npm run build

test: install-test test-python test-frontend

test-python:
	$(BIN)/python -m pytest tests

test-frontend:
ifneq ($(wildcard frontend/package.json),)
	$(MAKE) frontend
	cd frontend && npm run check:api
	cd frontend && npm test
	$(MAKE) e2e
endif

e2e:
ifneq ($(wildcard frontend/package.json),)
	$(MAKE) frontend
	cd frontend && npm run e2e:only
endif

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) var frontend/node_modules frontend/dist
