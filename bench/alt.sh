#!/usr/bin/env bash
# bench/alt.sh — any commands, whole processes, alternating round by round (1 2 3, 1 2 3, ...): start-up
# and small-input comparisons (--version against a two-line file, java -jar against bin/ringsift, JVM flags)
# when the machine is shared. Prints each command's median, min and max wall seconds, then each later
# command's time over the first's, round by round (median, min, max).
#
# Usage: bench/alt.sh ROUNDS "LABEL::COMMAND" ["LABEL::COMMAND" ...]
#   e.g. bench/alt.sh 9 "version::bin/ringsift --version" \
#          "two-line::bin/ringsift ingest csv two.csv --key key --quiet --out \$ALT_OUT"
# Each command runs with bash -c, output discarded; $ALT_OUT is a fresh, empty directory for its outputs.
# No warm-up round is dropped: these are start-up figures.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
ROUNDS=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load before: $(uptime | sed 's/.*load average/load average/')"
for _ in $(seq 1 "$ROUNDS"); do
  i=0
  for spec in "$@"; do
    i=$((i + 1))
    rm -rf "$work/out"
    s=$(date +%s%N)
    ALT_OUT="$work/out" bash -c "${spec#*::}" > /dev/null 2>&1 || echo "failed: ${spec#*::}" >&2
    e=$(date +%s%N)
    echo "$(( (e - s) / 1000000 ))" >> "$work/t$i"
  done
done
i=0
for spec in "$@"; do
  i=$((i + 1))
  sort -n "$work/t$i" | awk -v label="${spec%%::*}" '{ a[NR] = $1 }
    END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          printf "%-24s median %.3f s  min %.3f  max %.3f  (%d rounds)\n", label, m / 1000, a[1] / 1000, a[NR] / 1000, NR }'
done
# per-round ratios: each command's wall time over the first command's in the same round (above 1: slower
# than the first), as the median and range over the rounds; pairs rounds, so a drifting box cancels out
if [ $# -ge 2 ]; then
  i=1
  for spec in "${@:2}"; do
    i=$((i + 1))
    paste "$work/t1" "$work/t$i" | awk '{ printf "%.6f\n", $2 / $1 }' | sort -n \
      | awk -v label="${spec%%::*}" -v first="${1%%::*}" '{ r[NR] = $1 }
          END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
                printf "%-24s / %s per round: median %.2f  min %.2f  max %.2f\n", label, first, m, r[1], r[NR] }'
  done
fi
echo "load after: $(uptime | sed 's/.*load average/load average/')"
