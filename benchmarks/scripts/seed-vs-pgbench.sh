#!/usr/bin/env bash
# seed-vs-pgbench.sh — whole-process benchmark of `rehearse seed` against `pgbench -i`.
#
# Usage: benchmarks/scripts/seed-vs-pgbench.sh [SCALE] [USERS_ROWS]     (defaults: 100 10M)
#
# In one run, on one freshly initdb'd PostgreSQL server of its own (temp dir, free port, trust
# auth on a unix socket and on localhost TCP, shared_buffers=512MB, max_wal_size=4GB, every other
# setting default; stopped and removed on exit), it measures:
#
#   a. `pgbench -i -s SCALE -q`                                              — the anchor
#   b. `rehearse seed --dataset pgbench --scale SCALE --postgres jdbc:...`  — same tables and rows
#      run a, b, a, b (after one untimed `pgbench -i`, so that run 1 does not alone pay for
#      creating the fresh server's WAL segment files); each run is timed as a whole process
#      (wall clock, JVM start included for b) and by the tool's own figure (pgbench's
#      "done in X s", rehearse's "Seeded ... in X s").
#      Before every timed run the pgbench tables are dropped (`pgbench -i -I d`) and a CHECKPOINT
#      is taken, so each run starts from the same empty, checkpointed server. rehearse works in a
#      scratch database it creates and drops itself.
#   c. ratio rehearse/pgbench, best wall time against best wall time; target <= 1.2 (stretch 1.0).
#   d. `rehearse seed demo --rows USERS_ROWS --postgres jdbc:...` (users: bigint PK, unique email,
#      5 more columns), twice, against `pg_restore -j 2` of a directory-format dump of the same
#      table (PK and unique index included) into an empty database followed by `VACUUM (FREEZE,
#      ANALYZE) users` (the state the seeder leaves), twice, interleaved; ratio best wall against
#      best wall, target <= 0.9. Also data-phase rows/s (COPY only: rows / "phases: data X s";
#      target >= 1.4M), end-to-end rows/s (rows / "Seeded ... in X s": data + vacuum + PK + unique
#      index; target >= 0.6M) and the java process's peak RSS (/usr/bin/time -v "Maximum resident
#      set size").
#   e. a summary table on stdout, also written as JSON to
#      benchmarks/results/seed-vs-pgbench-<yyyy-mm-dd>.json (with non-default arguments the name
#      gets a -s<SCALE>-r<USERS_ROWS> suffix, so a quick check does not overwrite a full run).
#
# Environment:
#   PG_BIN             PostgreSQL bin dir (initdb, pg_ctl, psql, pgbench); default
#                      /usr/lib/postgresql/15/bin. pgbench is taken from there, else from PATH.
#   INITDB_OPTS        extra initdb options (e.g. "--locale=C"); default none (initdb's defaults)
#   REHEARSE_JAVA_OPTS JVM options for rehearse (as for the ./rehearse launcher)
#   WARMUP=0           skip the untimed warm-up `pgbench -i` (default 1: run it)
#   KEEP_TMP=1         keep the temp dir (server data, logs) for inspection
#
# Needs: bash 4+, java 17+, Maven (to build the CLI when sources changed), the PostgreSQL server
# binaries, /usr/bin/time (GNU time; installed with apt-get when missing and run as root).
# The server runs as user `postgres` when the script runs as root (PostgreSQL refuses root).
# Only 2 cores here: run nothing else heavy meanwhile, the figures are wall-clock.
set -euo pipefail

SCALE="${1:-100}"
USERS_ROWS="${2:-10M}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
JAR="$ROOT/harness/target/rehearse.jar"
TIME_BIN=/usr/bin/time

die() { echo "seed-vs-pgbench: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

[[ "$SCALE" =~ ^[0-9]+$ ]] && (( SCALE > 0 )) || die "SCALE must be a positive whole number, not '$SCALE'"
[[ "$USERS_ROWS" =~ ^[0-9]+([kKmM])?$ ]] || die "USERS_ROWS must be a number like 500000, 500k or 10M, not '$USERS_ROWS'"

# ---- tools ---------------------------------------------------------------------------------
command -v java >/dev/null || die "java is missing: install JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless)"
for tool in initdb pg_ctl psql pg_isready; do
  [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool is missing: install the PostgreSQL server (e.g. apt-get install postgresql-15) or set PG_BIN"
done
if [[ -x "$PG_BIN/pgbench" ]]; then
  PGBENCH="$PG_BIN/pgbench"
elif command -v pgbench >/dev/null; then
  PGBENCH="$(command -v pgbench)"
else
  die "pgbench is missing: neither $PG_BIN/pgbench nor pgbench on PATH (apt-get install postgresql-contrib or postgresql-15)"
fi
if [[ ! -x "$TIME_BIN" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing GNU time (apt-get install time)"
    (apt-get update -qq && apt-get install -y -qq time) >/dev/null || die "could not install GNU time"
  fi
  [[ -x "$TIME_BIN" ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
fi

# ---- build the CLI (the launcher rebuilds only when a source changed) ------------------------
say "building the rehearse CLI if needed"
REHEARSE_JAVA_OPTS="" "$ROOT/rehearse" --version >/dev/null \
  || die "could not build or start the rehearse CLI (see the output above)"
[[ -f "$JAR" ]] || die "$JAR was not built"

# ---- our own PostgreSQL ----------------------------------------------------------------------
NAME=seed-vs-pgbench
# shellcheck source=lib/pg-server.sh
source "$ROOT/benchmarks/scripts/lib/pg-server.sh"

# Empty, checkpointed server before each timed run: no pgbench tables, no dirty buffers or WAL
# left over from the previous run.
reset_server() {
  "$PGBENCH" -i -I d -q >/dev/null 2>&1 || die "could not drop the pgbench tables"
  psql_q 'CHECKPOINT' >/dev/null
}

# run_timed NAME CMD... : runs CMD under /usr/bin/time -v, stdout+stderr to $LOGS/NAME.log;
# sets WALL (s, 3 decimals) and RSS_KB.
run_timed() {
  local name=$1; shift
  local log="$LOGS/$name.log" tv="$LOGS/$name.time"
  local t0=$EPOCHREALTIME
  if ! "$TIME_BIN" -v -o "$tv" "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "$name failed: $* (log above)"
  fi
  local t1=$EPOCHREALTIME
  WALL="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
  RSS_KB="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")"
}

# Parses a rehearse seed log: SEED_ROWS, SEED_S (in-process), PH_DATA, PH_INDEX, PH_CONS, PH_VAC.
parse_seed() {
  local log=$1 line
  line="$(grep -E '^Seeded [0-9,]+ rows in ' "$log" | tail -n 1)" || die "no 'Seeded ... rows in X s' line in $log"
  SEED_ROWS="$(sed -E 's/^Seeded ([0-9,]+) rows in .*/\1/; s/,//g' <<<"$line")"
  SEED_S="$(sed -E 's/^Seeded [0-9,]+ rows in ([0-9.]+) s.*/\1/' <<<"$line")"
  line="$(grep -E '^ *phases: data ' "$log" | tail -n 1)" || die "no 'phases:' line in $log"
  PH_DATA="$(sed -nE 's/.*data ([0-9.]+) s.*/\1/p' <<<"$line")"
  PH_INDEX="$(sed -nE 's/.*indexes ([0-9.]+) s.*/\1/p' <<<"$line")"
  PH_CONS="$(sed -nE 's/.*constraints ([0-9.]+) s.*/\1/p' <<<"$line")"
  PH_VAC="$(sed -nE 's/.*vacuum ([0-9.]+) s.*/\1/p' <<<"$line")"
}

# Parses a pgbench -i log: PGB_S ("done in X s"), PGB_GEN, PGB_VAC, PGB_PK.
parse_pgbench() {
  local log=$1 line
  line="$(grep -E '^done in [0-9.]+ s' "$log" | tail -n 1)" || die "no 'done in X s' line in $log"
  PGB_S="$(sed -E 's/^done in ([0-9.]+) s.*/\1/' <<<"$line")"
  PGB_GEN="$(sed -nE 's/.*client-side generate ([0-9.]+) s.*/\1/p' <<<"$line")"
  PGB_VAC="$(sed -nE 's/.*vacuum ([0-9.]+) s.*/\1/p' <<<"$line")"
  PGB_PK="$(sed -nE 's/.*primary keys ([0-9.]+) s.*/\1/p' <<<"$line")"
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? a : b }'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { if (b + 0 == 0) print "null"; else printf f, a / b }'; }

declare -A R
echo "seed-vs-pgbench: scale $SCALE, users rows $USERS_ROWS; PostgreSQL $PG_VERSION on port $PORT, $(nproc) cores" >&2

if [[ "${WARMUP:-1}" == 1 ]]; then
  reset_server
  say "warm-up (untimed): pgbench -i -s $SCALE -q"
  run_timed "pgbench-warmup" "$PGBENCH" -i -s "$SCALE" -q
  echo "   wall $WALL s (not counted)" >&2
fi

for i in 1 2; do
  reset_server
  say "run $i/2: pgbench -i -s $SCALE -q"
  run_timed "pgbench-$i" "$PGBENCH" -i -s "$SCALE" -q
  parse_pgbench "$LOGS/pgbench-$i.log"
  R[pgb_wall_$i]=$WALL; R[pgb_done_$i]=$PGB_S; R[pgb_gen_$i]=$PGB_GEN; R[pgb_vac_$i]=$PGB_VAC; R[pgb_pk_$i]=$PGB_PK
  echo "   wall $WALL s, pgbench 'done in' $PGB_S s (generate $PGB_GEN, vacuum $PGB_VAC, primary keys $PGB_PK)" >&2

  reset_server
  say "run $i/2: rehearse seed --dataset pgbench --scale $SCALE"
  # shellcheck disable=SC2086
  run_timed "rehearse-pgbench-$i" java ${REHEARSE_JAVA_OPTS:-} -jar "$JAR" seed --dataset pgbench --scale "$SCALE" --postgres "$JDBC"
  parse_seed "$LOGS/rehearse-pgbench-$i.log"
  R[reh_wall_$i]=$WALL; R[reh_seeded_$i]=$SEED_S; R[reh_rss_$i]=$RSS_KB; R[reh_rows_$i]=$SEED_ROWS
  R[reh_data_$i]=$PH_DATA; R[reh_vac_$i]=$PH_VAC; R[reh_idx_$i]=$PH_INDEX; R[reh_cons_$i]=$PH_CONS
  echo "   wall $WALL s, 'Seeded' $SEED_S s (data $PH_DATA, vacuum $PH_VAC, indexes $PH_INDEX, constraints $PH_CONS), peak RSS $((RSS_KB / 1024)) MiB" >&2
done

PGB_BEST_WALL="$(min "${R[pgb_wall_1]}" "${R[pgb_wall_2]}")"
PGB_BEST_DONE="$(min "${R[pgb_done_1]}" "${R[pgb_done_2]}")"
REH_BEST_WALL="$(min "${R[reh_wall_1]}" "${R[reh_wall_2]}")"
REH_BEST_SEEDED="$(min "${R[reh_seeded_1]}" "${R[reh_seeded_2]}")"
RATIO_WALL="$(div "$REH_BEST_WALL" "$PGB_BEST_WALL")"
RATIO_INPROC="$(div "$REH_BEST_SEEDED" "$PGB_BEST_DONE")"
RATIO_MET="$(awk -v r="$RATIO_WALL" 'BEGIN { print (r <= 1.2) ? "true" : "false" }')"

# d. the users table: rehearse seed (twice) against pg_restore -j 2 of a dump of the same rows
#    (twice), each from an empty, checkpointed server; the first seed is kept (--keep) to be dumped.
for tool in pg_dump pg_restore createdb dropdb; do
  [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool is missing (apt-get install postgresql-client-15)"
done
for i in 1 2; do
  reset_server
  say "run $i/2: rehearse seed demo --rows $USERS_ROWS"
  KEEP=(); [[ $i == 1 ]] && KEEP=(--keep)
  # shellcheck disable=SC2086
  run_timed "rehearse-users-$i" java ${REHEARSE_JAVA_OPTS:-} -jar "$JAR" seed demo --rows "$USERS_ROWS" --postgres "$JDBC" "${KEEP[@]}"
  parse_seed "$LOGS/rehearse-users-$i.log"
  R[u_wall_$i]=$WALL; R[u_seeded_$i]=$SEED_S; R[u_rss_$i]=$RSS_KB; U_ROWS=$SEED_ROWS
  R[u_data_$i]=$PH_DATA; R[u_idx_$i]=$PH_INDEX; R[u_cons_$i]=$PH_CONS; R[u_vac_$i]=$PH_VAC
  echo "   wall $WALL s, 'Seeded' $SEED_S s (data $PH_DATA, vacuum $PH_VAC, indexes $PH_INDEX, constraints $PH_CONS), peak RSS $((RSS_KB / 1024)) MiB" >&2
  if [[ $i == 1 ]]; then
    KEPT_DB="$(grep -oE 'database rehearsal_[0-9_a-f]+' "$LOGS/rehearse-users-1.log" | head -n 1 | cut -d' ' -f2)"
    [[ -n "$KEPT_DB" ]] || die "no kept database named in $LOGS/rehearse-users-1.log"
    say "pg_dump -Fd -j 2 of users from $KEPT_DB (untimed)"
    as_pg "$PG_BIN/pg_dump" -h "$SOCK" -p "$PORT" -U postgres -Fd -j 2 -t users -f "$TMP/users.dump" "$KEPT_DB" \
      || die "pg_dump failed"
    "$PG_BIN/dropdb" "$KEPT_DB"
  fi
  reset_server
  say "run $i/2: pg_restore -j 2 of the users dump, then VACUUM (FREEZE, ANALYZE)"
  "$PG_BIN/createdb" restore_users
  run_timed "pg-restore-$i" bash -c "'$PG_BIN/pg_restore' -j 2 -d restore_users '$TMP/users.dump' \
    && '$PG_BIN/psql' -X -q -d restore_users -c 'VACUUM (FREEZE, ANALYZE) users'"
  R[r_wall_$i]=$WALL
  echo "   wall $WALL s (restore and vacuum; the database created before the clock started)" >&2
  "$PG_BIN/dropdb" restore_users
done
# the phases of the run with the best wall time, so they add up to its figures
B=1; awk -v a="${R[u_wall_2]}" -v b="${R[u_wall_1]}" 'BEGIN { exit !(a + 0 < b + 0) }' && B=2
U_WALL=${R[u_wall_$B]}; U_SEEDED=${R[u_seeded_$B]}; U_RSS_KB=${R[u_rss_$B]}
U_DATA=${R[u_data_$B]}; U_IDX=${R[u_idx_$B]}; U_CONS=${R[u_cons_$B]}; U_VAC=${R[u_vac_$B]}
RESTORE_BEST="$(min "${R[r_wall_1]}" "${R[r_wall_2]}")"
RATIO_RESTORE="$(div "$U_WALL" "$RESTORE_BEST")"
RATIO_RESTORE_MET="$(awk -v r="$RATIO_RESTORE" 'BEGIN { print (r != "null" && r <= 0.9) ? "true" : "false" }')"
U_DATA_RATE="$(div "$U_ROWS" "$U_DATA" '%.0f')"
U_E2E_RATE="$(div "$U_ROWS" "$U_SEEDED" '%.0f')"
U_WALL_RATE="$(div "$U_ROWS" "$U_WALL" '%.0f')"
U_DATA_MET="$(awk -v r="$U_DATA_RATE" 'BEGIN { print (r != "null" && r >= 1400000) ? "true" : "false" }')"
U_E2E_MET="$(awk -v r="$U_E2E_RATE" 'BEGIN { print (r != "null" && r >= 600000) ? "true" : "false" }')"
if grep -qiE 'WARN|ERROR|exception' "$LOGS"/rehearse-*.log; then
  echo "   note: warnings or errors in the rehearse logs:" >&2
  grep -hiE 'WARN|ERROR|exception' "$LOGS"/rehearse-*.log | sort | uniq -c >&2
fi

# ---- summary ----------------------------------------------------------------------------------
yn() { [[ "$1" == true ]] && echo "MET" || echo "NOT MET"; }
mrate() { awk -v r="$1" 'BEGIN { if (r == "null") print "n/a"; else printf "%.2fM", r / 1e6 }'; }
echo
echo "seed-vs-pgbench $(date +%F), $(nproc) cores, PostgreSQL $PG_VERSION (collation $COLLATE), shared_buffers=512MB max_wal_size=4GB"
printf '%-44s %10s %10s %10s\n' "pgbench dataset, scale $SCALE" "run 1" "run 2" "best"
printf '%-44s %10s %10s %10s\n' "pgbench -i: wall s" "${R[pgb_wall_1]}" "${R[pgb_wall_2]}" "$PGB_BEST_WALL"
printf '%-44s %10s %10s %10s\n' "pgbench -i: 'done in' s" "${R[pgb_done_1]}" "${R[pgb_done_2]}" "$PGB_BEST_DONE"
printf '%-44s %10s %10s %10s\n' "rehearse seed: wall s (JVM start included)" "${R[reh_wall_1]}" "${R[reh_wall_2]}" "$REH_BEST_WALL"
printf '%-44s %10s %10s %10s\n' "rehearse seed: 'Seeded ... in' s" "${R[reh_seeded_1]}" "${R[reh_seeded_2]}" "$REH_BEST_SEEDED"
printf '%-44s %10s %10s\n' "rehearse seed: peak RSS MiB" "$((R[reh_rss_1] / 1024))" "$((R[reh_rss_2] / 1024))"
printf '%-44s %10s   target <= 1.20 (stretch 1.0): %s\n' "ratio rehearse/pgbench, best wall" "$RATIO_WALL" "$(yn "$RATIO_MET")"
printf '%-44s %10s   (in-process figures, for reference)\n' "ratio 'Seeded' / 'done in', best" "$RATIO_INPROC"
printf '%-44s %10s\n' "users seed (demo --rows $USERS_ROWS): rows" "$U_ROWS"
printf '%-44s %10s   data %s s, vacuum %s s, indexes %s s, constraints %s s\n' "  'Seeded ... in' s / wall s" "$U_SEEDED / $U_WALL" "$U_DATA" "$U_VAC" "$U_IDX" "$U_CONS"
printf '%-44s %10s   target >= 1.40M: %s\n' "  data phase rows/s (COPY only)" "$(mrate "$U_DATA_RATE")" "$(yn "$U_DATA_MET")"
printf '%-44s %10s   target >= 0.60M: %s\n' "  end-to-end rows/s (PK, unique, vacuum)" "$(mrate "$U_E2E_RATE")" "$(yn "$U_E2E_MET")"
printf '%-44s %10s\n' "  end-to-end rows/s by wall (JVM, DDL too)" "$(mrate "$U_WALL_RATE")"
printf '%-44s %10s\n' "  peak RSS of java, MiB" "$((U_RSS_KB / 1024))"
printf '%-44s %10s %10s %10s\n' "users: rehearse seed wall s" "${R[u_wall_1]}" "${R[u_wall_2]}" "$U_WALL"
printf '%-44s %10s %10s %10s\n' "users: pg_restore -j 2 + VACUUM wall s" "${R[r_wall_1]}" "${R[r_wall_2]}" "$RESTORE_BEST"
printf '%-44s %10s   target <= 0.90: %s\n' "ratio rehearse/pg_restore, best wall" "$RATIO_RESTORE" "$(yn "$RATIO_RESTORE_MET")"

RESULTS="$ROOT/benchmarks/results"
mkdir -p "$RESULTS"
SUFFIX=""
[[ "$SCALE" == 100 && "$USERS_ROWS" == 10M ]] || SUFFIX="-s$SCALE-r$USERS_ROWS"
OUT="$RESULTS/seed-vs-pgbench-$(date +%F)$SUFFIX.json"
GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
GIT_DIRTY="$([[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]] && echo true || echo false)"
cat >"$OUT" <<JSON
{
  "benchmark": "seed-vs-pgbench",
  "date": "$(date +%F)",
  "timestamp": "$(date -u +%FT%TZ)",
  "git": {"rev": "$GIT_REV", "dirty": $GIT_DIRTY},
  "machine": {"cores": $(nproc), "postgres": "$PG_VERSION", "collation": "$COLLATE",
              "settings": {"shared_buffers": "512MB", "max_wal_size": "4GB"}},
  "scale": $SCALE,
  "pgbench_init": {
    "wall_s": [${R[pgb_wall_1]}, ${R[pgb_wall_2]}], "done_in_s": [${R[pgb_done_1]}, ${R[pgb_done_2]}],
    "generate_s": [${R[pgb_gen_1]:-null}, ${R[pgb_gen_2]:-null}], "vacuum_s": [${R[pgb_vac_1]:-null}, ${R[pgb_vac_2]:-null}],
    "primary_keys_s": [${R[pgb_pk_1]:-null}, ${R[pgb_pk_2]:-null}],
    "best_wall_s": $PGB_BEST_WALL, "best_done_in_s": $PGB_BEST_DONE
  },
  "rehearse_seed_pgbench": {
    "rows": ${R[reh_rows_1]},
    "wall_s": [${R[reh_wall_1]}, ${R[reh_wall_2]}], "seeded_s": [${R[reh_seeded_1]}, ${R[reh_seeded_2]}],
    "data_s": [${R[reh_data_1]}, ${R[reh_data_2]}], "vacuum_s": [${R[reh_vac_1]}, ${R[reh_vac_2]}],
    "indexes_s": [${R[reh_idx_1]}, ${R[reh_idx_2]}], "constraints_s": [${R[reh_cons_1]}, ${R[reh_cons_2]}],
    "peak_rss_kb": [${R[reh_rss_1]}, ${R[reh_rss_2]}],
    "best_wall_s": $REH_BEST_WALL, "best_seeded_s": $REH_BEST_SEEDED
  },
  "ratio_rehearse_over_pgbench": {"best_wall": $RATIO_WALL, "best_in_process": $RATIO_INPROC, "target": 1.2, "met": $RATIO_MET},
  "users_vs_pg_restore": {
    "rehearse_wall_s": [${R[u_wall_1]}, ${R[u_wall_2]}], "pg_restore_j2_and_vacuum_wall_s": [${R[r_wall_1]}, ${R[r_wall_2]}],
    "ratio_best_wall": $RATIO_RESTORE, "target": 0.9, "met": $RATIO_RESTORE_MET
  },
  "users_seed": {
    "rows_arg": "$USERS_ROWS", "rows": $U_ROWS, "wall_s": $U_WALL, "seeded_s": $U_SEEDED,
    "data_s": $U_DATA, "vacuum_s": $U_VAC, "indexes_s": $U_IDX, "constraints_s": $U_CONS,
    "data_rows_per_s": $U_DATA_RATE, "data_target": 1400000, "data_met": $U_DATA_MET,
    "end_to_end_rows_per_s": $U_E2E_RATE, "end_to_end_target": 600000, "end_to_end_met": $U_E2E_MET,
    "wall_rows_per_s": $U_WALL_RATE,
    "peak_rss_kb": $U_RSS_KB
  }
}
JSON
echo
echo "written: ${OUT#"$ROOT"/}"
