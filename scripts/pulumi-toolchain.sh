#!/usr/bin/env bash
# Makes a `pulumi` CLI, the Python language host and the dynamic-provider launcher usable in
# TOOLS_DIR/bin, at the CLI version pinned in constraints.txt (`# pulumi-cli==X.Y.Z`).
#
#   scripts/pulumi-toolchain.sh TOOLS_DIR
#
# Uses `pulumi` from PATH when its version matches; otherwise builds the CLI from the Go
# module proxy once. The stamp TOOLS_DIR/bin/.pulumi-VERSION records what was built; a run
# that finds the same record does nothing, a different one (new CLI version, another host
# source, an edited script) rebuilds from scratch (Go's build cache makes that quicker).
set -euo pipefail

tools=$(mkdir -p "${1:?usage: pulumi-toolchain.sh TOOLS_DIR}" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
constraints="$here/../constraints.txt"
version=$(sed -n 's/^# pulumi-cli==//p' "$constraints")
[ -n "$version" ] || { echo "pulumi-toolchain: no '# pulumi-cli==' line in $constraints" >&2; exit 1; }
bin="$tools/bin"
stamp="$bin/.pulumi-$version"

# The language host's own module (sdk/python/cmd/pulumi-language-python/v3) is not served by
# the module proxy here. Until v3.79.0 the host was part of the sdk/v3 module (v3.80.0 no
# longer has it); that host speaks the same LanguageRuntime protocol as the current CLI's and
# runs the current pulumi-language-python-exec, given its virtualenv by a launcher.
host_fallback_sdk=v3.79.0
# What a build depends on besides the module proxy: the version, the fallback, these scripts.
record="pulumi v$version; language host fallback: sdk/v3 $host_fallback_sdk; scripts:"\
" $(cat "$here/pulumi-toolchain.sh" "$here/pulumi-language-python.sh" | cksum)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$record" ]; then
    touch "$stamp"  # newer than this script: make stops asking
    exit 0
fi
# Another version, or an unfinished build: start from an empty bin (a stale pulumi there would
# also shadow a matching one on PATH, since the Makefile puts this folder first).
rm -rf "$bin"

if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-python >/dev/null 2>&1 \
    && [ "$(pulumi version 2>/dev/null)" = "v$version" ]; then
    echo "pulumi-toolchain: using pulumi v$version from PATH ($(command -v pulumi))"
    mkdir -p "$bin" && echo "$record" >"$stamp"
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
    install -m 0755 "$here/pulumi-language-python.sh" "$bin/pulumi-language-python"
fi

# The two launcher scripts, from the sdk module the CLI was just built with (already
# downloaded). They start Python for the CLI (the dynamic provider) and for the language host
# (the program), and stay compatible with older Python SDKs (the exec script passes only the
# Settings arguments the installed SDK knows), so the CLI's version serves every SDK <= it.
sdk_dir=$(cd "$tools/src/cli" && go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$version" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$bin/"
install -m 0755 "$sdk_dir/python/dist/pulumi-resource-pulumi-python" "$bin/"

echo "$record" >"$stamp"
echo "pulumi-toolchain: built $("$bin/pulumi" version) in $(( $(date +%s) - start )) s," \
    "$(du -sh "$bin" | cut -f1) in $bin"
