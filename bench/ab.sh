#!/usr/bin/env bash
# bench/ab.sh — two ringsift jars, whole processes, alternating A B A B ..., on one file: the before/after of a
# change when the machine is shared (both sides see the same load). Prints per-run wall and CPU (user+sys)
# seconds and peak RSS, then medians and the median per-round ratio A/B.
#
# Usage: bench/ab.sh A.jar B.jar FILE ROUNDS [ringsift ingest csv options...]
#   e.g. bench/ab.sh /tmp/old/ringsift.jar pipeline/target/ringsift.jar rows-1000000.csv 5 --key key --stats none
# Round 0 is a warm-up (page cache) and is not counted. JAVA_OPTS is passed to both.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
A=$1 B=$2 FILE=$3 ROUNDS=$4
shift 4
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# shellcheck disable=SC2206
JOPTS=(${JAVA_OPTS:-})
echo "A=$A B=$B file=$FILE options: $* ; load before: $(uptime | sed 's/.*load average/load average/')"
for r in $(seq 0 "$ROUNDS"); do
  for side in A B; do
    jar=$A; [ "$side" = B ] && jar=$B
    rm -rf "$OUT/o"
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/t" java "${JOPTS[@]}" -jar "$jar" ingest csv -q "$@" --out "$OUT/o" "$FILE"
    read -r wall user sys rss < <(tail -1 "$OUT/t")
    recs=$(sed -n 's/^  "records" : \([0-9]*\),*$/\1/p' "$OUT/o/report.json" | head -1)
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "round $r $side wall ${wall}s cpu ${cpu}s rss $((rss / 1024))MB records $recs"
    [ "$r" -gt 0 ] && echo "$r $side $wall $cpu" >> "$OUT/rows"
  done
done
awk '{ w[$2, $1] = $3; c[$2, $1] = $4; n = $1 > n ? $1 : n }
     function med(a, k,   i, v, m, t) { m = 0; for (i = 1; i <= n; i++) v[++m] = a[k, i]
       for (i = 1; i <= m; i++) for (t = i + 1; t <= m; t++) if (v[t] < v[i]) { x = v[i]; v[i] = v[t]; v[t] = x }
       return (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
     END { for (i = 1; i <= n; i++) { rw["r", i] = w["A", i] / w["B", i]; rc["r", i] = c["A", i] / c["B", i] }
           printf "median wall A %.2f s, B %.2f s; median per-round A/B wall %.2fx\n", med(w, "A"), med(w, "B"), med(rw, "r")
           printf "median CPU  A %.2f s, B %.2f s; median per-round A/B CPU  %.2fx\n", med(c, "A"), med(c, "B"), med(rc, "r") }' "$OUT/rows"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
