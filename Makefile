# Seva: `make demo` runs the main job, `make test` runs the whole test suite. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEVA := $(BIN)/seva
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help demo test test-unit test-integration up down status lint typecheck clean bench

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Seva needs Python >= 3.11 (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

venv: $(STAMP) ## Create .venv and install Seva with its dev tools

demo: $(STAMP) ## The main job: stack up, run Seva's flow on it, print where to look
	$(SEVA) demo

test: $(STAMP) ## The whole test suite (starts the local stack if it is not running, stops it after)
	$(BIN)/pytest -q

test-unit: $(STAMP) ## Unit tests only (no servers)
	$(BIN)/pytest -q -m unit

up: $(STAMP) ## Install (cached) and start Kafka, ClickHouse, Prometheus and Alertmanager on 127.0.0.1
	$(SEVA) up

down: $(STAMP) ## Stop every process of the local stack
	$(SEVA) down

status: $(STAMP) ## Where each service listens and whether it is up
	$(SEVA) status

bench: $(STAMP) ## Every stage in one run on the local stack: table, .seva/bench/bench.json and bench.png
	$(SEVA) bench --json .seva/bench/bench.json $(BENCH_ARGS)

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

clean: ## Stop the stack and delete .venv and all local state
	-[ -x $(SEVA) ] && $(SEVA) down --purge
	rm -rf $(VENV) .seva
