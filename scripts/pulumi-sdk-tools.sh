#!/usr/bin/env bash
# Builds what generating and using the plugin's SDKs takes into TOOLS_DIR/bin, next to `pulumi`:
#
#   scripts/pulumi-sdk-tools.sh TOOLS_DIR
#
# - pulumi-sdkgen (scripts/pulumi-sdkgen, its go.mod and go.sum committed): the generators of
#   github.com/pulumi/pulumi/pkg/v3 at the CLI's version. `pulumi package gen-sdk` would hand
#   the work to the language hosts' GeneratePackage, which the hosts built here lack.
# - the Go language host (runs Go programs): its own module
#   (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3) is not served by the module proxy
#   here; the last sdk/v3 release the proxy serves that carries it is v3.62.0, built through a
#   wrapper module that carries sdk's replace of golang.org/x/text.
# The stamp TOOLS_DIR/bin/.sdk-tools records what was built; the same record does nothing.
set -euo pipefail

tools=$(mkdir -p "${1:?usage: pulumi-sdk-tools.sh TOOLS_DIR}" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
bin="$tools/bin"
stamp="$bin/.sdk-tools"
go_host_sdk=v3.62.0
record="go host sdk/v3 $go_host_sdk; sources: $(cat "$here/pulumi-sdk-tools.sh" "$here"/pulumi-sdkgen/* | cksum)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$record" ] \
    && [ -x "$bin/pulumi-sdkgen" ] && [ -x "$bin/pulumi-language-go" ]; then
    touch "$stamp"
    exit 0
fi
command -v go >/dev/null 2>&1 || { echo "pulumi-sdk-tools: 'go' is needed" >&2; exit 1; }
start=$(date +%s)
echo "pulumi-sdk-tools: building pulumi-sdkgen and the Go language host (sdk $go_host_sdk) into $bin"
mkdir -p "$bin" "$tools/src"

# -mod=readonly: the committed go.sum pins every module the generator is built from.
(cd "$here/pulumi-sdkgen" && go build -mod=readonly -buildvcs=false -ldflags "-s -w" -o "$bin/pulumi-sdkgen" .)

dir="$tools/src/golang"
rm -rf "$dir" && mkdir -p "$dir"
cat >"$dir/go.mod" <<MOD
module pulumi-cozmox.local/gohost

go 1.21

require github.com/pulumi/pulumi/sdk/v3 $go_host_sdk

// carried from sdk/v3 $go_host_sdk's own go.mod
replace golang.org/x/text => golang.org/x/text v0.3.6
MOD
cat >"$dir/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"
GO
(cd "$dir" && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>"$dir/tidy.log") || { cat "$dir/tidy.log" >&2; exit 1; }
(cd "$dir" && GOFLAGS=-mod=mod go build -ldflags "-s -w" -o "$bin/pulumi-language-go" \
    github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go)

echo "$record" >"$stamp"
echo "pulumi-sdk-tools: built in $(( $(date +%s) - start )) s"
