# `make demo` and `make test` each set everything up on a fresh machine (a virtual environment in
# .venv, yalu installed into it) and then run.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test bench data install clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

# Exit status 1 means "some pages were refused": the samples include an index page on purpose.
demo: install
	@echo "== yalu read examples/  (a readable summary of each bundled sample page)"
	@$(BIN)/yalu read examples/ || [ $$? -eq 1 ]
	@mkdir -p out
	@$(BIN)/yalu read examples/ --jsonl --standard --quiet > out/records.jsonl || [ $$? -eq 1 ]
	@echo "== $$(wc -l < out/records.jsonl) records with their standard-spelling changes in out/records.jsonl"
	@echo "== yalu standardize examples/01_yanbian_kicker_review_footer.txt --diff"
	@$(BIN)/yalu standardize examples/01_yanbian_kicker_review_footer.txt --diff | head -12
	@echo "== yalu name 가목사 ; yalu name 조양"
	@$(BIN)/yalu name 가목사
	@$(BIN)/yalu name 조양 | head -6

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/read.py
	$(BIN)/python benchmarks/standardize.py
	$(BIN)/python benchmarks/names.py

# Rebuild the compiled gazetteers from cpca and officials.yaml (not needed to run or test yalu).
data: install
	$(BIN)/python -m pip install -q -e '.[data]'
	$(BIN)/python tools/build_gazetteers.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
