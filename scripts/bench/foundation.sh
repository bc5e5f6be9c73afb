#!/usr/bin/env bash
# Reproduces the "HTTP foundation" figures in docs/PERFORMANCE.md.
#
# It builds `pingan` in release mode in a scratch clone (never in the caller's .build), starts it on 127.0.0.1 with
# the demo district in a temporary directory, drives it with wrk and hyperfine for a bounded time, and stops it.
# With WITH_PG=1 (as root, PostgreSQL 15 server binaries installed) it repeats the HTTP runs and the migrate/demo
# timings against a throwaway PostgreSQL cluster on 127.0.0.1, which it stops and deletes afterwards.
#
# Needs: swift, git, curl, wrk, hyperfine (apt-get install -y wrk hyperfine).
#
# Settings (environment):
#   PINGAN_BIN   use this pingan binary and skip the build
#   PINGAN_SRC   git repository to clone and build (default: the repository holding this script; its HEAD commit)
#   WORK         scratch directory (default: a new mktemp -d); results go to $WORK/results
#   PORT         HTTP port (default 18090)            PG_PORT   PostgreSQL port (default 55470)
#   DURATION     wrk duration per run (default 15s)   THREADS / CONNS   wrk -t / -c (default 2 / 16)
#   LOGIN_RUNS   sequential logins per demo user (default 5)
#   WITH_PG      1 to also measure PostgreSQL (default 0)
#   SKIP_SQLITE  1 to skip the SQLite part (default 0)
#
# Every network call goes to 127.0.0.1 only. Worst-case run time is about 15 minutes plus the build.
set -euo pipefail

PORT=${PORT:-18090}
PG_PORT=${PG_PORT:-55470}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
LOGIN_RUNS=${LOGIN_RUNS:-5}
WITH_PG=${WITH_PG:-0}
source "$(dirname "$0")/common.sh"
build_release

# --- helpers -------------------------------------------------------------------------------------------------------
# start_server LABEL [ENV=VALUE ...]: serve --demo from a fresh directory, wait until /healthz answers.
start_server() {
    local label=$1; shift
    local dir; dir=$(mktemp -d "$WORK/serve-$label.XXXXXX")
    (cd "$dir" && exec env PINGAN_DEMO_PASSWORD=$PASSWORD "$@" "$PINGAN_BIN" serve --demo --port "$PORT") \
        >"$RESULTS/server-$label.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server "$label"
}



# bench LABEL NAME PATH [TOKEN]: one wrk run; appends a row to $RESULTS/summary-LABEL.tsv.
bench() {
    local label=$1 name=$2 path=$3 tok=${4:-}
    local out=$RESULTS/wrk-$label-$name.txt
    local args=(-t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency)
    [[ -n $tok ]] && args+=(-H "Authorization: Bearer $tok")
    # one request first, so a wrong status fails loudly instead of being measured
    local status; status=$(curl -s -o /dev/null -w '%{http_code}' ${tok:+-H "Authorization: Bearer $tok"} "$BASE$path")
    [[ $status == 200 ]] || { echo "$path answered $status" >&2; exit 1; }
    local before; before=$(load)
    echo "wrk ${args[*]/$tok/TOKEN} $BASE$path" >"$out"
    timeout 120 wrk "${args[@]}" "$BASE$path" >>"$out"
    local after; after=$(load)
    awk -v label="$label" -v name="$name" -v path="$path" -v before="$before" -v after="$after" '
        /^ +50% / {p50=$2} /^ +90% / {p90=$2} /^ +99% / {p99=$2}
        /^Requests\/sec:/ {rps=$2} /requests in/ {n=$1}
        /Non-2xx/ {bad=$NF} /Socket errors/ {sock=$0}
        END {printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", label, name, path, rps, p50, p90, p99, n, (bad==""?0:bad), before " -> " after}
    ' "$out" >>"$RESULTS/summary-$label.tsv"
    log "$(tail -1 "$RESULTS/summary-$label.tsv")"
}

# http_suite LABEL: the wrk runs and the login timing against the running server.
http_suite() {
    local label=$1
    printf 'backend\tname\tpath\treq/s\tp50\tp90\tp99\trequests\tnon-2xx\tload 1/5/15 min before -> after\n' \
        >"$RESULTS/summary-$label.tsv"
    local op admin
    op=$(token operator.zhou); admin=$(token admin)
    [[ -n $op && -n $admin ]] || { echo "login failed" >&2; exit 1; }
    bench "$label" healthz /healthz
    bench "$label" readyz /readyz
    bench "$label" me /api/v1/me "$op"
    bench "$label" units-admin /api/v1/units "$admin"
    bench "$label" units-operator /api/v1/units "$op"
    bench "$label" regions /api/v1/regions "$op"
    bench "$label" metrics /metrics
    # Sequential successful logins (bcrypt cost 12), LOGIN_RUNS per user so no account nears any throttle.
    log "login timing ($label), load $(load)"
    timeout 300 hyperfine -N --style basic --runs "$LOGIN_RUNS" --warmup 0 \
        -L user operator.wu,handler.police,analyst.chen,assessor.xu \
        --export-json "$RESULTS/login-$label.json" --export-markdown "$RESULTS/login-$label.md" \
        "curl -sf -o /dev/null -H Content-Type:application/json -d '{\"username\":\"{user}\",\"password\":\"$PASSWORD\"}' $BASE/api/v1/auth/token" \
        2>&1 | tee "$RESULTS/login-$label.txt"
}

# --- SQLite --------------------------------------------------------------------------------------------------------
if [[ ${SKIP_SQLITE:-0} != 1 ]]; then
start_server sqlite
http_suite sqlite
stop_server

log "migrate/demo timing (sqlite), load $(load)"
T=$WORK/cli
timeout 300 hyperfine --style basic --runs 3 --prepare "rm -rf $T && mkdir -p $T" \
    --export-markdown "$RESULTS/cli-sqlite.md" \
    -n "migrate (empty SQLite)" "$PINGAN_BIN migrate --database-url sqlite://$T/pingan.sqlite" \
    -n "demo (migrate + demo district, 22 bcrypt hashes)" \
    "env PINGAN_DEMO_PASSWORD=$PASSWORD $PINGAN_BIN demo --database-url sqlite://$T/pingan.sqlite" \
    2>&1 | tee "$RESULTS/cli-sqlite.txt"
fi

# --- PostgreSQL (optional) -----------------------------------------------------------------------------------------
if [[ $WITH_PG == 1 ]]; then
    start_postgres
    PSQL=(psql -q -h 127.0.0.1 -p "$PG_PORT" -U pingan -d postgres)
    "${PSQL[@]}" -c 'CREATE DATABASE pingan_serve'
    PGURL="postgres://pingan@127.0.0.1:$PG_PORT/pingan_serve?sslmode=disable"

    start_server postgres PINGAN_DATABASE_URL="$PGURL" PINGAN_SECRET_KEY=$SECRET
    http_suite postgres
    stop_server

    log "migrate/demo timing (postgres), load $(load)"
    CLIURL="postgres://pingan@127.0.0.1:$PG_PORT/pingan_cli?sslmode=disable"
    timeout 300 hyperfine --style basic --runs 3 \
        --prepare "psql -q -h 127.0.0.1 -p $PG_PORT -U pingan -d postgres -c 'DROP DATABASE IF EXISTS pingan_cli' -c 'CREATE DATABASE pingan_cli'" \
        --export-markdown "$RESULTS/cli-postgres.md" \
        -n "migrate (empty PostgreSQL database)" \
        "env PINGAN_SECRET_KEY=$SECRET $PINGAN_BIN migrate --database-url '$CLIURL'" \
        -n "demo (migrate + demo district, 22 bcrypt hashes)" \
        "env PINGAN_SECRET_KEY=$SECRET PINGAN_DEMO_PASSWORD=$PASSWORD $PINGAN_BIN demo --database-url '$CLIURL'" \
        2>&1 | tee "$RESULTS/cli-postgres.txt"

    stop_postgres
fi

log "load average at end: $(load)"
log "results in $RESULTS"
cat "$RESULTS"/summary-*.tsv
