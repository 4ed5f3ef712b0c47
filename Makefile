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
SDK_TOOLS_STAMP := $(TOOLS)/bin/.sdk-tools
TS_EXAMPLE := examples/typescript
# The calling rules as a Pulumi policy pack, and its own virtualenv.
PACK := policy/cozmox-calling-rules
PACK_VENV := $(PACK)/venv
# The compiled TypeScript SDK (committed; `make sdk` regenerates it): what the example installs.
TS_SDK_FILES := $(shell find sdk/nodejs/bin -type f 2>/dev/null)

export PATH := $(CURDIR)/$(TOOLS)/bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export PULUMI_SKIP_UPDATE_CHECK := true

.PHONY: setup demo demo-destroy test bench schema sdk dist release lint clean

# Package sources: a change reinstalls the package (not its dependencies).
SOURCES := $(shell find provider schema -type f -not -path '*/__pycache__/*')

setup: $(VENV)/.installed $(PULUMI_STAMP) $(HOSTS_STAMP) $(SDK_TOOLS_STAMP) \
	$(TS_EXAMPLE)/node_modules/.installed $(PACK_VENV)/.installed
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

# The policy pack's own virtualenv (docs/policy-pack.md): pulumi-policy pins protobuf ~=5.29,
# older than the newest the provider takes, so it cannot share .venv. pulumi 3.272 accepts that
# protobuf: one resolution holds the pack's requirements and the provider with all its own.
$(PACK_VENV)/.deps: $(PACK)/requirements.txt pyproject.toml constraints.txt
	@test -x $(PACK_VENV)/bin/python || $(PYTHON) -m venv $(PACK_VENV)
	@echo "setup: the policy pack's virtualenv ($(PACK_VENV))"
	@$(PACK_VENV)/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt \
		-r $(PACK)/requirements.txt '.[sops]'
	@rm -rf build
	@touch $@

# The provider's package in the pack's virtualenv, reinstalled when a source changes.
$(PACK_VENV)/.installed: $(PACK_VENV)/.deps $(SOURCES)
	@$(PACK_VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps \
		--force-reinstall .
	@rm -rf build
	@touch $@

# A new CLI version is a new stamp name; a changed script (say, another language host source)
# reruns it, and it rebuilds only if what it would build differs from the stamp's record.
$(PULUMI_STAMP): scripts/pulumi-toolchain.sh scripts/pulumi-language-python.sh
	@scripts/pulumi-toolchain.sh $(TOOLS)

# The YAML and Node.js language hosts, next to the CLI (a rebuilt CLI starts from an empty bin).
$(HOSTS_STAMP): $(PULUMI_STAMP) scripts/pulumi-language-hosts.sh
	@scripts/pulumi-language-hosts.sh $(TOOLS)

# The SDK generator (pulumi-sdkgen) and the Go language host, next to the CLI.
$(SDK_TOOLS_STAMP): $(PULUMI_STAMP) scripts/pulumi-sdk-tools.sh $(wildcard scripts/pulumi-sdkgen/*)
	@scripts/pulumi-sdk-tools.sh $(TOOLS)

# The TypeScript example's packages (@pulumi/pulumi, TypeScript, a copy of the SDK), as its lock
# file pins them.
$(TS_EXAMPLE)/node_modules/.installed: $(TS_EXAMPLE)/package.json $(TS_EXAMPLE)/package-lock.json \
	$(TS_SDK_FILES)
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
# the TypedDicts in provider/pulumi_cozmox/types.py, then the package is reinstalled and the
# SDKs regenerated from the plugin's package schema.
schema: $(VENV)/.deps
	PYTHONPATH=scripts $(PY) -m cozmox_codegen --openapi schema/cozmox-campaign.openapi.json \
		--schema-dir schema --types provider/pulumi_cozmox/types.py
	@$(MAKE) --no-print-directory $(VENV)/.installed sdk

# The plugin's SDKs, generated from its package schema into sdk/ (committed; tests/unit/test_sdk.py
# checks them): TypeScript (sdk/nodejs, compiled into sdk/nodejs/bin) and Go (sdk/go). Unchanged
# files are left as they are; then the TypeScript example takes the new copy.
sdk: $(SDK_TOOLS_STAMP) $(TS_EXAMPLE)/node_modules/.installed
	@scripts/pulumi-sdk.sh sdk
	@$(MAKE) -s --no-print-directory $(TS_EXAMPLE)/node_modules/.installed

# The wheel the examples install outside this repository (see README), and the TypeScript SDK
# as an npm tarball (docs/typescript.md); rebuilt when a source changes, else nothing to do.
# The version is kept in one place, provider/pulumi_cozmox/_version.py.
PKG_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' provider/pulumi_cozmox/_version.py)
WHEEL := dist/pulumi_cozmox-$(PKG_VERSION)-py3-none-any.whl
NPM_TARBALL := dist/cozmox-pulumi-$(PKG_VERSION).tgz

dist: $(WHEEL) $(NPM_TARBALL)
	@echo "$(WHEEL)"
	@echo "$(NPM_TARBALL)"

# npm pack gives every entry the same time and owner: the same files, the same tarball.
$(NPM_TARBALL): $(TS_SDK_FILES)
	@rm -f dist/cozmox-pulumi-*.tgz
	@mkdir -p dist && npm pack --silent --pack-destination dist ./sdk/nodejs/bin >/dev/null

$(WHEEL): $(VENV)/.deps $(SOURCES) pyproject.toml README.md
	@rm -f dist/pulumi_cozmox-*.whl
	@$(PY) -m pip wheel -q --disable-pip-version-check --no-deps -w dist .
	@rm -rf build

# A release (docs/install.md): the wheel and sdist, the plugin as `pulumi plugin install` takes
# it, the TypeScript SDK, the locked requirements and their SHA-256 sums into dist/, and the
# tags v$(VERSION) and sdk/go/v$(VERSION) on this commit. VERSION must be _version.py's.
release: $(VENV)/.deps
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=$(PKG_VERSION)" >&2; exit 1; }
	@scripts/release.sh $(VERSION)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

clean:
	rm -rf .demo .pytest_cache .mypy_cache .ruff_cache $(TS_EXAMPLE)/node_modules
