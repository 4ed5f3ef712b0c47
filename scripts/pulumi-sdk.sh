#!/usr/bin/env bash
# Generates the SDKs of the native plugin (pulumi-resource-cozmox) from its package schema.
#
#   scripts/pulumi-sdk.sh OUT_DIR     # `make sdk` writes sdk/; the up-to-date test a temp folder
#
# - OUT_DIR/nodejs: the TypeScript sources pulumi-sdkgen generates (do not edit), and
#   OUT_DIR/nodejs/bin: the npm package @cozmox/pulumi, compiled by their tsconfig.json, with
#   their package.json and README.md beside (Pulumi's publishing layout: the package is bin/).
#   It is committed, so installing it runs no script (`--ignore-scripts` works) and needs no
#   TypeScript; the generator's .gitignore (which ignores bin/) is left out for that. tsc and
#   the type packages it compiles against are examples/typescript's (its package-lock.json pins
#   them), so the output is the same on every machine.
# - OUT_DIR/go: the Go module github.com/cozmox/pulumi-cozmox/sdk/go (package cozmox). Its go.mod
#   requires the lowest Pulumi Go SDK it compiles with, GO_PULUMI_SDK below, instead of the
#   generator's v3.269.0: up to v3.273.0, `cannot use id (variable of interface type
#   pulumi.StringInput) as pulumi.IDInput` (ctx.ExistsResource); tests/e2e/test_go_sdk.py builds
#   the module against exactly this version.
#
# A file whose content is unchanged keeps its modification time; a file no longer generated is
# removed. Needs `make setup` (TOOLS_DIR/bin/pulumi-sdkgen, examples/typescript/node_modules).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=$(mkdir -p "${1:?usage: pulumi-sdk.sh OUT_DIR}" && cd "$1" && pwd)
sdkgen=${SDKGEN:-$repo/.tools/bin/pulumi-sdkgen}
schema=$repo/provider/pulumi_cozmox/native/schema.json
node_modules=$repo/examples/typescript/node_modules

"$sdkgen" -schema "$schema" -language nodejs -out "$out/nodejs" -omit .gitignore
"$sdkgen" -schema "$schema" -language go -out "$out/go"
GO_PULUMI_SDK=v3.274.0
gomod=$(cd "$out/go" && go mod edit -print -require="github.com/pulumi/pulumi/sdk/v3@$GO_PULUMI_SDK")
[ "$gomod" = "$(cat "$out/go/go.mod")" ] || printf '%s\n' "$gomod" > "$out/go/go.mod"

# Compile in a scratch copy whose node_modules is the example's (tsc, @types/node, @pulumi/pulumi).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$out/nodejs" && tar --exclude=./bin -cf - .) | (cd "$scratch" && tar -xf -)
ln -s "$node_modules" "$scratch/node_modules"
(cd "$scratch" && node_modules/.bin/tsc)
cp "$scratch/package.json" "$scratch/README.md" "$scratch/bin/"

# Sync the compiled package into OUT_DIR/nodejs/bin: rewrite what differs, drop what is gone.
bin=$out/nodejs/bin
(cd "$scratch/bin" && find . -type f) | while read -r file; do
    cmp -s "$scratch/bin/$file" "$bin/$file" || install -D -m 0644 "$scratch/bin/$file" "$bin/$file"
done
(cd "$bin" && find . -type f) | while read -r file; do
    [ -e "$scratch/bin/$file" ] || rm -f "$bin/$file"
done
find "$bin" -mindepth 1 -type d -empty -delete
