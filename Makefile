# Safeguard: `make run` starts the demo service, `make test` runs the whole suite, `make bench` measures.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
TORCH  ?= torch==2.13.0

.PHONY: run test bench lint models clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q "$(TORCH)"
	$(BIN)/pip install -q -e ".[dev,postgres,redis,detoxify]"
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/safeguard serve --demo --host $(HOST) --port $(PORT)

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/run.py $(BENCH)

# Retrain the learned text models from tests/data (+ ../shared/eval/dev.jsonl); commit the result.
models: $(VENV)/.dev-installed
	$(BIN)/python -m moderation.train_learned

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check service moderation tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) safeguard.db safeguard.db-* artifacts
