#!/usr/bin/env bash
# Shows that several Pingan processes (four) on one PostgreSQL database fire each escalation step exactly once (issue 3).
#
# Loads the demo district and its ledger into a fresh database, then starts four `pingan escalations run-once`
# processes at the same moment, both reading a clock past every deadline, and checks that:
#   - the steps the processes report add up to the steps recorded (none fired by two),
#   - no (case, step) pair and no (user, event) inbox item exists twice.
# Usage: scripts/escalations/two-processes.sh [path/to/pingan]
#   PINGAN_PG_ADMIN_URL=postgres://USER@HOST:PORT/postgres  use this server (default: a throwaway cluster)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/debug/pingan}
[ -x "$bin" ] || swift build --product pingan
work=$(mktemp -d /tmp/pingan-two.XXXXXX)
cleanup() {
    if [ -n "${pgdata:-}" ]; then
        runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$pgdata"
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${PINGAN_PG_ADMIN_URL:-}" ]; then
    pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
    pgdata=$(mktemp -d /tmp/pingan-two-pg.XXXXXX)
    chown postgres:postgres "$pgdata"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U pingan --auth=trust >/dev/null
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata" >/dev/null
    PINGAN_PG_ADMIN_URL="postgres://pingan@127.0.0.1:$port/postgres"
fi
database="pingan_two_$$"
psql "$PINGAN_PG_ADMIN_URL" -qc "CREATE DATABASE $database"
export PINGAN_DATABASE_URL="${PINGAN_PG_ADMIN_URL%/*}/$database?sslmode=disable"
export PINGAN_SECRET_KEY=two-processes-demo-secret-0123456789abcdef
export PINGAN_DEMO_PASSWORD=two-processes-1 PINGAN_BCRYPT_COST=4 PINGAN_LOG_LEVEL=error
query() { psql "${PINGAN_PG_ADMIN_URL%/*}/$database" -tAc "$1"; }

"$bin" demo >/dev/null
before=$(query "SELECT COUNT(*) FROM escalation_fired")
later=$(date -u -d '+400 days' +%Y-%m-%dT%H:%M:%SZ)
for p in a b c d; do "$bin" escalations run-once --now "$later" >"$work/$p.out" & done
wait
after=$(query "SELECT COUNT(*) FROM escalation_fired")
reported=0
for p in a b c d; do
    n=$(grep -c $'\t' "$work/$p.out" || true)
    echo "process $p fired $n"
    reported=$((reported + n))
done
twice=$(query "SELECT COUNT(*) FROM (SELECT user_id, event_key FROM notifications GROUP BY 1, 2 HAVING COUNT(*) > 1) d")
echo "steps fired while the demo ledger was replayed: $before"
echo "steps reported by the four processes: $reported; steps recorded by the pass: $((after - before))"
echo "inbox items delivered twice: $twice"

if [ "$reported" -eq $((after - before)) ] && [ "$twice" -eq 0 ] && [ $((after - before)) -gt 0 ]; then
    echo "OK: every step fired exactly once"
else
    echo "FAILED: a step fired twice or not at all" >&2
    exit 1
fi
