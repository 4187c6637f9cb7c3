#!/usr/bin/env bash
# The spike figures against the host's own noise (issue 18, point 9): 20 no-op rehearsals (a
# SELECT 1 migration between a 5 s warm-up and a 5 s cool-down, 100 ops/s) on whatever else this
# machine is doing; each run prints its baseline, threshold, peak and spike seconds, and what the
# former rule (max(3 x p99, p99 + 20 ms), every second counted) gives on the same timeline. The
# series passes when no run counts a spike second. Run it on a busy host to see the noise guards
# at work (e.g. beside a build), on a quiet one for the baseline.
#   usage: benchmarks/scripts/spike-noise-series.sh
#   output: the CALIBRATION lines on stdout (also in benchmarks/results/spike-noise-<date>.txt),
#           and the load average before and after; exit 0 when the series counted no spike second
# About 5 minutes on 2 cores. docs/measurement.md, "Latency spike".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mkdir -p benchmarks/results
result="benchmarks/results/spike-noise-$(date -u +%Y%m%d-%H%M%S).txt"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$result"
status=0
mvn -B -q -pl harness -am verify -Pcalibration -Dinvoker.skip -Drehearsal.noiseSeries=true \
    -Dit.test=SpikeNoiseCalibrationIT -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E '^CALIBRATION|Tests run:|FAIL' | tee -a "$result" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$result"
grep -q 'no-op series: 20 runs, 0 spike seconds' "$result" || status=1
exit "$status"
