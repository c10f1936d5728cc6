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

.PHONY: install web demo test lint bench clean postgresql

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first and pinned: a bare `torch` could pull a multi-GB CUDA build
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) $(TORCH)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web UI: npm ci when the lock file changes, the production build, and Debian's chromium for
# the browser tests (apt-get, only where it is missing; never a downloaded browser).
WEB_STAMP := web/node_modules/.package-lock.json

$(WEB_STAMP): web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web/dist/index.html: $(WEB_STAMP) web/index.html web/vite.config.ts $(shell find web/src -type f 2>/dev/null)
	cd web && npm run build

web: web/dist/index.html
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

demo: install
	$(BIN)/havoc-agent ask "Design a Box-Behnken DOE"

test: install postgresql web
	$(BIN)/python -m pytest

# The API's tests start their own PostgreSQL server (tests/api/conftest.py): Debian's package, where missing.
postgresql:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq postgresql; fi; }

lint: install
	$(BIN)/ruff check .

bench: install
	for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache web/dist web/node_modules tests/web/artifacts
