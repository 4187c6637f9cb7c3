#!/usr/bin/env bash
# rehearse-at-scale.sh — a whole rehearsal at production scale, cold and from the seed cache.
#
# Usage: benchmarks/scripts/rehearse-at-scale.sh [ROWS] [SMALL_ROWS] [SCENARIO]   (defaults: 50M 5M demo)
#
# With the embedded PostgreSQL (the default provider) and a seed cache of its own (a temp dir,
# removed on exit), it runs:
#
#   a. `rehearse run SCENARIO --rows SMALL_ROWS --fresh`  — the small anchor, for the heap;
#   b. `rehearse run SCENARIO --rows ROWS --fresh`        — cold: schema, seeding, indexes, the
#      rehearsal, the reports (targets at 50M on 2 cores: under 8 minutes);
#   c. `rehearse run SCENARIO --rows ROWS`                 — from the seed cache (target: under 3 minutes).
#
# Each is a whole process under /usr/bin/time -v (wall, peak RSS) with GC logging; figures:
#   - wall time, and the phases the console prints (seeding's data / vacuum / indexes, the
#     untouched-data checksums before and after, the clone from the cache);
#   - live heap: the largest heap after a GC (G1's "->N M" after a young or full pause) over the
#     whole run — flat in the row count when a (cold, ROWS) is within a few MB of a (SMALL_ROWS);
#   - the verdict and whether report.json is complete.
# A summary on stdout, also as JSON in benchmarks/results/rehearse-at-scale-<yyyy-mm-dd>.json.
#
# Environment: REHEARSE_JAVA_OPTS (added to the JVM options), KEEP_TMP=1 keeps the cache and logs.
# Needs: ~50-80 GB free disk at 50M rows (the tool itself refuses a dataset the disk cannot hold),
# java 17+, Maven (the launcher builds the CLI when sources changed), python3, GNU time.
# Only 2 cores here: run nothing else heavy meanwhile, the figures are wall-clock.
set -euo pipefail

ROWS="${1:-50M}"
SMALL_ROWS="${2:-5M}"
SCENARIO="${3:-demo}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/harness/target/rehearse.jar"

die() { echo "rehearse-at-scale: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

for n in "$ROWS" "$SMALL_ROWS"; do
  [[ "$n" =~ ^[0-9]+([kKmM])?$ ]] || die "row counts look like 500000, 500k or 50M, not '$n'"
done
command -v java >/dev/null || die "java is missing: install JDK 17+"
command -v python3 >/dev/null || die "python3 is missing (it reads report.json)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install time"

say "building the rehearse CLI if needed"
REHEARSE_JAVA_OPTS="" "$ROOT/rehearse" --version >/dev/null || die "could not build or start the rehearse CLI"

TMP="$(mktemp -d /tmp/rehearse-at-scale.XXXXXX)"
cleanup() {
  local rc=$?
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "rehearse-at-scale: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export REHEARSAL_CACHE_DIR="$TMP/cache"

# run NAME ROWS [options]: a whole rehearsal, timestamped console in $TMP/NAME.log
run() {
  local name=$1 rows=$2; shift 2
  local t0=$EPOCHREALTIME
  say "$name: rehearse run $SCENARIO --rows $rows $*"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$TMP/$name.time" java -Xlog:gc:file="$TMP/$name.gc" ${REHEARSE_JAVA_OPTS:-} -jar "$JAR" \
    run "$SCENARIO" --rows "$rows" --postgres embedded --out "$TMP/$name-out" "$@" 2>&1 \
    | while IFS= read -r line; do
        printf '%7.1f %s\n' "$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')" "$line"
      done >"$TMP/$name.log" || true
  R[${name}_wall]="$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  R[${name}_rss_mb]=$(( $(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/$name.time") / 1024 ))
  # the live heap: the largest "after" of any GC pause, in MB
  R[${name}_heap_mb]="$(grep -oE '[0-9]+M->[0-9]+M' "$TMP/$name.gc" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -n 1)"
  R[${name}_verdict]="$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['verdict']['status'], 'complete' if r.get('complete', True) else 'INCOMPLETE')" "$TMP/$name-out/report.json" 2>/dev/null || echo 'no report.json')"
  # `run` prints the seeding as it goes: "seeded users: 50,000,000 rows in 139.5 s (...)", "indexes in 216.8 s, ..."
  R[${name}_seed]="$(grep -oE 'seeded [^ ]+: [0-9,]+ rows in [0-9.]+ s' "$TMP/$name.log" | paste -sd ';' - || true)"
  R[${name}_phases]="$(grep -oE '(vacuumed and analyzed in|indexes in|cloned [^ ]+ into [^ ]+ in) [0-9.]+ s' "$TMP/$name.log" | paste -sd ';' - || true)"
  R[${name}_checksums]="$(grep -oE 'Checksummed .* in [0-9.]+ s' "$TMP/$name.log" | head -n 1 | grep -oE '[0-9.]+ s$' || true)"
  R[${name}_untouched]="$(grep -oE 'Untouched data: .*' "$TMP/$name.log" | head -n 1 || true)"
  echo "   wall ${R[${name}_wall]} s, peak RSS ${R[${name}_rss_mb]} MiB, live heap ${R[${name}_heap_mb]} MB, ${R[${name}_verdict]}" >&2
  [[ -n "${R[${name}_seed]}" ]] && echo "   ${R[${name}_seed]}; ${R[${name}_phases]}" >&2
  return 0
}

declare -A R
run small "$SMALL_ROWS" --fresh
run cold "$ROWS" --fresh
run cached "$ROWS"

echo
echo "rehearse-at-scale $(date +%F), $(nproc) cores, scenario $SCENARIO"
printf '%-10s %8s %10s %10s %12s  %s\n' run rows "wall s" "RSS MiB" "live heap MB" verdict
printf '%-10s %8s %10s %10s %12s  %s\n' small "$SMALL_ROWS" "${R[small_wall]}" "${R[small_rss_mb]}" "${R[small_heap_mb]}" "${R[small_verdict]}"
printf '%-10s %8s %10s %10s %12s  %s\n' cold "$ROWS" "${R[cold_wall]}" "${R[cold_rss_mb]}" "${R[cold_heap_mb]}" "${R[cold_verdict]}"
printf '%-10s %8s %10s %10s %12s  %s\n' cached "$ROWS" "${R[cached_wall]}" "${R[cached_rss_mb]}" "${R[cached_heap_mb]}" "${R[cached_verdict]}"
echo "cold seeding: ${R[cold_seed]}; ${R[cold_phases]}"
echo "untouched-data checksum before the load (cold): ${R[cold_checksums]}; ${R[cold_untouched]}"
echo "targets at 50M: cold < 480 s, cached < 180 s, live heap within a few MB of the small run's"

RESULTS="$ROOT/benchmarks/results"
mkdir -p "$RESULTS"
OUT="$RESULTS/rehearse-at-scale-$(date +%F).json"
cat >"$OUT" <<JSON
{
  "benchmark": "rehearse-at-scale",
  "date": "$(date +%F)",
  "git": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
  "cores": $(nproc),
  "scenario": "$SCENARIO",
  "runs": {
    "small": {"rows": "$SMALL_ROWS", "wall_s": ${R[small_wall]}, "peak_rss_mib": ${R[small_rss_mb]}, "live_heap_mb": ${R[small_heap_mb]:-null}, "verdict": "${R[small_verdict]}"},
    "cold": {"rows": "$ROWS", "wall_s": ${R[cold_wall]}, "peak_rss_mib": ${R[cold_rss_mb]}, "live_heap_mb": ${R[cold_heap_mb]:-null}, "verdict": "${R[cold_verdict]}",
             "seed": "${R[cold_seed]}", "phases": "${R[cold_phases]}", "checksum_before_s": "${R[cold_checksums]}", "untouched": "${R[cold_untouched]}"},
    "cached": {"rows": "$ROWS", "wall_s": ${R[cached_wall]}, "peak_rss_mib": ${R[cached_rss_mb]}, "live_heap_mb": ${R[cached_heap_mb]:-null}, "verdict": "${R[cached_verdict]}"}
  },
  "targets": {"cold_s": 480, "cached_s": 180}
}
JSON
cp "$TMP/cold.log" "$RESULTS/rehearse-at-scale-$(date +%F)-cold.log"
cp "$TMP/cached.log" "$RESULTS/rehearse-at-scale-$(date +%F)-cached.log"
echo "written: ${OUT#"$ROOT"/} (and the cold and cached console logs beside it)"
