# `make test` and `make plan` need nothing but Python 3.11+: the first run builds .venv from
# pyproject.toml; later runs reuse it until pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: test lint unit plan clean

test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check .

unit: $(STAMP)
	$(BIN)/python -m pytest -q

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

plan: $(STAMP)
	$(BIN)/encrypted-workspaces plan --stack dev

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache *.egg-info
