#!/usr/bin/env bash
# Server CPU per intake (docs/PERFORMANCE.md, "Case ledger"): a database (a fresh `pingan demo`, or a copy of $DB),
# `pingan serve` on 127.0.0.1:$PORT, `wrk -t2 -c$CONNS` (16) POSTing cases (ledger/post.lua) for DURATION, then the server's
# CPU time (user + system, /proc/PID/stat) divided by the requests completed.
# Usage: [DB=path.sqlite] [PORT=18230] [CONNS=16] scripts/bench/intake-cpu.sh PINGAN_BINARY [DURATION]
set -euo pipefail
BIN=$1
DURATION=${2:-10s}
PORT=${PORT:-18230}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/pingan-intake.XXXXXX)
export PINGAN_SECRET_KEY=pingan-benchmark-secret-key-0123456789abcdef PINGAN_DEMO_PASSWORD=demo-password-1
if [[ -n ${DB:-} ]]; then cp "$DB" "$WORK/p.sqlite"; else "$BIN" demo --database-url "sqlite://$WORK/p.sqlite" >"$WORK/demo.log" 2>&1; fi
PINGAN_DATABASE_URL="sqlite://$WORK/p.sqlite" "$BIN" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"operator.zhou","password":"demo-password-1"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
before=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
TOKEN=$TOKEN timeout 120 wrk -t2 -c"${CONNS:-16}" -d"$DURATION" --latency -s "$HERE/ledger/post.lua" \
    "http://127.0.0.1:$PORT/api/v1/cases" >"$WORK/wrk.txt"
after=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
requests=$(awk '/requests in/{print $1}' "$WORK/wrk.txt")
grep -E "Requests/sec|PERCENTILES|Non-2xx" "$WORK/wrk.txt"
echo "server CPU ms/request: $(echo "scale=2; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
