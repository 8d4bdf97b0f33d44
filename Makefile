# rasd: two commands do everything on a fresh machine.
#   make demo   — create .venv, install rasd, run the main job on the bundled sample
#   make test   — create .venv, install rasd with test extras, run the whole suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean-venv

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasd demo --out demo-output

test: $(STAMP)
	bash scripts/install_browser.sh
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

eval: $(STAMP)
	$(BIN)/rasd eval ../shared/eval/dev.jsonl

bench: $(STAMP)
	$(BIN)/rasd bench ../shared/data/ant_corpus_multisource/ant_mideast_conflict.jsonl

clean-venv:
	rm -rf $(VENV)
