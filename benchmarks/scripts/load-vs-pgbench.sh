#!/usr/bin/env bash
# load-vs-pgbench.sh — whole-process benchmark of `rehearse load` against `pgbench`.
#
# Usage: benchmarks/scripts/load-vs-pgbench.sh [SCALE] [SECONDS]     (defaults: 10 20; about 13 minutes on 2 cores)
#
# On one freshly initdb'd PostgreSQL server of its own (see lib/pg-server.sh), with the pgbench
# tables at scale SCALE (`pgbench -i -s SCALE`; rehearse seeds the same tables and rows in a
# scratch database of its own), it measures:
#
#   a. select-only at 8 connections, closed loop, SECONDS each, run pgbench, rehearse, pgbench,
#      rehearse:  `pgbench -S -n -c 8 -j 2 -T SECONDS`  vs  `rehearse load pgbench --max`
#      (the built-in pgbench scenario's pool has 8 connections; --max = one client per connection,
#      no think time). Figures: pgbench's "tps = X (without initial connection time)" and
#      rehearse's load.json achievedOpsPerSecond (whole run, JVM warm-up included) and the same
#      after the first 5 s (the JIT's warm-up); best against best. rehearse runs twice per round:
#      over TCP and over the unix socket (as in d.). Target: ratio >= 1.0 socket to socket.
#   b. the same for pgbench's TPC-B-like script:  `pgbench -n -c 8 -j 2 -T SECONDS`  vs
#      `rehearse load pgbench-tpcb --max`.
#   c. schedule accuracy, open loop, select-only, at 100, 1000 and 5000 ops/s for SECONDS each:
#      achieved / target rate (target: within 1 %) and the scheduler lag p99 (target < 1 ms),
#      from load.json.
#   d. select-only at 32 connections, SECONDS each, alternating twice:
#      `pgbench -S -n -c 32 -j 2 -T SECONDS` over the unix socket (the anchor of a.), the same over
#      TCP (`-h localhost`: the transport rehearse's JDBC driver uses), and `rehearse load
#      pgbench --max` with the scenario's pool set to 32 (a copy of the built-in pgbench.yaml with
#      maximumPoolSize: 32), over TCP and over the unix socket (PgJDBC with junixsocket's socket
#      factory, which the harness ships: `--postgres 'jdbc:...&socketFactory=org.newsclub.net.unix.
#      AFUNIXSocketFactory$FactoryArg&socketFactoryArg=SOCKET'`). Ratios best against best, to each
#      anchor, transport for transport; target >= 1.0 to the socket. On Java 21+ (JAVA_HOME) the
#      clients are virtual threads; a fifth arm runs the socket case on platform threads
#      (-Drehearsal.load.threads=platform), the only kind Java 17 has.
#   e. what the harness costs the server: `rehearse load pgbench --max --observe none` against
#      `--observe all` (the server sampler and the lock observer sampling exactly as during a
#      rehearsal) at 8 and 32 connections, OBS_SECONDS each, alternating off, on, off, on; the
#      ops/s after the first 5 s, best against best, printed as "% lost". Target: <= 3 %. During
#      each `all` run, the CPU the observer's sessions took as a share of the load's (its backends
#      and the JVM), from /proc: steadier than throughput on a shared machine.
#   f. a summary on stdout, also as JSON in benchmarks/results/load-vs-pgbench-<yyyy-mm-dd>.json
#      (with non-default arguments the name gets a -s<SCALE>-t<SECONDS> suffix).
#
# Environment: JAVA_HOME (the JDK rehearse runs on, as for the ./rehearse launcher; Java 21+ for
# virtual-thread clients), PARTS (default "a b c d e": which of the parts above to run; e.g. PARTS=d for the
# 32-connection comparison alone, written to load-vs-pgbench-<date>-parts-d.json),
# PG_BIN (default /usr/lib/postgresql/15/bin), INITDB_OPTS, REHEARSE_JAVA_OPTS,
# KEEP_TMP=1 (as in seed-vs-pgbench.sh), RATES (default "100 1000 5000"), OBS_SECONDS (default
# 12, at least 8: the comparisons of e. use the seconds after the first 5).
# Needs: bash 4+, java 17+, Maven (to build the CLI when sources changed), python3 (to read
# load.json), the PostgreSQL server binaries and pgbench. Only 2 cores here: the client (pgbench or
# the JVM) and the server share them, as they would in CI; run nothing else heavy meanwhile.
set -euo pipefail

SCALE="${1:-10}"
SECONDS_EACH="${2:-20}"
RATES="${RATES:-100 1000 5000}"
OBS_SECONDS="${OBS_SECONDS:-12}"
PARTS="${PARTS:-a b c d e}"
part() { [[ " $PARTS " == *" $1 "* ]]; }
WARMUP_S=5
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

die() { echo "load-vs-pgbench: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

[[ "$SCALE" =~ ^[0-9]+$ ]] && (( SCALE > 0 )) || die "SCALE must be a positive whole number, not '$SCALE'"
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] && (( SECONDS_EACH >= 8 )) || die "SECONDS must be a whole number >= 8, not '$SECONDS_EACH'"
[[ "$OBS_SECONDS" =~ ^[0-9]+$ ]] && (( OBS_SECONDS >= 8 )) || die "OBS_SECONDS must be a whole number >= 8, not '$OBS_SECONDS'"
command -v java >/dev/null || die "java is missing: install JDK 17+"
command -v python3 >/dev/null || die "python3 is missing (it reads load.json): apt-get install python3"
for tool in initdb pg_ctl psql; do
  [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool is missing: install the PostgreSQL server (e.g. apt-get install postgresql-15) or set PG_BIN"
done
if [[ -x "$PG_BIN/pgbench" ]]; then PGBENCH="$PG_BIN/pgbench"
elif command -v pgbench >/dev/null; then PGBENCH="$(command -v pgbench)"
else die "pgbench is missing (apt-get install postgresql-contrib or postgresql-15)"; fi

say "building the rehearse CLI if needed"
REHEARSE_JAVA_OPTS="" "$ROOT/rehearse" --version >/dev/null || die "could not build or start the rehearse CLI"

# the JVM the launcher runs (JAVA_HOME's, else the PATH's): on 21+ closed-loop clients are
# virtual threads
JAVA_BIN=java; [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && JAVA_BIN="$JAVA_HOME/bin/java"
JAVA_VERSION="$("$JAVA_BIN" -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]+)".*/\1/')"
THREADS_PROPERTY=rehearsal.load.threads

NAME=load-vs-pgbench
# shellcheck source=lib/pg-server.sh
source "$ROOT/benchmarks/scripts/lib/pg-server.sh"

say "pgbench -i -s $SCALE (the anchor's data, in database postgres)"
"$PGBENCH" -i -s "$SCALE" -q >"$LOGS/pgbench-init.log" 2>&1 || { cat "$LOGS/pgbench-init.log" >&2; die "pgbench -i failed"; }

# pgbench_tps NAME ARGS... : runs pgbench, prints its tps without initial connection time
pgbench_tps() {
  local name=$1; shift
  "$PGBENCH" "$@" >"$LOGS/$name.log" 2>&1 || { tail -n 20 "$LOGS/$name.log" >&2; die "$name failed"; }
  sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$LOGS/$name.log" | tail -n 1
}

# rehearse_load NAME SCENARIO ARGS... : runs rehearse load, sets J (path of its load.json)
rehearse_load() {
  local name=$1 scenario=$2; shift 2
  local out="$TMP/$name"
  "$ROOT/rehearse" load "$scenario" --postgres "${URL:-$JDBC}" --scale "$SCALE" --duration "${DURATION:-$SECONDS_EACH}s" \
    --out "$out" "$@" >"$LOGS/$name.log" 2>&1 || { tail -n 30 "$LOGS/$name.log" >&2; die "$name failed"; }
  J="$out/load.json"
}
# ops/s over the seconds after the first WARMUP_S (the JIT's warm-up), from the timeline
steady() { python3 -c "import json,sys; t=[s for s in json.load(open(sys.argv[1]))['timeline'] if s['second'] >= int(sys.argv[2]) and s['second'] < int(sys.argv[3])]; print(sum(s['operations'] for s in t) / len(t))" "$1" "$WARMUP_S" "${DURATION:-$SECONDS_EACH}"; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); v=d['summary'].get(sys.argv[2]); print('null' if v is None else v)" "$1" "$2"; }
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? a : b }'; }
lost() { awk -v on="$1" -v off="$2" 'BEGIN { if (off + 0 == 0) print "null"; else printf "%.1f", 100 * (1 - on / off) }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "null"; else printf "%.3f", a / b }'; }

# PgJDBC over the server's unix socket, through junixsocket's socket factory (shipped with the CLI)
JDBC_UNIX="$JDBC&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory\$FactoryArg&socketFactoryArg=$SOCK/.s.PGSQL.$PORT"

declare -A R
MODES=""
part a && MODES+=" select-only"
part b && MODES+=" tpcb"
for mode in $MODES; do
  if [[ $mode == select-only ]]; then pgb_args=(-S -n -c 8 -j 2 -T "$SECONDS_EACH"); scenario=pgbench
  else pgb_args=(-n -c 8 -j 2 -T "$SECONDS_EACH"); scenario=pgbench-tpcb; fi
  for i in 1 2; do
    say "$mode run $i/2: pgbench ${pgb_args[*]}"
    R[$mode.pgbench.$i]="$(pgbench_tps "pgbench-$mode-$i" "${pgb_args[@]}")"
    echo "   ${R[$mode.pgbench.$i]} tps" >&2
    say "$mode run $i/2: rehearse load $scenario --max"
    rehearse_load "rehearse-$mode-$i" "$scenario" --max
    R[$mode.rehearse.$i]="$(field "$J" achievedOpsPerSecond)"
    R[$mode.steady.$i]="$(steady "$J")"
    echo "   ${R[$mode.rehearse.$i]} ops/s, ${R[$mode.steady.$i]} after ${WARMUP_S} s (errors $(field "$J" errors))" >&2
    say "$mode run $i/2: rehearse load $scenario --max, over the unix socket"
    URL="$JDBC_UNIX" rehearse_load "rehearse-$mode-unix-$i" "$scenario" --max
    R[$mode.unix.$i]="$(field "$J" achievedOpsPerSecond)"
    R[$mode.unixSteady.$i]="$(steady "$J")"
    echo "   ${R[$mode.unix.$i]} ops/s, ${R[$mode.unixSteady.$i]} after ${WARMUP_S} s (errors $(field "$J" errors))" >&2
  done
  R[$mode.pgbench]="$(best "${R[$mode.pgbench.1]}" "${R[$mode.pgbench.2]}")"
  R[$mode.rehearse]="$(best "${R[$mode.rehearse.1]}" "${R[$mode.rehearse.2]}")"
  R[$mode.ratio]="$(div "${R[$mode.rehearse]}" "${R[$mode.pgbench]}")"
  R[$mode.steady]="$(best "${R[$mode.steady.1]}" "${R[$mode.steady.2]}")"
  R[$mode.steadyRatio]="$(div "${R[$mode.steady]}" "${R[$mode.pgbench]}")"
  R[$mode.unix]="$(best "${R[$mode.unix.1]}" "${R[$mode.unix.2]}")"
  R[$mode.unixRatio]="$(div "${R[$mode.unix]}" "${R[$mode.pgbench]}")"
  R[$mode.unixSteady]="$(best "${R[$mode.unixSteady.1]}" "${R[$mode.unixSteady.2]}")"
  R[$mode.unixSteadyRatio]="$(div "${R[$mode.unixSteady]}" "${R[$mode.pgbench]}")"
done

# d. 32 connections: the built-in scenario with a pool of 32
sed -e 's/^  *maximumPoolSize: 8$/    maximumPoolSize: 32/' -e 's/^name: pgbench$/name: pgbench-32/' \
  "$ROOT/scenarios/src/main/resources/dev/rehearsal/scenario/builtin/pgbench.yaml" >"$TMP/pgbench-32.yaml"
grep -q 'maximumPoolSize: 32' "$TMP/pgbench-32.yaml" || die "could not set the pool to 32 in a copy of pgbench.yaml"
for i in 1 2; do
  part d || break
  say "select-only, 32 connections, run $i/2: pgbench -S -n -c 32 -j 2 (unix socket)"
  R[c32.pgbench.$i]="$(pgbench_tps "pgbench-c32-$i" -S -n -c 32 -j 2 -T "$SECONDS_EACH")"
  echo "   ${R[c32.pgbench.$i]} tps" >&2
  say "select-only, 32 connections, run $i/2: pgbench -S -n -c 32 -j 2 -h localhost (TCP)"
  R[c32.tcp.$i]="$(pgbench_tps "pgbench-c32-tcp-$i" -h localhost -S -n -c 32 -j 2 -T "$SECONDS_EACH")"
  echo "   ${R[c32.tcp.$i]} tps" >&2
  say "select-only, 32 connections, run $i/2: rehearse load pgbench --max, a pool of 32"
  rehearse_load "rehearse-c32-$i" "$TMP/pgbench-32.yaml" --max
  R[c32.rehearse.$i]="$(field "$J" achievedOpsPerSecond)"
  R[c32.steady.$i]="$(steady "$J")"
  echo "   ${R[c32.rehearse.$i]} ops/s, ${R[c32.steady.$i]} after ${WARMUP_S} s (errors $(field "$J" errors))" >&2
  say "select-only, 32 connections, run $i/2: rehearse load pgbench --max, a pool of 32, over the unix socket"
  URL="$JDBC_UNIX" rehearse_load "rehearse-c32-unix-$i" "$TMP/pgbench-32.yaml" --max
  R[c32.unix.$i]="$(field "$J" achievedOpsPerSecond)"
  R[c32.unixSteady.$i]="$(steady "$J")"
  echo "   ${R[c32.unix.$i]} ops/s, ${R[c32.unixSteady.$i]} after ${WARMUP_S} s (errors $(field "$J" errors))" >&2
  say "select-only, 32 connections, run $i/2: the same on platform threads (-D$THREADS_PROPERTY=platform)"
  URL="$JDBC_UNIX" REHEARSE_JAVA_OPTS="${REHEARSE_JAVA_OPTS:-} -D$THREADS_PROPERTY=platform" \
    rehearse_load "rehearse-c32-unix-platform-$i" "$TMP/pgbench-32.yaml" --max
  R[c32.platform.$i]="$(field "$J" achievedOpsPerSecond)"
  R[c32.platformSteady.$i]="$(steady "$J")"
  echo "   ${R[c32.platform.$i]} ops/s, ${R[c32.platformSteady.$i]} after ${WARMUP_S} s (errors $(field "$J" errors))" >&2
done
if part d; then
  for k in pgbench tcp rehearse steady unix unixSteady platform platformSteady; do R[c32.$k]="$(best "${R[c32.$k.1]}" "${R[c32.$k.2]}")"; done
  R[c32.platformRatio]="$(div "${R[c32.platform]}" "${R[c32.pgbench]}")"
  R[c32.ratio]="$(div "${R[c32.rehearse]}" "${R[c32.pgbench]}")"
  R[c32.steadyRatio]="$(div "${R[c32.steady]}" "${R[c32.pgbench]}")"
  R[c32.tcpRatio]="$(div "${R[c32.rehearse]}" "${R[c32.tcp]}")"
  R[c32.tcpSteadyRatio]="$(div "${R[c32.steady]}" "${R[c32.tcp]}")"
  R[c32.unixRatio]="$(div "${R[c32.unix]}" "${R[c32.pgbench]}")"
  R[c32.unixSteadyRatio]="$(div "${R[c32.unixSteady]}" "${R[c32.pgbench]}")"
fi

# e. what the harness costs the server: observers off, on, off, on, at 8 and 32 connections
OBS_CONNS=""
# cpu_share NAME SECONDS: while `rehearse load ... --out $TMP/NAME` runs, the CPU its observer
# sessions (application_name rehearsal-observer) took, as a share of the CPU the load took (the
# observer's and the load's server backends and the JVM): backends from /proc/PID/schedstat (ns),
# the JVM, all threads, from /proc/PID/stat (clock ticks); over SECONDS after the JIT's warm-up.
# Writes the share in percent to $TMP/NAME.cpu.
cpu_share() {
  local name=$1 window=$2 java_pid="" t obs load o1 l1 j1 o2 l2 j2 hz
  for ((t = 0; t < 50 && ${#java_pid} == 0; t++)); do
    java_pid="$(pgrep -f -- "--out $TMP/$name( |$)" | head -n 1 || true)"; sleep 0.1
  done
  sleep "$((WARMUP_S + 1))"
  obs="$(psql_q "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE application_name = 'rehearsal-observer'")"
  load="$(psql_q "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE application_name = 'rehearsal-load'")"
  if [[ -z $java_pid || -z $obs || -z $load ]]; then echo null >"$TMP/$name.cpu"; return; fi
  ns() { local sum=0 p v; for p in "$@"; do v=$(cut -d' ' -f1 "/proc/$p/schedstat" 2>/dev/null || echo 0); sum=$((sum + v)); done; echo $sum; }
  ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
  hz=$(getconf CLK_TCK)
  # shellcheck disable=SC2086
  o1=$(ns $obs); l1=$(ns $load); j1=$(ticks "$java_pid")
  sleep "$window"
  # shellcheck disable=SC2086
  o2=$(ns $obs); l2=$(ns $load); j2=$(ticks "$java_pid")
  awk -v o=$((o2 - o1)) -v l=$((l2 - l1)) -v j=$((j2 - j1)) -v hz="$hz" \
    'BEGIN { total = o + l + j * 1e9 / hz; if (total <= 0) print "null"; else printf "%.2f", 100 * o / total }' >"$TMP/$name.cpu"
}

part e && OBS_CONNS="8 32"
for conns in $OBS_CONNS; do
  scenario=pgbench; [[ $conns == 32 ]] && scenario="$TMP/pgbench-32.yaml"
  for i in 1 2; do
    for observe in none all; do
      say "observer cost, $conns connections, run $i/2: rehearse load pgbench --max --observe $observe"
      if [[ $observe == all ]]; then
        cpu_share "rehearse-observe-$conns-$observe-$i" "$((OBS_SECONDS - WARMUP_S - 3))" &
        sampler=$!
      fi
      DURATION=$OBS_SECONDS rehearse_load "rehearse-observe-$conns-$observe-$i" "$scenario" --max --observe "$observe"
      R[obs.$conns.$observe.$i]="$(DURATION=$OBS_SECONDS steady "$J")"
      if [[ $observe == all ]]; then
        wait "$sampler" || true
        R[obs.$conns.cpu.$i]="$(cat "$TMP/rehearse-observe-$conns-$observe-$i.cpu" 2>/dev/null || echo null)"
        echo "   ${R[obs.$conns.$observe.$i]} ops/s after ${WARMUP_S} s; the observer took ${R[obs.$conns.cpu.$i]} % of the load's CPU" >&2
      else
        echo "   ${R[obs.$conns.$observe.$i]} ops/s after ${WARMUP_S} s" >&2
      fi
    done
  done
  for observe in none all; do
    R[obs.$conns.$observe]="$(best "${R[obs.$conns.$observe.1]}" "${R[obs.$conns.$observe.2]}")"
  done
  R[obs.$conns.lost]="$(lost "${R[obs.$conns.all]}" "${R[obs.$conns.none]}")"
done

part c || RATES=""
for rate in $RATES; do
  say "schedule accuracy: rehearse load pgbench --rate $rate"
  rehearse_load "rehearse-rate-$rate" pgbench --rate "$rate"
  R[rate.$rate.target]="$(field "$J" targetOpsPerSecond)"
  R[rate.$rate.achieved]="$(field "$J" achievedOpsPerSecond)"
  R[rate.$rate.ratio]="$(div "${R[rate.$rate.achieved]}" "${R[rate.$rate.target]}")"
  R[rate.$rate.lag]="$(field "$J" schedulerLagP99Ms)"
  R[rate.$rate.p99]="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['latency']['p99Ms'])" "$J")"
  R[rate.$rate.dropped]="$(field "$J" droppedOperations)"
  echo "   achieved ${R[rate.$rate.achieved]} of ${R[rate.$rate.target]} ops/s, lag p99 ${R[rate.$rate.lag]} ms" >&2
done

echo
echo "load-vs-pgbench: scale $SCALE, ${SECONDS_EACH} s per run, PostgreSQL $PG_VERSION, Java $JAVA_VERSION, $(nproc) cores"
for mode in $MODES; do
  printf '  %-12s pgbench %10.0f tps (socket)   rehearse %10.0f ops/s (TCP), %.0f (socket)   ratio %s socket to socket (target >= 1.0), %s TCP to socket; after %s s of JIT warm-up %.0f / %.0f ops/s, ratio %s socket to socket, %s TCP to socket\n' \
    "$mode" "${R[$mode.pgbench]}" "${R[$mode.rehearse]}" "${R[$mode.unix]}" "${R[$mode.unixRatio]}" "${R[$mode.ratio]}" \
    "$WARMUP_S" "${R[$mode.steady]}" "${R[$mode.unixSteady]}" "${R[$mode.unixSteadyRatio]}" "${R[$mode.steadyRatio]}"
done
if part d; then
  printf '  select-only, 32 connections: pgbench %.0f tps (socket), %.0f tps (TCP)   rehearse %.0f ops/s (TCP), %.0f (socket)   ratio %s socket to socket (target >= 1.0), %s TCP to TCP, %s TCP to socket; after %s s of JIT warm-up %.0f / %.0f ops/s, ratio %s socket to socket, %s TCP to TCP\n' \
    "${R[c32.pgbench]}" "${R[c32.tcp]}" "${R[c32.rehearse]}" "${R[c32.unix]}" "${R[c32.unixRatio]}" "${R[c32.tcpRatio]}" \
    "${R[c32.ratio]}" "$WARMUP_S" "${R[c32.steady]}" "${R[c32.unixSteady]}" "${R[c32.unixSteadyRatio]}" \
    "${R[c32.tcpSteadyRatio]}"
  printf '  select-only, 32 connections, socket, platform threads: rehearse %.0f ops/s, ratio %s socket to socket\n' \
    "${R[c32.platform]}" "${R[c32.platformRatio]}"
fi
for conns in $OBS_CONNS; do
  printf '  observer cost, %2s connections: %.0f ops/s observers off, %.0f on (runs: %.0f %.0f / %.0f %.0f): %s %% lost (target <= 3 %%); by CPU: the observer took %s / %s %% of the load CPU\n' \
    "$conns" "${R[obs.$conns.none]}" "${R[obs.$conns.all]}" "${R[obs.$conns.none.1]}" "${R[obs.$conns.none.2]}" \
    "${R[obs.$conns.all.1]}" "${R[obs.$conns.all.2]}" "${R[obs.$conns.lost]}" "${R[obs.$conns.cpu.1]}" "${R[obs.$conns.cpu.2]}"
done
for rate in $RATES; do
  printf '  rate %5s   achieved %10s ops/s  (%s of target)   scheduler lag p99 %s ms   latency p99 %s ms   dropped %s\n' \
    "$rate" "${R[rate.$rate.achieved]}" "${R[rate.$rate.ratio]}" "${R[rate.$rate.lag]}" "${R[rate.$rate.p99]}" \
    "${R[rate.$rate.dropped]}"
done

suffix=""
[[ "$SCALE" == 10 && "$SECONDS_EACH" == 20 && "$OBS_SECONDS" == 12 ]] || suffix="-s$SCALE-t$SECONDS_EACH-o$OBS_SECONDS"
[[ "$PARTS" == "a b c d e" ]] || suffix+="-parts-${PARTS// /}"
mkdir -p "$ROOT/benchmarks/results"
RESULT="$ROOT/benchmarks/results/load-vs-pgbench-$(date +%F)$suffix.json"
{
  # the sections of the parts that ran, joined by commas
  sections=()
  for mode in $MODES; do
    sections+=("  \"$mode\": {\"pgbenchTps\": [${R[$mode.pgbench.1]}, ${R[$mode.pgbench.2]}], \"rehearseOpsPerSecond\": [${R[$mode.rehearse.1]}, ${R[$mode.rehearse.2]}], \"ratioBestToBest\": ${R[$mode.ratio]}, \"rehearseAfterWarmupOpsPerSecond\": [${R[$mode.steady.1]}, ${R[$mode.steady.2]}], \"ratioAfterWarmup\": ${R[$mode.steadyRatio]}, \"rehearseUnixSocketOpsPerSecond\": [${R[$mode.unix.1]}, ${R[$mode.unix.2]}], \"ratioSocketToSocket\": ${R[$mode.unixRatio]}, \"rehearseUnixSocketAfterWarmupOpsPerSecond\": [${R[$mode.unixSteady.1]}, ${R[$mode.unixSteady.2]}], \"ratioSocketToSocketAfterWarmup\": ${R[$mode.unixSteadyRatio]}}")
  done
  if part d; then
    sections+=("  \"select-only-32\": {\"pgbenchTps\": [${R[c32.pgbench.1]}, ${R[c32.pgbench.2]}], \"pgbenchTcpTps\": [${R[c32.tcp.1]}, ${R[c32.tcp.2]}], \"rehearseOpsPerSecond\": [${R[c32.rehearse.1]}, ${R[c32.rehearse.2]}], \"rehearseUnixSocketOpsPerSecond\": [${R[c32.unix.1]}, ${R[c32.unix.2]}], \"ratioSocketToSocket\": ${R[c32.unixRatio]}, \"ratioBestToBest\": ${R[c32.ratio]}, \"ratioToTcpBestToBest\": ${R[c32.tcpRatio]}, \"rehearseAfterWarmupOpsPerSecond\": [${R[c32.steady.1]}, ${R[c32.steady.2]}], \"rehearseUnixSocketAfterWarmupOpsPerSecond\": [${R[c32.unixSteady.1]}, ${R[c32.unixSteady.2]}], \"ratioSocketToSocketAfterWarmup\": ${R[c32.unixSteadyRatio]}, \"ratioAfterWarmup\": ${R[c32.steadyRatio]}, \"ratioToTcpAfterWarmup\": ${R[c32.tcpSteadyRatio]}, \"rehearseUnixSocketPlatformThreadsOpsPerSecond\": [${R[c32.platform.1]}, ${R[c32.platform.2]}], \"ratioSocketToSocketPlatformThreads\": ${R[c32.platformRatio]}}")
  fi
  if part e; then
    obs="  \"observerCost\": {\"secondsPerRun\": $OBS_SECONDS"
    for conns in $OBS_CONNS; do
      obs+=", \"$conns\": {\"offOpsPerSecond\": [${R[obs.$conns.none.1]}, ${R[obs.$conns.none.2]}], \"onOpsPerSecond\": [${R[obs.$conns.all.1]}, ${R[obs.$conns.all.2]}], \"lostPercentBestToBest\": ${R[obs.$conns.lost]}, \"observerCpuPercentOfLoad\": [${R[obs.$conns.cpu.1]}, ${R[obs.$conns.cpu.2]}]}"
    done
    sections+=("$obs}")
  fi
  if part c; then
    acc="  \"scheduleAccuracy\": ["
    sep=""
    for rate in $RATES; do
      acc+="$sep{\"target\": ${R[rate.$rate.target]}, \"achieved\": ${R[rate.$rate.achieved]}, \"ratio\": ${R[rate.$rate.ratio]}, \"schedulerLagP99Ms\": ${R[rate.$rate.lag]}, \"latencyP99Ms\": ${R[rate.$rate.p99]}, \"dropped\": ${R[rate.$rate.dropped]}}"
      sep=", "
    done
    sections+=("$acc]")
  fi
  echo "{"
  echo "  \"scale\": $SCALE, \"secondsPerRun\": $SECONDS_EACH, \"postgres\": \"$PG_VERSION\", \"java\": \"$JAVA_VERSION\", \"cores\": $(nproc), \"parts\": \"$PARTS\","
  for ((k = 0; k < ${#sections[@]}; k++)); do
    if (( k + 1 < ${#sections[@]} )); then echo "${sections[k]},"; else echo "${sections[k]}"; fi
  done
  echo "}"
} >"$RESULT"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$RESULT" || die "wrote invalid JSON to $RESULT"
echo "  written to $RESULT"
