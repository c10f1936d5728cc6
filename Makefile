# The two commands: `make demo` and `make test`. Each does all set-up on a fresh
# machine (a venv, torch's CPU wheel first, then the project) and is quick the
# second time: the install step re-runs only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.havoc-installed
TORCH  := torch==2.13.0
# Where pip's own index would serve a CUDA build of torch, point this at the CPU wheels:
#   make demo TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX ?=

export OMP_NUM_THREADS ?= 1
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install demo test lint bench planner clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first and pinned: a bare `torch` could pull a multi-GB CUDA build
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) $(TORCH)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/havoc-agent ask "Design a Box-Behnken DOE"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

bench: install
	for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# the shipped checkpoint: two threads (the machine's cores), the recipe's defaults, seed 0
planner: install
	OMP_NUM_THREADS=2 $(BIN)/python -m havoc_agent.planner_recipe checkpoints/planner --seed 0

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
