# Two commands for a fresh machine (see README): `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

$(BIN)/plan-audit: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@$(MAKE) --no-print-directory core
	@# The editable install's bytecode, written once: where PYTHONDONTWRITEBYTECODE is set, Python
	@# would compile every module again at each start (0.1 s of a `check`; docs/performance.md).
	$(BIN)/python -m compileall -q audit
	@touch $@

# The compiled core (core/, Rust): built when cargo is at hand, from Debian's packaged crates when
# they are installed (offline), else from crates.io. Without it plan-audit runs in pure Python, so
# a failed build is said, not fatal (CI sets PLAN_AUDIT_REQUIRE_CORE: tests/test_core.py fails there).
CARGO ?= $(shell command -v cargo || ls $$HOME/.cargo/bin/cargo 2>/dev/null)
.PHONY: core
core:
ifeq ($(CARGO),)
	@echo "make: no cargo found: the compiled core is not built (plan-audit runs in pure Python)"
else
	env PATH="$(dir $(CARGO)):$$PATH" $$([ -d /usr/share/cargo/registry ] && echo CARGO_HOME=$(CURDIR)/core/debian-cargo) \
	  $(BIN)/pip install --quiet ./core \
	  || echo "make: the compiled core did not build (above why): plan-audit runs in pure Python"
endif

.PHONY: setup demo serve test bench mutation
setup: $(BIN)/plan-audit

demo: setup
	@# --fail-on never: findings are the demo's point, not a failure of `make`
	$(BIN)/plan-audit corpus fixtures/ --fail-on never

# The reviewer's workbench on the fictional province, in the browser (Ctrl+C stops it)
serve: setup
	$(BIN)/plan-audit serve fixtures/ --expected fixtures/units.yaml

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python scripts/bench.py

# Mutation testing of audit/parse/, audit/engine/checks/ and audit/trace/ ([tool.mutmut] in
# pyproject.toml; the score and how long it takes are in docs/testing.md). One worker, niced: the
# machine is shared. MUTANTS="audit.parse.units.*" runs a sample.
mutation: setup
	$(BIN)/pip install --quiet -e '.[test,mutation]'
	nice $(BIN)/mutmut run --max-children 1 $(MUTANTS)
	$(BIN)/mutmut results
