# `make demo` and `make test` each set everything up on a fresh machine (a virtual environment in
# .venv, yalu installed into it) and then run.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test eval bench data install clean

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
	@echo "== one refusal is expected: examples/29_zoglo_news_index.html is an index page, not an article"
	@mkdir -p out
	@$(BIN)/yalu read examples/ --jsonl --standard --quiet > out/records.jsonl || [ $$? -eq 1 ]
	@echo "== $$(wc -l < out/records.jsonl) records with their standard-spelling changes in out/records.jsonl" \
	      "(the index page refused again, as expected)"
	@echo "== yalu standardize examples/01_yanbian_kicker_review_footer.txt --diff"
	@$(BIN)/yalu standardize examples/01_yanbian_kicker_review_footer.txt --diff | head -12
	@echo "== yalu name 가목사 ; yalu name 조양"
	@$(BIN)/yalu name 가목사
	@$(BIN)/yalu name 조양 | head -6

test: install
	$(BIN)/python -m pytest -q

# Every accuracy score, real pages first: the figures the README quotes are what these print.
eval: install
	$(BIN)/python tests/eval_realpages.py
	$(BIN)/python tests/eval_realtext_gold.py
	$(BIN)/python tests/eval_realtext.py
	$(BIN)/python tests/eval_names_mode.py
	$(BIN)/python tests/eval_names_real.py
	$(BIN)/python tests/eval_events_real.py
	$(BIN)/python tests/eval_mentions_real.py
	$(BIN)/python tests/eval_orthography.py
	$(BIN)/python tests/eval_names.py
	$(BIN)/python tests/eval_mentions.py

bench: install
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/read.py
	$(BIN)/python benchmarks/standardize.py
	$(BIN)/python benchmarks/names.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/archive.py

# Rebuild the compiled gazetteers from cpca, officials.yaml, the feature tables and jionlp's towns (not needed to
# run or test yalu).
data: install
	$(BIN)/python -m pip install -q -e '.[data]'
	$(BIN)/python tools/build_gazetteers.py
	$(BIN)/python tools/build_features.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
