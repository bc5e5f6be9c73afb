#!/usr/bin/env bash
# Response times of the workbench's pages with the demo data: starts `pingan serve --demo` on a free loopback port
# with a throwaway SQLite file, signs in through the login form with curl, then requests each page RUNS times (after
# one warm-up) and prints the median and the slowest time in milliseconds.
# Usage: scripts/bench/pages.sh PATH/TO/pingan   (RUNS=20 by default)
set -euo pipefail
pingan=${1:?usage: scripts/bench/pages.sh PATH/TO/pingan}
runs=${RUNS:-20}
work=$(mktemp -d /tmp/pingan-pages.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
PINGAN_DEMO_PASSWORD=bench-password PINGAN_BCRYPT_COST=4 PINGAN_LOG_LEVEL=warning \
    "$pingan" serve --demo --port "$port" --database-url "sqlite://$work/pingan.sqlite" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fsS "$base/readyz" >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done

signin() { # $1 username → cookie jar $work/$1.jar
    local jar="$work/$1.jar"
    curl -fsS -c "$jar" -b "$jar" "$base/login" >/dev/null
    local token
    token=$(awk '$6 == "pingan_login" { print $7 }' "$jar")
    curl -sS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "username=$1" \
        --data-urlencode "password=bench-password" "$base/login"
}

measure() { # $1 user, $2 path
    local jar="$work/$1.jar"
    curl -fsS -b "$jar" -o /dev/null "$base$2"
    for _ in $(seq 1 "$runs"); do
        curl -fsS -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$2"
    done | sort -n | awk -v user="$1" -v path="$2" '{ t[NR] = $1 * 1000 }
        END { printf "%-18s %-40s median %6.1f ms   max %6.1f ms\n", user, path, t[int((NR + 1) / 2)], t[NR] }'
}

signin operator.zhou
signin handler.guanyuan
signin leader.district
signin admin
number=$(curl -fsS -b "$work/operator.zhou.jar" "$base/ledger" | grep -o 'href="/cases/[A-Z0-9-]*"' | head -1 \
    | sed 's|href="/cases/||; s|"||')
measure operator.zhou /login
measure operator.zhou /work
measure operator.zhou /ledger
measure operator.zhou "/ledger?kind=dispute&status=in_progress&sort=deadline"
measure operator.zhou "/cases/$number"
measure operator.zhou /intake
measure operator.zhou /inbox
measure handler.guanyuan /work
measure handler.guanyuan /ledger
measure leader.district /dashboard
measure operator.zhou "/cases/$number?parties=show"
measure admin /admin
measure admin /audit
measure admin /admin/policies
