#!/usr/bin/env bash
# Does the harness keep a flat heap on a long run? Drives the demo's workload with `rehearse load`
# for DURATION at RATE ops/s with GC logging on, then prints the live heap (after each GC) per
# 5-minute window. A flat heap means the same after-GC floor at the end as after warm-up.
#   usage: benchmarks/scripts/heap-flat.sh [DURATION] [RATE]        (default: 30m 1000)
#   output: benchmarks/results/heap-<date>/ (gc.log, the run's load.json, heap.txt)
#   HEAP_FLAT_PARSE_ONLY=1 re-reads today's gc.log without running again
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration=${1:-30m}
rate=${2:-1000}
out="$root/benchmarks/results/heap-$(date +%F)"
mkdir -p "$out"
if [[ ${HEAP_FLAT_PARSE_ONLY:-} != 1 ]]; then
echo "heap-flat: rehearse load demo --duration $duration --rate $rate (GC log: $out/gc.log)" >&2
REHEARSE_JAVA_OPTS="-Xlog:gc:file=$out/gc.log:uptime -Xmx1g" \
  "$root/rehearse" load demo --duration "$duration" --rate "$rate" --out "$out/run" >"$out/run.txt" 2>"$out/run.err"
fi
# "[123.456s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 2.345ms"
awk '
  /Pause/ && /->/ {
    t = $1; gsub(/[\[\]s]/, "", t)
    for (i = 1; i <= NF; i++) if ($i ~ /->/) { split($i, a, "->"); after = a[2]; sub(/\(.*/, "", after); sub(/M/, "", after); after += 0 }
    w = int(t / 300)
    if (!(w in lo) || after < lo[w]) lo[w] = after
    if (!(w in hi) || after > hi[w]) hi[w] = after
    n[w]++
  }
  END {
    printf "%-12s %8s %14s %14s\n", "window", "GCs", "min after GC", "max after GC"
    for (w = 0; w in n; w++) printf "%3d-%-3d min %8d %12d MB %12d MB\n", w * 5, w * 5 + 5, n[w], lo[w], hi[w]
  }' "$out/gc.log" | tee "$out/heap.txt"
