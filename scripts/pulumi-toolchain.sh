#!/usr/bin/env bash
# Makes a `pulumi` CLI, the Python language host and the dynamic-provider launcher usable,
# at the version of the pinned Python SDK (constraints.txt), in TOOLS_DIR/bin.
#
#   scripts/pulumi-toolchain.sh VERSION TOOLS_DIR
#
# Uses `pulumi` from PATH when its version matches; otherwise builds the CLI from the Go
# module proxy once (later runs find the stamp file and do nothing).
set -euo pipefail

version=${1:?usage: pulumi-toolchain.sh VERSION TOOLS_DIR}
tools=$(mkdir -p "${2:?usage: pulumi-toolchain.sh VERSION TOOLS_DIR}" && cd "$2" && pwd)
bin="$tools/bin"
stamp="$bin/.pulumi-$version"

# The language host stopped being part of the sdk module after this release, and its own
# module (sdk/python/cmd/pulumi-language-python/v3) is not served by the module proxy here;
# this release's host speaks the same LanguageRuntime protocol and runs the current exec script.
host_fallback_sdk=v3.68.0

if [ -f "$stamp" ]; then
    exit 0
fi

if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-python >/dev/null 2>&1 \
    && [ "$(pulumi version 2>/dev/null)" = "v$version" ]; then
    echo "pulumi-toolchain: using pulumi v$version from PATH ($(command -v pulumi))"
    mkdir -p "$bin" && touch "$stamp"
    exit 0
fi

command -v go >/dev/null 2>&1 || { echo "pulumi-toolchain: 'go' is needed to build the pulumi CLI" >&2; exit 1; }
start=$(date +%s)
echo "pulumi-toolchain: building pulumi v$version from the Go module proxy into $bin (once; a few minutes)"
mkdir -p "$bin" "$tools/src"
export GOFLAGS=-mod=mod
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"

# A wrapper module: `go install pkg@version` refuses modules whose go.mod has replace
# directives, so require them here and carry their non-local replaces.
build_in() {  # build_in DIR OUTPUT PACKAGE@VERSION [REQUIRE@VERSION...]
    local dir=$1 out=$2 pkg=$3
    shift 3
    rm -rf "$dir" && mkdir -p "$dir"
    cat >"$dir/go.mod" <<MOD
module pulumi-cozmox.local/toolchain

go 1.24

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
    (cd "$dir" && go get "$pkg" "$@" >/dev/null 2>"$dir/go-get.log") || { cat "$dir/go-get.log" >&2; return 1; }
    (cd "$dir" && go build -ldflags "$ldflags" -o "$out" "${pkg%@*}")
}

build_in "$tools/src/cli" "$bin/pulumi" \
    "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version" "github.com/pulumi/pulumi/sdk/v3@v$version"

if ! build_in "$tools/src/python" "$bin/pulumi-language-python" \
    "github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3@v$version" 2>/dev/null; then
    echo "pulumi-toolchain: language host module not served; building it from sdk $host_fallback_sdk"
    build_in "$tools/src/python" "$bin/pulumi-language-python-host" \
        "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python@$host_fallback_sdk"
    install -m 0755 "$(dirname "$0")/pulumi-language-python.sh" "$bin/pulumi-language-python"
fi

# The two launcher scripts ship in the sdk module of the pinned version.
sdk_dir=$(cd "$tools/src/cli" && go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$version" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$bin/"
install -m 0755 "$sdk_dir/python/dist/pulumi-resource-pulumi-python" "$bin/"

touch "$stamp"
echo "pulumi-toolchain: built $("$bin/pulumi" version) in $(( $(date +%s) - start )) s," \
    "$(du -sh "$bin" | cut -f1) in $bin"
