# `make demo` and `make test` each set everything up on a fresh machine (a virtual environment in
# .venv, yalu installed into it) and then run.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test bench install clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	@echo "== yalu read examples/  (a readable summary of each bundled sample page)"
	-$(BIN)/yalu read examples/
	@mkdir -p out
	-$(BIN)/yalu read examples/ --jsonl --quiet > out/records.jsonl
	@echo "== $$(wc -l < out/records.jsonl) records written to out/records.jsonl (one page is refused on purpose: it is an index page)"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/read.py
	$(BIN)/python benchmarks/standardize.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
