#!/usr/bin/env bash
# Reproduces the "Case ledger (issue 3)" figures in docs/PERFORMANCE.md.
#
# Per backend (SQLite, and PostgreSQL with WITH_PG=1) it
#   1. loads the demo district into a fresh database (`pingan demo`, 300 cases),
#   2. opens CASES-300 more cases through the case service (`pingan bench seed-cases`, hidden benchmark command):
#      one in LEVELLED_EVERY, if its kind has a warning scale (disputes, opinion warnings), gets a level and is
#      assigned, so it is open with an escalation plan (about 4.4% of the cases with the default 10),
#   3. times scheduler passes inside the process (`pingan bench escalation-pass --now T`): the first pass after the
#      seeding (the "at once" steps of the new plans are due), a second pass at the same time (nothing due), and
#      `pingan escalations run-once` as a whole process with hyperfine (start-up + migration check + pass),
#   4. starts `pingan serve` on 127.0.0.1 and drives POST /api/v1/cases with wrk for POST_DURATION (post.lua),
#   5. drives filtered GET /api/v1/cases lists (and a second page by cursor) with wrk for DURATION each (list.lua
#      prints p50/p95/p99),
#   6. stops the server and times one more pass as if the clock read 60 days later (the deadline steps are due).
#
# Needs: curl, wrk, hyperfine; a pingan release binary (PINGAN_BIN) or swift to build one in a scratch clone.
#
# Settings (environment):
#   PINGAN_BIN     use this pingan binary and skip the build
#   PINGAN_SRC     git repository to clone and build (default: the repository holding this script; its HEAD)
#   WORK           scratch directory (default: a new mktemp -d); results go to $WORK/results
#   CASES          cases in the database before the HTTP runs (default 100000, the demo's 300 included)
#   LEVELLED_EVERY one seeded case in this many gets a level and a plan (default 10)
#   SEED_CONCURRENCY  intakes in flight while seeding (default 4)
#   SEED_SECONDS   seconds the seeding may take; it stops there with the cases opened so far (default 3600)
#   PORT (18091)  PG_PORT (55472)  DURATION (15s)  POST_DURATION (20s)  THREADS (2)  CONNS (16)
#   WITH_PG        1 to also measure PostgreSQL (as root, PostgreSQL 15 server binaries installed)
#   SKIP_SQLITE    1 to skip SQLite
#
# Every network call goes to 127.0.0.1 only; every step is bounded with timeout; the server and the PostgreSQL
# cluster are stopped on exit (also on error or Ctrl-C).
set -euo pipefail

WORK=${WORK:-$(mktemp -d /tmp/pingan-ledger.XXXXXX)}
PORT=${PORT:-18091}
PG_PORT=${PG_PORT:-55472}
DURATION=${DURATION:-15s}
POST_DURATION=${POST_DURATION:-20s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
CASES=${CASES:-100000}
LEVELLED_EVERY=${LEVELLED_EVERY:-10}
SEED_CONCURRENCY=${SEED_CONCURRENCY:-4}
SEED_SECONDS=${SEED_SECONDS:-3600}
WITH_PG=${WITH_PG:-0}
source "$(dirname "$0")/common.sh"
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%S+00:00; }
build_release

# --- helpers -------------------------------------------------------------------------------------------------------
# cli SECONDS URL ARGS...: the pingan binary against database URL, for at most SECONDS.
cli() {
    local seconds=$1 url=$2; shift 2
    timeout "$seconds" env PINGAN_SECRET_KEY=$SECRET PINGAN_DEMO_PASSWORD=$PASSWORD "$PINGAN_BIN" "$@" --database-url "$url"
}

start_server() {
    local label=$1 url=$2
    (cd "$WORK" && exec env PINGAN_SECRET_KEY=$SECRET PINGAN_DATABASE_URL="$url" "$PINGAN_BIN" serve --port "$PORT") \
        >"$RESULTS/server-$label.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server "$label"
}



# wrk_row LABEL NAME OUT: appends a summary row from wrk output OUT.
wrk_row() {
    local label=$1 name=$2 out=$3 before=$4 after=$5
    awk -v label="$label" -v name="$name" -v before="$before" -v after="$after" '
        /^PERCENTILES/ {split($2, a, "="); p50=a[2]; split($3, b, "="); p95=b[2]; split($4, c, "="); p99=c[2]}
        /^Requests\/sec:/ {rps=$2} /requests in/ {n=$1}
        /Non-2xx/ {bad=$NF}
        END {printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", label, name, rps, p50, p95, p99, n, (bad==""?0:bad), before " -> " after}
    ' "$out" >>"$RESULTS/summary-$label.tsv"
    log "$(tail -1 "$RESULTS/summary-$label.tsv")"
}

# list LABEL NAME PATH TOKEN: one wrk run of a list query.
list() {
    local label=$1 name=$2 path=$3 tok=$4
    local out=$RESULTS/wrk-$label-$name.txt
    local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$BASE$path")
    [[ $status == 200 ]] || { echo "$path answered $status" >&2; exit 1; }
    local before; before=$(load)
    echo "wrk -t$THREADS -c$CONNS -d$DURATION --timeout 10s --latency -s list.lua -H 'Authorization: Bearer TOKEN' $BASE$path" >"$out"
    timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s "$HERE/ledger/list.lua" \
        -H "Authorization: Bearer $tok" "$BASE$path" >>"$out"
    wrk_row "$label" "$name" "$out" "$before" "$(load)"
}

# pass LABEL NAME TIME: one scheduler pass timed inside the process, and the whole process's wall time.
pass() {
    local label=$1 name=$2 time=$3 url=$4
    local before; before=$(load)
    local start; start=$(date +%s.%N)
    local line; line=$(cli 1800 "$url" bench escalation-pass --now "$time" 2>>"$RESULTS/cli-$label.log" | tail -1)
    local wall; wall=$(echo "$(date +%s.%N) - $start" | bc)
    printf '%s\t%s\t%s\t%s\t%s s process\t%s -> %s\n' "$label" "$name" "$time" "$line" "$wall" "$before" "$(load)" \
        >>"$RESULTS/passes-$label.tsv"
    log "$(tail -1 "$RESULTS/passes-$label.tsv")"
}

suite() {
    local label=$1 url=$2
    printf 'backend\tname\treq/s\tp50\tp95\tp99\trequests\tnon-2xx\tload 1/5/15 min before -> after\n' \
        >"$RESULTS/summary-$label.tsv"
    : >"$RESULTS/passes-$label.tsv"

    log "demo ($label), load $(load)"
    cli 600 "$url" demo >"$RESULTS/demo-$label.log" 2>&1
    local seed=$((CASES - 300))
    log "seeding $seed cases ($label), levelled every $LEVELLED_EVERY, concurrency $SEED_CONCURRENCY, load $(load)"
    cli $((SEED_SECONDS + 300)) "$url" bench seed-cases "$seed" --levelled-every "$LEVELLED_EVERY" \
        --concurrency "$SEED_CONCURRENCY" --max-seconds "$SEED_SECONDS" \
        >"$RESULTS/seed-$label.txt" 2>"$RESULTS/seed-$label.log"
    log "seeded ($label): $(cat "$RESULTS/seed-$label.txt"), load $(load)"

    # Scheduler passes before the server starts (the server's background worker would fire the same steps).
    local t1; t1=$(iso "+10 minutes")
    pass "$label" "first pass after seeding (at-once steps due)" "$t1" "$url"
    pass "$label" "second pass, same time (nothing new due)" "$t1" "$url"
    timeout 300 hyperfine -N --style basic --runs 3 --export-markdown "$RESULTS/run-once-$label.md" \
        -n "escalations run-once (whole process, nothing due)" \
        "env PINGAN_SECRET_KEY=$SECRET $PINGAN_BIN escalations run-once --now $t1 --database-url $url" \
        2>&1 | tee "$RESULTS/run-once-$label.txt"

    start_server "$label" "$url"
    local op; op=$(token operator.zhou)
    [[ -n $op ]] || { echo "login failed" >&2; exit 1; }

    # Case creation through the API.
    local out=$RESULTS/wrk-$label-post.txt before; before=$(load)
    echo "TOKEN=… wrk -t$THREADS -c$CONNS -d$POST_DURATION --timeout 10s --latency -s post.lua $BASE/api/v1/cases" >"$out"
    TOKEN=$op timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$POST_DURATION" --timeout 10s --latency \
        -s "$HERE/ledger/post.lua" "$BASE/api/v1/cases" >>"$out"
    wrk_row "$label" "POST /api/v1/cases" "$out" "$before" "$(load)"

    # Filtered lists as operator.zhou (scoped to the district), 50 a page.
    list "$label" "status" "/api/v1/cases?status=assigned&limit=50" "$op"
    list "$label" "kind+status+deadline" "/api/v1/cases?kind=dispute&status=assigned&sort=deadline&limit=50" "$op"
    list "$label" "unit+status" "/api/v1/cases?unit=qs-st-guanyuan&status=assigned&limit=50" "$op"
    list "$label" "region+kind" "/api/v1/cases?region=990102002&kind=hazard&limit=50" "$op"
    list "$label" "overdue+deadline" "/api/v1/cases?overdue=true&sort=deadline&limit=50" "$op"
    list "$label" "newest" "/api/v1/cases?limit=50" "$op"
    local cursor
    cursor=$(curl -sf -H "Authorization: Bearer $op" \
        "$BASE/api/v1/cases?kind=dispute&status=assigned&sort=deadline&limit=50" |
        sed -n 's/.*"next_cursor" *: *"\([^"]*\)".*/\1/p')
    [[ -n $cursor ]] || { echo "no next_cursor" >&2; exit 1; }
    list "$label" "kind+status+deadline page 2" \
        "/api/v1/cases?kind=dispute&status=assigned&sort=deadline&limit=50&cursor=$cursor" "$op"
    stop_server

    local t2; t2=$(iso "+60 days")
    pass "$label" "pass 60 days later (deadline steps due)" "$t2" "$url"
    pass "$label" "second pass 60 days later" "$t2" "$url"
}

# --- SQLite --------------------------------------------------------------------------------------------------------
if [[ ${SKIP_SQLITE:-0} != 1 ]]; then
    mkdir -p "$WORK/sqlite"
    suite sqlite "sqlite://$WORK/sqlite/pingan.sqlite"
fi

# --- PostgreSQL (optional) -----------------------------------------------------------------------------------------
if [[ $WITH_PG == 1 ]]; then
    start_postgres
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U pingan -d postgres -c 'CREATE DATABASE pingan_ledger'
    suite postgres "postgres://pingan@127.0.0.1:$PG_PORT/pingan_ledger?sslmode=disable"
    stop_postgres
fi

log "load average at end: $(load)"
log "results in $RESULTS"
cat "$RESULTS"/summary-*.tsv "$RESULTS"/passes-*.tsv
