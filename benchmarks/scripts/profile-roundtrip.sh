#!/usr/bin/env bash
# profile-roundtrip.sh — how faithful `rehearse profile` is on a database it did not seed, at a size
# where ANALYZE samples (issue 19's benchmark).
#
# Usage: benchmarks/scripts/profile-roundtrip.sh [SCALE]     (default 40: 200,000 customers and
#        1,200,000 orders; about 3-5 minutes on 2 cores)
#
# It runs ProfileIT's round trip (harness/src/test/.../profile/ProfileIT.java) with
# -Dprofile.it.scale=SCALE on the embedded PostgreSQL: a source database built with plain SQL
# (generate_series, skewed keys, NULLs, text of varying lengths, a foreign key with uneven fan-out,
# an enum, a partial and a GIN index), ANALYZEd, under a known query mix (40/30/10/20 calls/s) with
# pg_stat_statements preloaded; profiled; the scenario seeded into a second database, ANALYZEd; and
# both compared figure by figure with the thresholds of docs/profile.md (FidelityCheck, the same
# table `rehearse profile --check` prints). At scale 1 (the IT in `mvn verify`) ANALYZE reads every
# row and both sides' statistics are exact; here both sides sample 30,000 rows, as in production.
#
# Output: the workload's weights against the driven shares, the fidelity table and its last line,
# on stdout and in benchmarks/results/profile-roundtrip-<yyyy-mm-dd>-x<SCALE>.txt; exit 0 when the
# IT passed (every figure within its threshold), 1 otherwise (the table says which figures missed).
set -euo pipefail
SCALE="${1:-40}"
[[ "$SCALE" =~ ^[0-9]+$ ]] && (( SCALE > 0 )) || { echo "profile-roundtrip: SCALE must be a positive whole number, not '$SCALE'" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p benchmarks/results
RESULT="benchmarks/results/profile-roundtrip-$(date +%F)-x$SCALE.txt"
status=0
start=$(date +%s)
mvn -B -q -pl harness -am verify -Dinvoker.skip -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ProfileIT#roundTripReproducesTheStatisticsAndTheQueryMix' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dprofile.it.scale="$SCALE" >/tmp/profile-roundtrip.log 2>&1 || status=$?
output="harness/target/failsafe-reports/dev.rehearsal.harness.profile.ProfileIT-output.txt"
{
  echo "profile round trip, scale $SCALE ($((5000 * SCALE)) customers, $((30000 * SCALE)) orders), $(nproc) cores, $(( $(date +%s) - start )) s"
  if [[ -f $output ]]; then
    grep -E '^# workload:|^workload: |^(customers|orders) |figures? (within|outside)' "$output" || true
  else
    grep -E '^workload: |^(customers|orders) |figures? (within|outside)|Tests run:|FAIL' /tmp/profile-roundtrip.log || true
  fi
  grep -E 'Tests run:.*ProfileIT|FAILURE' /tmp/profile-roundtrip.log | head -3 || true
} | tee "$RESULT"
echo "written to $RESULT (Maven's log: /tmp/profile-roundtrip.log)"
exit $(( status == 0 ? 0 : 1 ))
