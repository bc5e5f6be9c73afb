#!/usr/bin/env bash
# Case intake on PostgreSQL (docs/PERFORMANCE.md, "Case ledger"): a throwaway cluster with default settings (fsync
# on) on 127.0.0.1:$PG_PORT; for each binary given, alternating ROUNDS times: a fresh `pingan demo` database,
# `pingan serve` on 127.0.0.1:$PORT, `wrk -t2 -c16` POSTing cases (ledger/post.lua) for DURATION, then throughput,
# latency percentiles and the CPU time per request (user + system, /proc/PID/stat) of the server and of the
# PostgreSQL processes (all of the postgres user's: stop other clusters for a clean figure).
# Usage (as root, PostgreSQL server binaries installed): [ROUNDS=2] [DURATION=10s] scripts/bench/intake-pg.sh BIN...
set -uo pipefail
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
PORT=${PORT:-18240}
PG_PORT=${PG_PORT:-55481}
HERE=$(cd "$(dirname "$0")" && pwd)
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
W=$(mktemp -d /tmp/pingan-intake-pg.XXXXXX)
chmod 755 "$W"
mkdir -p "$W/data" "$W/sock"
chown postgres "$W/data" "$W/sock"
chmod 700 "$W/data"
runuser -u postgres -- "$PGBIN/initdb" -D "$W/data" -U pingan --auth=trust >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/data" -l "$W/sock/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $W/sock" start >/dev/null
SERVER=""
trap '[[ -n $SERVER ]] && kill $SERVER 2>/dev/null; runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/data" -m fast -w stop >/dev/null; rm -rf "$W"' EXIT
# CPU ticks (user + system) of the cluster's processes alive now (its backends live as long as the pool's connections).
postgres_ticks() {
    local total=0 pid
    for pid in $(pgrep -u postgres -f "postgres"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
export PINGAN_SECRET_KEY=pingan-benchmark-secret-key-0123456789abcdef PINGAN_DEMO_PASSWORD=demo-password-1
n=0
for _ in $(seq 1 "$ROUNDS"); do
    for BIN in "$@"; do
        n=$((n + 1))
        URL="postgres://pingan@127.0.0.1:$PG_PORT/intake$n?sslmode=disable"
        psql "postgres://pingan@127.0.0.1:$PG_PORT/postgres?sslmode=disable" -qc "CREATE DATABASE intake$n"
        timeout 300 "$BIN" demo --database-url "$URL" >/dev/null 2>&1
        PINGAN_DATABASE_URL="$URL" "$BIN" serve --port "$PORT" >"$W/serve.log" 2>&1 &
        SERVER=$!
        for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
        TOKEN=$(curl -sf -H 'Content-Type: application/json' \
            -d '{"username":"operator.zhou","password":"demo-password-1"}' \
            "http://127.0.0.1:$PORT/api/v1/auth/token" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
        before=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
        pg_before=$(postgres_ticks)
        TOKEN=$TOKEN timeout 120 wrk -t2 -c16 -d"$DURATION" --latency -s "$HERE/ledger/post.lua" \
            "http://127.0.0.1:$PORT/api/v1/cases" >"$W/wrk.txt"
        after=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
        pg_after=$(postgres_ticks)
        requests=$(awk '/requests in/{print $1}' "$W/wrk.txt")
        echo "$(date -u +%H:%M:%S) $BIN: $(awk '/Requests\/sec/{print $2}' "$W/wrk.txt") req/s," \
            "$(grep PERCENTILES "$W/wrk.txt"), $(grep -c Non-2xx "$W/wrk.txt") non-2xx lines," \
            "server CPU ms/request $(echo "scale=2; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)," \
            "PostgreSQL CPU ms/request $(echo "scale=2; ($pg_after - $pg_before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)," \
            "load $(cut -d' ' -f1-3 /proc/loadavg)"
        kill "$SERVER"
        wait "$SERVER" 2>/dev/null
        SERVER=""
    done
done
