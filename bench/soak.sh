#!/usr/bin/env bash
# Soak: push ROWS generated rows through `ingest csv --exact` at several --readers/--handlers
# settings, check every count against the generator's exact figures, and print wall time, speed
# and peak RSS per setting. Exits non-zero if any count is wrong or any run fails.
#
#   bench/soak.sh                          # 50M rows (about 1.8 GB of CSV with 4 columns)
#   ROWS=5000000 bench/soak.sh             # a few minutes on 2 cores
#   SETTINGS="1:1 2:2" STATS=basic JAVA_OPTS=-Xmx512m ROWS=1000000 bench/soak.sh
#
# Needs the jar (mvn -B -q package -DskipTests). Settings are READERS:HANDLERS. The input is
# generated once into WORK and kept (delete it yourself; KEEP=0 deletes it at the end). Peak RSS
# comes from /usr/bin/time -f %M when present, else from VmHWM in /proc/PID/status.
set -euo pipefail

cd "$(dirname "$0")/.."
ROWS=${ROWS:-50000000}
COLUMNS=${COLUMNS:-4}
DUP_RATE=${DUP_RATE:-0.2}
SEED=${SEED:-7}
SETTINGS=${SETTINGS:-"1:1 1:2 2:1 3:3"}
STATS=${STATS:-full}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
JAR=${JAR:-pipeline/target/ringsift.jar}
WORK=${WORK:-/tmp/ringsift-soak}
KEEP=${KEEP:-1}

[[ -f $JAR ]] || { echo "soak: $JAR not found; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$WORK"
input="$WORK/soak-$ROWS-c$COLUMNS-d$DUP_RATE-s$SEED.csv"
figures="$input.figures"

if [[ ! -f $input || ! -f $figures ]]; then
  echo "soak: generating $ROWS rows into $input" >&2
  # prints e.g. "<file>: rows 5000000, distinct keys 4000123, duplicate rows 999877, bytes 312..."
  java $JAVA_OPTS -jar "$JAR" generate csv --rows "$ROWS" --dup-rate "$DUP_RATE" --columns "$COLUMNS" --seed "$SEED" -o "$input" > "$figures"
fi
line=$(cat "$figures")
want_distinct=$(sed -E 's/.*distinct keys ([0-9]+).*/\1/' <<<"$line")
want_dups=$(sed -E 's/.*duplicate rows ([0-9]+).*/\1/' <<<"$line")
bytes=$(stat -c %s "$input")

# peak RSS in KiB of a command; its exit code is kept in $rc
run_measured() {
  local rssfile=$1; shift
  if [[ -x /usr/bin/time ]]; then
    set +e; /usr/bin/time -f %M -o "$rssfile" "$@"; rc=$?; set -e
  else
    set +e
    "$@" & local pid=$! hwm=0
    while kill -0 "$pid" 2>/dev/null; do
      local v; v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n $v ]] && hwm=$v
      sleep 0.2
    done
    wait "$pid"; rc=$?; set -e
    echo "$hwm" > "$rssfile"
  fi
}

# first number after "key" : in the pretty-printed report (top level first, then inside blocks)
field() { grep -m1 -E "^ *\"$2\" : " "$1" | sed -E 's/.*: ([^,]*),?/\1/'; }
exact_field() { sed -n '/"exact" : {/,/}/p' "$1" | grep -m1 "\"$2\"" | sed -E 's/.*: ([^,]*),?/\1/'; }

echo
echo "ringsift soak: $ROWS rows, $COLUMNS columns, dup rate $DUP_RATE, seed $SEED, $((bytes / 1000000)) MB; --stats $STATS --exact; $JAVA_OPTS"
echo "expected: $want_distinct distinct keys, $want_dups duplicate rows"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); cores: $(nproc); cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1); memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1)"
echo
printf '| %-7s | %-8s | %-6s | %-8s | %-5s | %-8s | %-10s | %-10s | %-9s | %-5s |\n' \
  readers handlers "wall s" "rows/s" "MB/s" "peak RSS" "exact dups" "bloom dups" "meas. fpp" check
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' --------- ---------- -------- ---------- ------- ---------- ------------ ------------ ----------- -------
failed=0
for s in $SETTINGS; do
  r=${s%%:*}; h=${s##*:}
  out="$WORK/out-r$r-h$h"
  rm -rf "$out"
  t0=$(date +%s.%N)
  run_measured "$WORK/rss-r$r-h$h" java $JAVA_OPTS -jar "$JAR" ingest csv --quiet --exact --stats "$STATS" --key key \
    --readers "$r" --handlers "$h" --out "$out" "$input"
  t1=$(date +%s.%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  rss_mb=$(tail -1 "$WORK/rss-r$r-h$h" | awk '{printf "%d MB", $1 / 1024}')   # time -o prepends a line on failure
  rep="$out/report.json"
  check=ok
  if [[ $rc -ne 0 || ! -f $rep ]]; then
    check="exit $rc"; failed=1
    printf '| %-7s | %-8s | %-6s | %-8s | %-5s | %-8s | %-10s | %-10s | %-9s | %-5s |\n' "$r" "$h" "$wall" - - "$rss_mb" - - - "$check"
    continue
  fi
  records=$(field "$rep" records); rejected=$(field "$rep" rejected); complete=$(field "$rep" complete)
  xdups=$(exact_field "$rep" duplicateRecords); xdistinct=$(exact_field "$rep" distinctKeys)
  bdups=$(exact_field "$rep" bloomDuplicateRecords); fpp=$(exact_field "$rep" measuredFpp)
  if [[ $complete != true || $records != "$ROWS" || $rejected != 0 || $xdups != "$want_dups" || $xdistinct != "$want_distinct" ]]; then
    check=WRONG; failed=1
    echo "soak: r$r h$h: complete=$complete records=$records rejected=$rejected exact dups=$xdups distinct=$xdistinct" >&2
  fi
  # a Bloom answer never misses a real duplicate
  if (( bdups < xdups )); then check=WRONG; failed=1; fi
  rps=$(awk -v n="$ROWS" -v w="$wall" 'BEGIN {printf "%d", n / w}')
  mbps=$(awk -v b="$bytes" -v w="$wall" 'BEGIN {printf "%.1f", b / 1e6 / w}')
  printf '| %-7s | %-8s | %-6s | %-8s | %-5s | %-8s | %-10s | %-10s | %-9s | %-5s |\n' \
    "$r" "$h" "$wall" "$rps" "$mbps" "$rss_mb" "$xdups" "$bdups" "$(printf '%.6f' "$fpp")" "$check"
done
echo
echo "wall s: whole process, both passes of --exact (JVM start included); rows/s and MB/s over that wall time."
[[ $KEEP == 1 ]] || rm -rf "$WORK"
exit $failed
