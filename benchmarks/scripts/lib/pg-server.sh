# pg-server.sh — sourced by the benchmark scripts: a freshly initdb'd PostgreSQL server of their
# own (temp dir, free port, trust auth on a unix socket and on localhost TCP,
# shared_buffers=512MB, max_wal_size=4GB, every other setting default), stopped and removed on
# exit. Needs PG_BIN, NAME (for the temp dir and messages), die() and say() from the caller.
# Sets TMP, LOGS, PORT, PGHOST/PGPORT/PGUSER/PGDATABASE, JDBC, PG_VERSION, COLLATE, psql_q().

# ---- our own PostgreSQL ----------------------------------------------------------------------
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port_free() {
  local p=$1
  if command -v ss >/dev/null; then
    [[ -z "$(ss -Htln "sport = :$p" 2>/dev/null)" ]]
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

TMP="$(mktemp -d /tmp/$NAME.XXXXXX)"
DATA="$TMP/data"
SOCK="$TMP/sock"
LOGS="$TMP/logs"
mkdir -p "$SOCK" "$LOGS"
[[ "$(id -u)" == 0 ]] && chown -R postgres: "$TMP"
chmod 755 "$TMP"
STARTED=0
cleanup() {
  local rc=$?
  if (( STARTED )); then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "$NAME: kept $TMP" >&2
  else
    rm -rf "$TMP"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=""
for ((p = 5600 + RANDOM % 300; p < 6400; p++)); do
  if port_free "$p" && [[ ! -e "/tmp/.s.PGSQL.$p" ]]; then PORT=$p; break; fi
done
[[ -n "$PORT" ]] || die "no free TCP port found in 5600..6399"

say "initdb in $DATA; server on port $PORT (socket $SOCK)"
# shellcheck disable=SC2086
as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust ${INITDB_OPTS:-} >"$LOGS/initdb.log" 2>&1 \
  || { cat "$LOGS/initdb.log" >&2; die "initdb failed"; }
as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOGS/postgres.log" -w -t 60 \
  -o "-p $PORT -k $SOCK -c listen_addresses=localhost -c shared_buffers=512MB -c max_wal_size=4GB" start \
  >/dev/null || { cat "$LOGS/postgres.log" >&2; die "the server did not start"; }
STARTED=1

export PGHOST="$SOCK" PGPORT="$PORT" PGUSER=postgres PGDATABASE=postgres
JDBC="jdbc:postgresql://localhost:$PORT/postgres?user=postgres"
psql_q() { "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
PG_VERSION="$(psql_q 'SHOW server_version')"
COLLATE="$(psql_q "SELECT datcollate FROM pg_database WHERE datname = 'postgres'")"

