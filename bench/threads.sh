#!/usr/bin/env bash
# bench/threads.sh — CPU seconds per thread of one command, grouped by thread name (numbers folded:
# "GC Thread#0..3" -> "GC Thread#"). Says where a whole process's CPU goes: the reader and handler
# threads, the JIT compiler threads, GC, and the main thread (start-up, planning, report).
#
# Usage: bench/threads.sh COMMAND [ARGS...]
#   e.g. bench/threads.sh java -jar pipeline/target/ringsift.jar ingest csv --key key --quiet --out /tmp/o rows-1000000.csv
# Reads /proc/PID/task/*/stat every 50 ms, so a thread's last 50 ms can be missed, and the polling
# itself costs a few percent of one core. Linux only.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
SNAP=$(mktemp)
trap 'rm -f "$SNAP"' EXIT
"$@" &
P=$!
while kill -0 "$P" 2>/dev/null; do
  for t in /proc/"$P"/task/*; do
    st=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null) || continue
    rest=${st##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo "${t##*/}|$name|$(( ${12} + ${13} ))" >> "$SNAP"
  done
  sleep 0.05
done
wait "$P" || true
TICKS=$(getconf CLK_TCK)
awk -F'|' -v hz="$TICKS" '{ v[$1] = $3; n[$1] = $2 }
  END { for (t in v) { m = n[t]; gsub(/[0-9]+$/, "#", m); a[m] += v[t]; s += v[t] }
        for (k in a) if (a[k] > 0) printf "%7.2f s  %s\n", a[k] / hz, k
        printf "%7.2f s  (all threads)\n", s / hz }' "$SNAP" | sort -rn
