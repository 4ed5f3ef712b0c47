#!/usr/bin/env bash
# `make demo`: `pulumi up` of examples/quickstart against the local Cozmox emulator.
#   scripts/demo.sh up        start the emulator (if not running) and apply the example
#   scripts/demo.sh destroy   destroy the stack and stop the emulator
# Everything lives under .demo/ (git-ignored): emulator database and log, the file backend,
# and the stack's config file (--config-file: not next to the example, which users copy).
# Running it again reuses the running emulator and the stack: the second `up` changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
demo=${COZMOX_DEMO_DIR:-$repo/.demo}
port=${COZMOX_DEMO_PORT:-8090}
example=${COZMOX_DEMO_EXAMPLE:-examples/quickstart}
stack=${COZMOX_DEMO_STACK:-demo}
base_url="http://127.0.0.1:$port"
mkdir -p "$demo/backend"

export PATH="$repo/.tools/bin:$repo/.venv/bin:$PATH"
export PULUMI_BACKEND_URL="file://$demo/backend"
export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-cozmox-demo}
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true

emulator_up() {
    python3 - "$base_url" <<'PY'
import sys, urllib.request
try:
    # A busy machine may take seconds to answer: a running emulator taken for a stopped one
    # would be started again on its port.
    urllib.request.urlopen(sys.argv[1] + "/__emulator/health", timeout=30)
except Exception:
    sys.exit(1)
PY
}

# The assistants and phone numbers the examples name (a preview reads them): seeded at start,
# and again into an emulator already running (seeding an id again replaces it).
objects="$repo/examples/emulator-objects.json"
seed_objects() {
    python3 - "$base_url" "$objects" <<'PY'
import sys, urllib.request
with open(sys.argv[2], "rb") as seed:
    body = seed.read()
request = urllib.request.Request(
    sys.argv[1] + "/__emulator/objects", data=body, headers={"Content-Type": "application/json"}
)
urllib.request.urlopen(request, timeout=10)
PY
}

start_emulator() {
    if emulator_up; then
        echo "demo: emulator already running at $base_url"
        seed_objects
        return
    fi
    echo "demo: starting the Cozmox emulator at $base_url (database $demo/emulator.sqlite3)"
    nohup cozmox-emulator --port "$port" --db "$demo/emulator.sqlite3" --objects "$objects" \
        >"$demo/emulator.log" 2>&1 &
    pid=$!
    echo $pid >"$demo/emulator.pid"
    # Until it listens or exits (a busy machine takes its time to start one: no short limit).
    for _ in $(seq 3000); do
        grep -q "listening on" "$demo/emulator.log" 2>/dev/null && return
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "demo: the emulator did not start; see $demo/emulator.log" >&2
    exit 1
}

config_file="$demo/Pulumi.$stack.yaml"
pulumi_() { pulumi --cwd "$example" --non-interactive "$@"; }

case "${1:-up}" in
up)
    start_emulator
    pulumi_ stack select --create "$stack" >/dev/null
    # A new stack's file (its secrets' salt) is written beside the program: move it here.
    if [ -f "$example/Pulumi.$stack.yaml" ]; then mv "$example/Pulumi.$stack.yaml" "$config_file"; fi
    pulumi_ config set --config-file "$config_file" cozmox:baseUrl "$base_url"
    pulumi_ config set --config-file "$config_file" --secret cozmox:apiKey sk-cozmox-local
    pulumi_ up --yes --stack "$stack" --config-file "$config_file"
    echo
    pulumi_ stack output --stack "$stack"
    # Every line below runs as printed, from any folder, in a shell without a terminal
    # (tests/e2e/test_demo.py runs each): absolute paths, --yes where the CLI asks.
    q() { printf %q "$1"; }
    project=$(cd "$example" && pwd)
    look="pulumi --cwd $(q "$project")"
    on="--stack $(q "$stack") --config-file $(q "$config_file")"
    cat <<MSG

Look further (first the export line, in this shell):
  export PATH=$(q "$repo/.tools/bin"):"\$PATH" PULUMI_BACKEND_URL=$(q "$PULUMI_BACKEND_URL") PULUMI_CONFIG_PASSPHRASE=$(q "$PULUMI_CONFIG_PASSPHRASE")
  $look preview $on   # nothing to change
  $look refresh --yes $on   # compare with the emulator
  curl -fsS -H 'Authorization: Bearer sk-cozmox-local' $base_url/campaign   # the campaigns
  curl -fsS $base_url/__emulator/requests   # the emulator's request journal
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"advance": "PT1H"}' $base_url/__emulator/clock   # move time on
Tear down (destroys the stack, stops the emulator):
  make -C $(q "$repo") demo-destroy
MSG
    ;;
destroy)
    if ! emulator_up; then start_emulator; fi
    if pulumi_ stack select "$stack" >/dev/null 2>&1; then
        pulumi_ destroy --yes --stack "$stack" --config-file "$config_file"
    fi
    if [ -f "$demo/emulator.pid" ]; then
        kill "$(cat "$demo/emulator.pid")" 2>/dev/null || true
        rm -f "$demo/emulator.pid"
        echo "demo: emulator stopped"
    fi
    ;;
*)
    echo "usage: scripts/demo.sh up|destroy" >&2
    exit 2
    ;;
esac
