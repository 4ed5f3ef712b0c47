#!/usr/bin/env bash
# Builds the YAML and Node.js language hosts into TOOLS_DIR/bin, next to the `pulumi` CLI
# (there the CLI takes them as bundled: no "using ... from $PATH" warning).
#
#   scripts/pulumi-language-hosts.sh TOOLS_DIR
#
# - YAML: github.com/pulumi/pulumi-yaml, a plain `go install` (its go.mod has no replace).
# - Node.js: the host's own module (since sdk v3.69) is not served by the module proxy here;
#   the last sdk/v3 release that carries it is v3.68.0, built through a wrapper module that
#   carries sdk's replace of golang.org/x/text. It runs TypeScript programs with CLI 3.274
#   and @pulumi/pulumi 3.270 (it has no GenerateProgram: `pulumi import` there needs
#   --generate-code=false).
# The stamp TOOLS_DIR/bin/.language-hosts records what was built; the same record does nothing.
set -euo pipefail

tools=$(mkdir -p "${1:?usage: pulumi-language-hosts.sh TOOLS_DIR}" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
bin="$tools/bin"
stamp="$bin/.language-hosts"
yaml_version=v1.25.0
nodejs_sdk=v3.68.0
record="yaml $yaml_version; nodejs sdk/v3 $nodejs_sdk; script: $(cksum <"$here/pulumi-language-hosts.sh")"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$record" ] \
    && [ -x "$bin/pulumi-language-yaml" ] && [ -x "$bin/pulumi-language-nodejs" ]; then
    touch "$stamp"
    exit 0
fi
command -v go >/dev/null 2>&1 || { echo "pulumi-language-hosts: 'go' is needed" >&2; exit 1; }
start=$(date +%s)
echo "pulumi-language-hosts: building the YAML ($yaml_version) and Node.js (sdk $nodejs_sdk) hosts into $bin (once; about 3 minutes)"
mkdir -p "$bin" "$tools/src"
export GOFLAGS=-mod=mod

GOBIN="$bin" go install -ldflags "-s -w" "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$yaml_version"

dir="$tools/src/nodejs"
rm -rf "$dir" && mkdir -p "$dir"
cat >"$dir/go.mod" <<MOD
module pulumi-cozmox.local/nodejshost

go 1.21

require github.com/pulumi/pulumi/sdk/v3 $nodejs_sdk

// carried from sdk/v3 $nodejs_sdk's own go.mod
replace golang.org/x/text => golang.org/x/text v0.3.6
MOD
cat >"$dir/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
GO
(cd "$dir" && go mod tidy >/dev/null 2>"$dir/tidy.log") || { cat "$dir/tidy.log" >&2; exit 1; }
(cd "$dir" && go build -ldflags "-s -w" -o "$bin/pulumi-language-nodejs" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs)

echo "$record" >"$stamp"
echo "pulumi-language-hosts: built in $(( $(date +%s) - start )) s"
