#!/usr/bin/env bash
# Fault: the Docker daemon stops in the middle of a container rehearsal. Too disruptive for the
# Maven test run (it would break every other container test), so it lives here (docs/faults.md).
# For each variant it starts Docker (../shared/testing/docker-postgres.sh), runs
#   rehearse run <a small scenario with a 60 s migration step> --postgres container
# waits until the migration is under way, stops the daemon, and checks:
#   1. rehearse exits by itself, with exit code 3 (infrastructure failure), no stack trace;
#   2. report.json is written, "complete": false, and its failure says in plain words what happened;
#   3. no process of the run's container (its postgres) is left on the host;
#   4. after Docker is started again, the next container run removes what the stopped daemon left
#      (it says so) and `docker ps -a` lists no container of the run.
# Variants: term = SIGTERM to dockerd (a crash handler, `systemctl stop docker`: the daemon stops
# its containers, then exits); kill = SIGKILL to dockerd (containerd and the container outlive it).
#   usage: benchmarks/scripts/fault-docker-daemon.sh [term|kill|all]      (default: all)
#   output: PASS/FAIL lines on stdout (also in benchmarks/results/fault-docker-<date>/summary.txt);
#           exit 0 only if every check passed; logs in benchmarks/results/fault-docker-<date>/<variant>/
#           (console.txt, out/report.json, next.txt, dockerd*.log)
# Needs root, dockerd installed (Debian's docker.io), unshare and ip, java 17+, Maven for the first
# build. About 1.5 minutes for both variants on 2 cores, once the image is built. docs/faults.md.
#
# Isolation: the script runs itself in a mount and network namespace of its own (unshare), with a
# private /run (so the daemon's socket, /var/run/docker.sock, is seen by nothing else on this
# machine: other runs' `--postgres auto` keep their embedded server), a private Docker data root
# under ${REHEARSAL_CACHE_DIR:-~/.cache/rehearsal}/fault-docker (the image is built there once)
# and a network of its own. It never signals a daemon it did not start. FAULT_DOCKER_SHARED=1
# runs on the machine's standard socket instead (a CI job of its own, where nothing else uses it).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$root/../shared/testing/docker-postgres.sh"
variants=${1:-all}
[[ $variants == all ]] && variants="term kill"
for v in $variants; do
  [[ $v == term || $v == kill ]] || { echo "usage: $0 [term|kill|all]" >&2; exit 2; }
done
out="$root/benchmarks/results/fault-docker-$(date +%F)"
cache="${REHEARSAL_CACHE_DIR:-$HOME/.cache/rehearsal}/fault-docker"
PIDFILE=/var/run/rehearsal-dockerd.pid   # where docker-postgres.sh keeps the daemon it started

say() { echo "fault-docker: $*" >&2; }
die() { say "$*"; exit 2; }

if [[ ${FAULT_DOCKER_INSIDE:-} != 1 ]]; then
  [[ $(id -u) == 0 ]] || die "needs root (it starts and signals dockerd)"
  [[ -f $shared ]] || die "no $shared (the workspace's shared/ beside the repository)"
  # build the CLI now, outside the namespace (Maven may need the network)
  "$root/rehearse" --version >/dev/null || die "could not build the CLI"
  mkdir -p "$out"
  if [[ ${FAULT_DOCKER_SHARED:-} == 1 ]]; then
    FAULT_DOCKER_INSIDE=1 exec "$0" "$@"
  fi
  command -v dockerd >/dev/null || die "dockerd is not installed: apt-get install docker.io (or FAULT_DOCKER_SHARED=1, and docker-postgres.sh installs it)"
  command -v unshare >/dev/null || die "no unshare (util-linux); FAULT_DOCKER_SHARED=1 runs without isolation"
  mkdir -p "$cache/data-root"
  FAULT_DOCKER_INSIDE=1 FAULT_DOCKER_CACHE="$cache" exec unshare --mount --net --propagation private -- \
    bash -c 'set -e
      ip link set lo up
      mount -t tmpfs -o mode=755 rehearsal-fault-run /run
      mount -t tmpfs -o mode=755 rehearsal-fault-log /var/log
      mkdir -p /var/lib/docker && mount --bind "$FAULT_DOCKER_CACHE/data-root" /var/lib/docker
      exec "$0" "$@"' "$0" "$@"
fi

# ---------------------------------------------------------------------------------------------
failures=0
check() { # check NAME CONDITION-EXIT-STATUS DETAIL
  if [[ $2 == 0 ]]; then echo "PASS $1${3:+: $3}"; else echo "FAIL $1${3:+: $3}"; failures=$((failures + 1)); fi
}

docker_up() {
  local env
  env=$(bash "$shared") || die "Docker did not come up (see /var/log/rehearsal-dockerd.log)"
  eval "$env"
  export DOCKER_HOST TESTCONTAINERS_RYUK_DISABLED TESTCONTAINERS_HOST_OVERRIDE REHEARSAL_POSTGRES_IMAGE
}

docker_down() {
  [[ -s $PIDFILE ]] || return 0
  local pid; pid=$(cat "$PIDFILE")
  bash "$shared" stop 2>/dev/null
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
}

rehearse_pid=
cleanup() {
  if [[ -n $rehearse_pid ]] && kill -0 "$rehearse_pid" 2>/dev/null; then kill -KILL "$rehearse_pid" 2>/dev/null; fi
  docker_down
}
trap cleanup EXIT

# processes (pid and command) in the cgroup of container $1: its postgres, as seen from the host
container_processes() {
  local cid=$1 f pid
  for f in /proc/[0-9]*/cgroup; do
    pid=${f#/proc/}; pid=${pid%/cgroup}
    grep -qs "$cid" "$f" && echo "$pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-80)"
  done
}

# the rehearsal: a 60 s migration step, so that the daemon stops while it runs
scenario="$out/fault-docker.yaml"
cat >"$scenario" <<'YAML'
# fault-docker-daemon.sh: a migration that would run for a minute, under steady load
name: fault-docker
description: Steady reads and writes on users while a slow migration runs; the Docker daemon stops part-way.
server:
  settings:
    shared_buffers: 128MB
    max_connections: 50
schema:
  sql: |
    CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, login_count integer NOT NULL);
dataset:
  tables:
    - name: users
      rows: 20000
      columns:
        id: {generator: sequence}
        email: {generator: email}
        login_count: {generator: uniform, min: 0, max: 5000}
workload:
  rate: 100
  pool:
    maximumPoolSize: 5
    connectionTimeout: 2s
  operations:
    - name: read-user
      weight: 80
      sql: SELECT id, email FROM users WHERE id = ?
      params: [{kind: existingKey, table: users}]
    - name: update-login
      weight: 20
      sql: UPDATE users SET login_count = login_count + 1 WHERE id = ? RETURNING id, login_count
      ledger: users
      params: [{kind: existingKey, table: users}]
phases:
  warmup: 3s
  cooldown: 2s
strategies:
  - name: slow
    steps:
      - sql: ALTER TABLE users ADD COLUMN note text
      - sql: SELECT pg_sleep(60)
YAML

run_variant() {
  local variant=$1 signal dir cid dockerd_pid t0 t_fault t_exit code=
  [[ $variant == term ]] && signal=TERM || signal=KILL
  dir="$out/$variant"
  rm -rf "$dir" && mkdir -p "$dir"
  echo "== $variant: SIG$signal to dockerd while the migration runs"
  t0=$(date +%s)
  docker_up
  dockerd_pid=$(cat "$PIDFILE" 2>/dev/null)
  [[ -n $dockerd_pid && $(cat "/proc/$dockerd_pid/comm" 2>/dev/null) == dockerd ]] \
    || die "Docker answers, but not through a daemon docker-postgres.sh started: will not stop someone else's daemon"

  "$root/rehearse" run "$scenario" --postgres container --out "$dir/out" >"$dir/console.txt" 2>&1 &
  rehearse_pid=$!
  local deadline=$(($(date +%s) + 180))
  until grep -q "up statement 1 (step 1) done" "$dir/console.txt"; do
    if ! kill -0 "$rehearse_pid" 2>/dev/null || (($(date +%s) > deadline)); then
      check "$variant: the migration started" 1 "it did not (see $dir/console.txt)"
      tail -5 "$dir/console.txt" >&2
      return
    fi
    sleep 0.2
  done
  sleep 1   # statement 2, pg_sleep(60), is running
  cid=$(docker ps -q --no-trunc --filter label=org.testcontainers=true --filter "ancestor=$REHEARSAL_POSTGRES_IMAGE" | head -n 1)
  [[ -n $cid ]] || say "no running container of the run found (docker ps)"
  say "container ${cid:0:12}: $(container_processes "$cid" | wc -l) processes; SIG$signal to dockerd $dockerd_pid"
  t_fault=$(date +%s)
  kill "-$signal" "$dockerd_pid"

  # 1. rehearse ends by itself, exit code 3
  deadline=$(($(date +%s) + 180))
  while kill -0 "$rehearse_pid" 2>/dev/null && (($(date +%s) < deadline)); do sleep 0.2; done
  if kill -0 "$rehearse_pid" 2>/dev/null; then
    check "$variant: rehearse exits by itself" 1 "still running 180 s after the fault; killing it"
    kill -KILL "$rehearse_pid"
  else
    t_exit=$(date +%s)
    check "$variant: rehearse exits by itself" 0 "$((t_exit - t_fault)) s after the fault"
  fi
  wait "$rehearse_pid"; code=$?
  rehearse_pid=
  check "$variant: exit code 3" "$([[ $code == 3 ]]; echo $?)" "exit code $code"
  check "$variant: no stack trace on the console" "$(grep -qE '^\s+at [a-z]|Exception in thread' "$dir/console.txt"; [[ $? != 0 ]]; echo $?)"

  # 2. the incomplete report
  local report="$dir/out/report.json" complete failure
  if [[ -f $report ]]; then
    complete=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("complete"))' "$report")
    failure=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("failure") or "")' "$report")
    check "$variant: report.json written" 0
    check "$variant: report complete=false" "$([[ $complete == False ]]; echo $?)" "complete=$complete"
    check "$variant: failure says Docker stopped" "$(grep -qi 'docker' <<<"$failure"; echo $?)" "\"$failure\""
  else
    check "$variant: report.json written" 1 "no $report"
  fi

  # 3. nothing of the container left running on the host
  local left
  left=$(container_processes "$cid")
  check "$variant: no postgres process of the container left" "$([[ -z $left ]]; echo $?)" "${left:+$(echo "$left" | tr '\n' ';')}"

  # 4. Docker again: the next container run removes what was left, no container of the run remains
  for _ in $(seq 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
  cp /var/log/rehearsal-dockerd.log "$dir/dockerd.log" 2>/dev/null
  rm -f "$PIDFILE"
  docker_up
  say "after the restart: $(docker ps -a --no-trunc --filter "id=$cid" --format '{{.ID}} {{.Status}}' | cut -c1-12,65- | tr '\n' ' ')"
  "$root/rehearse" seed "$scenario" --postgres container --rows 1000 >"$dir/next.txt" 2>&1
  check "$variant: the next container run succeeds" "$?" "rehearse seed exit code (see $dir/next.txt)"
  grep -i "removed" "$dir/next.txt" | sed 's/^/  next run: /' >&2
  local listed
  listed=$(docker ps -a --no-trunc --filter "id=$cid" --format '{{.ID}} {{.Status}}')
  check "$variant: the run's container is gone (docker ps -a)" "$([[ -n $cid && -z $listed ]]; echo $?)" "${listed:+$(echo "$listed" | cut -c1-12,65-)}"
  listed=$(docker ps -a --no-trunc --filter label=org.testcontainers=true --filter "ancestor=$REHEARSAL_POSTGRES_IMAGE" \
    --format '{{.ID}} {{.Status}}')
  check "$variant: no PostgreSQL container left at all (docker ps -a)" "$([[ -z $listed ]]; echo $?)" \
    "${listed:+$(echo "$listed" | cut -c1-12,65- | tr '\n' ';')}"
  cp /var/log/rehearsal-dockerd.log "$dir/dockerd-restarted.log" 2>/dev/null
  docker_down
  say "$variant took $(($(date +%s) - t0)) s"
}

exec > >(tee "$out/summary.txt")
started=$(date +%s)
for v in $variants; do run_variant "$v"; done
echo "fault-docker-daemon: $(($(date +%s) - started)) s in all"
if ((failures)); then echo "fault-docker-daemon: $failures check(s) FAILED (logs: $out)"; exit 1; fi
echo "fault-docker-daemon: all checks passed (logs: $out)"
