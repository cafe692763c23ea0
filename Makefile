# Two commands do all set-up on a fresh machine (Python 3.11, pip, venv):
#   make report   run the whole pipeline on the bundled corpus -> reports/
#   make test     run the library tests and the notebooks (nbval)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: report test bench lint notebooks clean

$(STAMP): pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/kehoach report --out reports

test: $(STAMP)
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out benchmarks/results.csv

lint: $(STAMP)
	$(BIN)/ruff check kehoach_lib tests benchmarks

# Re-run every notebook in place after an intended change, so nbval compares against the new outputs.
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb
	$(BIN)/python notebooks/strip_metadata.py notebooks/*.ipynb

clean:
	rm -rf $(VENV) reports .pytest_cache
