# Shared by the benchmark scripts (sourced, not run): settings, logging, the release build, the server's life cycle
# and a throwaway PostgreSQL cluster. Every network call goes to 127.0.0.1 only.
# Before sourcing, a script sets PORT, PG_PORT and WORK (optional; a new scratch directory otherwise).

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${WORK:-$(mktemp -d /tmp/pingan-bench.XXXXXX)}
RESULTS=$WORK/results
PASSWORD=demo-password-1
SECRET=pingan-benchmark-secret-key-0123456789abcdef
BASE=http://127.0.0.1:$PORT
# The newest server that has initdb (a newer client-only package may sit beside it).
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
mkdir -p "$RESULTS"

for tool in curl wrk hyperfine; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk hyperfine curl)" >&2; exit 1; }
done

SERVER_PID=""
PGDATA_DIR=""
PGSOCK=""
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [[ -n $PGDATA_DIR && -f $PGDATA_DIR/postmaster.pid ]]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT INT TERM

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RESULTS/run.log"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# build_release: sets PINGAN_BIN, building a release binary in a scratch clone unless PINGAN_BIN is given.
build_release() {
    if [[ -z ${PINGAN_BIN:-} ]]; then
        local src=${PINGAN_SRC:-$(git -C "$HERE" rev-parse --show-toplevel)}
        rm -rf "$WORK/src"
        git clone -q "$src" "$WORK/src"
        log "building release at commit $(git -C "$WORK/src" rev-parse --short HEAD) in $WORK/src"
        local start; start=$(date +%s)
        (cd "$WORK/src" && timeout 3600 swift build -c release --product pingan) >"$RESULTS/build.log" 2>&1
        log "build took $(($(date +%s) - start)) s"
        PINGAN_BIN=$WORK/src/.build/release/pingan
    fi
    [[ -x $PINGAN_BIN ]] || { echo "no binary at $PINGAN_BIN" >&2; exit 1; }
    log "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
    log "load average at start: $(load)"
}

# wait_for_server LABEL: after SERVER_PID was started in the background, wait until /healthz answers.
wait_for_server() {
    local label=$1
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "$BASE/healthz" && { log "server ($label) up, pid $SERVER_PID"; return 0; }
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RESULTS/server-$label.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "server did not come up" >&2
    exit 1
}

stop_server() {
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# token USERNAME: a bearer token for a demo user.
token() {
    curl -sf -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/token" |
        sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}

# start_postgres: a throwaway cluster on 127.0.0.1:PG_PORT (as root); stop_postgres removes it.
start_postgres() {
    PGDATA_DIR=$WORK/pgdata
    PGSOCK=$WORK/pgsock
    mkdir -p "$PGDATA_DIR" "$PGSOCK"
    chmod 755 "$WORK" # the postgres user must reach its data and socket directories
    chown postgres "$PGDATA_DIR" "$PGSOCK"
    chmod 700 "$PGDATA_DIR"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -U pingan --auth=trust >"$RESULTS/initdb.log" 2>&1
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGSOCK/postgres.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGSOCK" start >/dev/null
    log "postgres $("$PGBIN/postgres" --version) up on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    cp "$PGSOCK/postgres.log" "$RESULTS/postgres.log"
    rm -rf "$PGDATA_DIR" "$PGSOCK"
    PGDATA_DIR=""
}
