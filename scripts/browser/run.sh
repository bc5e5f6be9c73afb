#!/usr/bin/env bash
# Browser test of the workbench: starts `pingan serve --demo` on a free loopback port with a throwaway SQLite file,
# drives it with Chromium through selenium (installed from PyPI into a throwaway venv), and leaves screenshots in
# $SCREENSHOTS (default: a new /tmp/pingan-screenshots.XXXXXX), whose path it prints.
# Usage: scripts/browser/run.sh PATH/TO/pingan
set -euo pipefail
cd "$(dirname "$0")/../.."
pingan=${1:?usage: scripts/browser/run.sh PATH/TO/pingan}
work=$(mktemp -d /tmp/pingan-browser.XXXXXX)
export SCREENSHOTS=${SCREENSHOTS:-$(mktemp -d /tmp/pingan-screenshots.XXXXXX)}
mkdir -p "$SCREENSHOTS"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PINGAN_DEMO_PASSWORD="browser-test-password"
export PINGAN_BCRYPT_COST=4
export PINGAN_BASE_URL="http://127.0.0.1:$port"
"$pingan" serve --demo --port "$port" --database-url "sqlite://$work/pingan.sqlite" >"$work/serve.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
    if curl -fsS "$PINGAN_BASE_URL/readyz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "pingan serve stopped; its log:" >&2
        cat "$work/serve.log" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "$PINGAN_BASE_URL/readyz" >/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check selenium
echo "Screenshots: $SCREENSHOTS"
if ! "$work/venv/bin/python" scripts/browser/workbench_test.py; then
    echo "== server log" >&2
    tail -50 "$work/serve.log" >&2
    exit 1
fi
