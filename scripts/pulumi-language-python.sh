#!/bin/sh
# Launches the Python language host built from an older SDK release (see pulumi-toolchain.sh).
# That host reads the project's virtualenv from a -virtualenv flag, while the current CLI sends
# runtime options inside its requests: read `virtualenv:` from Pulumi.yaml (the CLI starts
# the host in the project folder) and pass it on as the flag.
here=$(dirname "$0")
project=Pulumi.yaml
[ -f "$project" ] || project=Pulumi.yml
venv=$(sed -n "s/^[[:space:]]*virtualenv:[[:space:]]*[\"']\{0,1\}\([^\"' ]*\).*/\1/p" "$project" 2>/dev/null | head -n 1)
if [ -n "$venv" ]; then
    exec "$here/pulumi-language-python-host" -root="$PWD" -virtualenv="$venv" "$@"
fi
exec "$here/pulumi-language-python-host" "$@"
