# `make test` and `make plan` need nothing but Python 3.11+: the first run builds .venv from
# pyproject.toml; later runs reuse it until pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: test lint unit plan generate figures benchmark policy-venv clean

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

# Everything generated from the config model and the AWS limits: stacks/stack-config.schema.json, the
# tables of docs/inputs.md, docs/outputs.md and docs/troubleshooting.md ("What the config refuses"), and
# components/encrypted_workspaces/provider/args.py; and, from the provider's calls
# (aws/provider_calls.py), policies/deployer-policy.json. Tests fail until this has been run.
generate: $(STAMP)
	$(BIN)/encrypted-workspaces schema --write

# docs/rollout.png and the rollout tables in docs/rollout.md, from the rollout model (tests fail until this
# has been run after a change to the model).
figures: $(STAMP)
	$(BIN)/python docs/figures/rollout_figure.py

# plan against its floor at 500, 5,000, 10,000 and 20,000 users, written to docs/benchmarks.md (several
# minutes; run it on a quiet machine, or say what else ran: NOTE="...").
benchmark: $(STAMP)
	$(BIN)/python benchmarks/plan_scale.py --markdown docs/benchmarks.md --note "$(NOTE)"

# The policy pack's own virtualenv, for local use: the project's .venv (see docs/policy-pack.md).
policy-venv: $(STAMP)
	ln -sfn ../../$(VENV) policies/workspaces-guardrails/venv

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache *.egg-info
