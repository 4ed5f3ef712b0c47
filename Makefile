# Every target is idempotent: run it again and it does only what is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
# Pulumi versions live in one place, constraints.txt: the Python SDK as pip's constraint
# (`pulumi==`), the CLI on a comment line (`# pulumi-cli==`) that pip ignores.
PULUMI_CLI_VERSION := $(shell sed -n 's/^\# pulumi-cli==//p' constraints.txt)
PULUMI_STAMP := $(TOOLS)/bin/.pulumi-$(PULUMI_CLI_VERSION)
HOSTS_STAMP := $(TOOLS)/bin/.language-hosts
TS_EXAMPLE := examples/typescript

export PATH := $(CURDIR)/$(TOOLS)/bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export PULUMI_SKIP_UPDATE_CHECK := true

.PHONY: setup demo demo-destroy test bench schema dist lint clean

# Package sources: a change reinstalls the package (not its dependencies).
SOURCES := $(shell find provider schema -type f -not -path '*/__pycache__/*')

setup: $(VENV)/.installed $(PULUMI_STAMP) $(HOSTS_STAMP) $(TS_EXAMPLE)/node_modules/.installed
	@:

$(VENV)/.deps: pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "setup: installing the dependencies and dev tools into $(VENV)"
	@$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt '.[dev,emulator]'
	@touch $@

# A regular install, not an editable one: Pulumi's language host finds the package's
# pulumi-plugin.json only in site-packages, and the tests run what users install.
$(VENV)/.installed: $(VENV)/.deps $(SOURCES)
	@$(PY) -m pip install -q --disable-pip-version-check --no-deps --force-reinstall .
	@rm -rf build
	@touch $@

# A new CLI version is a new stamp name; a changed script (say, another language host source)
# reruns it, and it rebuilds only if what it would build differs from the stamp's record.
$(PULUMI_STAMP): scripts/pulumi-toolchain.sh scripts/pulumi-language-python.sh
	@scripts/pulumi-toolchain.sh $(TOOLS)

# The YAML and Node.js language hosts, next to the CLI (a rebuilt CLI starts from an empty bin).
$(HOSTS_STAMP): $(PULUMI_STAMP) scripts/pulumi-language-hosts.sh
	@scripts/pulumi-language-hosts.sh $(TOOLS)

# The TypeScript example's packages (@pulumi/pulumi, TypeScript), as its lock file pins them.
$(TS_EXAMPLE)/node_modules/.installed: $(TS_EXAMPLE)/package.json $(TS_EXAMPLE)/package-lock.json
	@echo "setup: npm ci in $(TS_EXAMPLE)"
	@cd $(TS_EXAMPLE) && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

demo: setup
	@scripts/demo.sh up

demo-destroy: setup
	@scripts/demo.sh destroy

# Four workers (pytest-xdist), each with its own emulator: the end-to-end tests mostly wait
# (on the CLI's processes, the API's holds), so on 2 cores 4 workers took the suite from 13
# minutes (2 workers) to 8; work stealing evens out the long tests. TEST_WORKERS=0 runs in one
# process; PYTEST_ARGS adds options.
TEST_WORKERS ?= 4
test: setup
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

bench: setup
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# The generator is a build tool under scripts/ (not shipped): the JSON Schemas in schema/ and
# the TypedDicts in provider/pulumi_cozmox/types.py, then the package is reinstalled.
schema: $(VENV)/.deps
	PYTHONPATH=scripts $(PY) -m cozmox_codegen --openapi schema/cozmox-campaign.openapi.json \
		--schema-dir schema --types provider/pulumi_cozmox/types.py
	@$(MAKE) --no-print-directory $(VENV)/.installed

# The wheel the examples install outside this repository (see README); rebuilt when a source
# changes, else nothing to do.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
WHEEL := dist/pulumi_cozmox-$(VERSION)-py3-none-any.whl

dist: $(WHEEL)
	@echo "$(WHEEL)"

$(WHEEL): $(VENV)/.deps $(SOURCES) pyproject.toml README.md
	@rm -f dist/pulumi_cozmox-*.whl
	@$(PY) -m pip wheel -q --disable-pip-version-check --no-deps -w dist .
	@rm -rf build

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

clean:
	rm -rf .demo .pytest_cache .mypy_cache .ruff_cache $(TS_EXAMPLE)/node_modules
