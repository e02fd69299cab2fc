#!/usr/bin/env bash
# bench/run.sh — side-by-side whole-process benchmark of ringsift against the programs a user
# would otherwise write, on one generated CSV file. See docs/benchmarks.md for results.
#
# Usage:
#   bench/run.sh [--quick] [--big] [--rows N] [--rounds N] [--dir DIR] [--build] [--jfr]
#                [--readers "N ..."] [--handlers "N ..."] [--rs-args "..."] [--cds] [--only "a b ..."]
#
#   --rows N    rows of the main file (default 1000000, ~146 MB)
#   --big       also run everything on a 10,000,000-row file (~1.5 GB; generated once, kept in DIR)
#   --rounds N  measured rounds after the warm-up round (default 5)
#   --quick     smoke test: 100,000 rows, 1 measured round
#   --dir DIR   where data files and per-round logs go (default ${TMPDIR:-/tmp}/ringsift-bench)
#   --build     rebuild the jars even if they exist (mvn -B -o -q package -DskipTests)
#   --jfr       afterwards, run (d) once more under JFR and print its hottest methods
#   --readers "1 2 4" --handlers "1 2"
#               thread sweep: one more ringsift program per readers x handlers pair (named rRhH), run in the
#               same alternating rounds, so a machine with many cores can measure its own layout
#   --rs-args "..."  extra options for every ringsift program, e.g. --rs-args "--stats none"
#   --cds       one more program (f): ringsift defaults through bin/ringsift (class-data archive made at package
#               time, transparent huge pages where the kernel offers them)
#   --only "a b d"   run only these of the programs (sweep programs are always run)
#   JAVA_OPTS   extra JVM options, passed to every Java program alike (default: none)
#
# Programs, run as whole processes in alternating order (a b c d e, a b c d e, ...), one warm-up
# round (discarded) then N measured rounds:
#   (a) parse      single-threaded Apache Commons CSV loop that only parses (io.ringsift.bench.BareParse)
#   (b) naive      (a) + Guava BloomFilter<CharSequence>.put of the key column (murmur3_128 + bit set):
#                  the naive program a user would write (io.ringsift.bench.NaiveBloom); the reference
#                  every ratio is relative to. Its filter is sized like ringsift's (expectedKeys
#                  taken from ringsift's report in the warm-up round), fpp 0.01 as ringsift's default.
#   (c) rs-1x1     ringsift ingest csv --readers 1 --handlers 1 (default parser, stats, batch, ring)
#   (d) rs-default ringsift ingest csv with all defaults
#   (e) duckdb     DuckDB 2.0 via JDBC: SELECT count(*), count(DISTINCT key) FROM read_csv(...)
#                  (io.ringsift.bench.DuckDbCount; native library load included)
# Wall time and peak RSS come from /usr/bin/time -f '%e %M'. Every program's row count is checked
# against the generator's (ringsift's from report.json "records"; DuckDB's distinct count against
# the generator's exact distinct keys); the script exits 1 on any disagreement.
#
# MongoDB has its own whole-process bench, io.ringsift.bench.MongoBench (docs/benchmarks.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=1000000
ROUNDS=5
BIG=0
BUILD=0
JFR=0
SWEEP_R=""
SWEEP_H=""
RS_ARGS=""
CDS=0
ONLY="a b c d e"
DIR=${TMPDIR:-/tmp}/ringsift-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --big) BIG=1; shift ;;
    --quick) ROWS=100000; ROUNDS=1; shift ;;
    --dir) DIR=$2; shift 2 ;;
    --build) BUILD=1; shift ;;
    --jfr) JFR=1; shift ;;
    --readers) SWEEP_R=$2; shift 2 ;;
    --handlers) SWEEP_H=$2; shift 2 ;;
    --rs-args) RS_ARGS=$2; shift 2 ;;
    --cds) CDS=1; shift ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

BENCH_JAR=$ROOT/jmh/target/benchmarks.jar
RS_JAR=$ROOT/pipeline/target/ringsift.jar
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench/run.sh: $TIME is required (apt-get install time)" >&2; exit 2; }
if [ "$BUILD" = 1 ] || [ ! -f "$BENCH_JAR" ] || [ ! -f "$RS_JAR" ]; then
  echo "building jars ..." >&2
  (cd "$ROOT" && mvn -B -o -q package -DskipTests)
fi
mkdir -p "$DIR"
# shellcheck disable=SC2206
JOPTS=(${JAVA_OPTS:-})
# shellcheck disable=SC2206
RSOPTS=($RS_ARGS)
# shellcheck disable=SC2206
PROGS=($ONLY)
[ "$CDS" = 1 ] && PROGS+=(f)
if [ -n "$SWEEP_R$SWEEP_H" ]; then
  for r in ${SWEEP_R:-1}; do
    for h in ${SWEEP_H:-1}; do
      PROGS+=("r${r}h${h}")
    done
  done
fi

# generate FILE ROWS: deterministic (seed 42, 20% repeated keys); kept and reused between runs
generate() {
  local file=$1 rows=$2
  if [ ! -s "$file" ] || [ ! -s "$file.meta" ]; then
    echo "generating $file ($rows rows) ..." >&2
    java "${JOPTS[@]}" -cp "$BENCH_JAR" io.ringsift.bench.CsvGen --rows "$rows" --seed 42 --dup-rate 0.2 --out "$file" > "$file.meta"
  fi
}

meta() { sed -n "s/.*$2=\([0-9]*\).*/\1/p" "$1.meta"; }

# run PROG FILE LOGPREFIX -> prints "wall rss rows [distinct]"
run_one() {
  local prog=$1 file=$2 log=$3 out
  out=$DIR/out-$prog
  rm -rf "$out"
  case "$prog" in
    a) cmd=(java "${JOPTS[@]}" -cp "$BENCH_JAR" io.ringsift.bench.BareParse "$file") ;;
    b) cmd=(java "${JOPTS[@]}" -cp "$BENCH_JAR" io.ringsift.bench.NaiveBloom "$file" "$EXPECTED_KEYS" 0.01) ;;
    c) cmd=(java "${JOPTS[@]}" -jar "$RS_JAR" ingest csv --key key --quiet --readers 1 --handlers 1 "${RSOPTS[@]}" --out "$out" "$file") ;;
    d) cmd=(java "${JOPTS[@]}" -jar "$RS_JAR" ingest csv --key key --quiet "${RSOPTS[@]}" --out "$out" "$file") ;;
    e) cmd=(java "${JOPTS[@]}" -cp "$BENCH_JAR" io.ringsift.bench.DuckDbCount "$file") ;;
    f) cmd=(env RINGSIFT_JAR="$RS_JAR" JAVA_OPTS="${JAVA_OPTS:-}" "$ROOT/bin/ringsift" ingest csv --key key --quiet "${RSOPTS[@]}" --out "$out" "$file") ;;
    r*h*) local rr=${prog#r}; rr=${rr%h*}
          cmd=(java "${JOPTS[@]}" -jar "$RS_JAR" ingest csv --key key --quiet --readers "$rr" --handlers "${prog#*h}" "${RSOPTS[@]}" --out "$out" "$file") ;;
  esac
  if ! "$TIME" -f '%e %M %U %S' -o "$log.time" "${cmd[@]}" > "$log.out" 2> "$log.err"; then
    echo "bench/run.sh: program ($prog) failed: ${cmd[*]}" >&2
    cat "$log.err" >&2
    exit 1
  fi
  local rows distinct=""
  case "$prog" in
    c|d|f|r*h*) rows=$(sed -n 's/^  "records" : \([0-9]*\),*$/\1/p' "$out/report.json" | head -1) ;;
    *) rows=$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' "$log.out") ;;
  esac
  [ "$prog" = e ] && distinct=$(sed -n 's/.*distinct=\([0-9]*\).*/\1/p' "$log.out")
  local t
  t=$(tail -1 "$log.time")
  echo "$t" | awk -v rows="$rows" -v d="$distinct" '{ printf "%s %s %.2f %s %s\n", $1, $2, $3 + $4, rows, d }'
}

declare -A NAMES
NAMES=([a]="(a) commons-csv parse only" [b]="(b) naive: parse + Guava Bloom put" [c]="(c) ringsift 1 reader / 1 handler"
       [d]="(d) ringsift defaults" [e]="(e) DuckDB count(*), count(DISTINCT key)" [f]="(f) ringsift defaults, bin/ringsift (AppCDS)")
for p in "${PROGS[@]}"; do
  case "$p" in r*h*) r=${p#r}; NAMES[$p]="ringsift --readers ${r%h*} --handlers ${p#*h}" ;; esac
done
[ -n "$RS_ARGS" ] && for p in c d f; do NAMES[$p]="${NAMES[$p]} $RS_ARGS"; done

bench_file() {
  local file=$1 rows distinct bytes mb
  rows=$(meta "$file" rows); distinct=$(meta "$file" distinct); bytes=$(meta "$file" bytes)
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  local tsv=$DIR/results-$rows.tsv
  echo -e "round\tprog\twall_s\trss_kb\trows\tcpu_s" > "$tsv"
  EXPECTED_KEYS=$rows   # replaced by ringsift's own estimate after the warm-up round of (d)
  echo "== $file: $rows rows ($distinct distinct keys), $mb MB; 1 warm-up + $ROUNDS measured rounds, order ${PROGS[*]} ==" >&2
  local r p res wall rss cpu n dn
  for r in $(seq 0 "$ROUNDS"); do
    for p in "${PROGS[@]}"; do
      res=$(run_one "$p" "$file" "$DIR/r$r-$p")
      read -r wall rss cpu n dn <<< "$res"
      if [ "$n" != "$rows" ]; then
        echo "bench/run.sh: COUNT MISMATCH: program ($p) read $n rows, the file has $rows" >&2; exit 1
      fi
      if [ "$p" = e ] && [ "$dn" != "$distinct" ]; then
        echo "bench/run.sh: COUNT MISMATCH: DuckDB found $dn distinct keys, the generator wrote $distinct" >&2; exit 1
      fi
      if [ "$p" = d ] && [ "$r" = 0 ]; then
        EXPECTED_KEYS=$(sed -n 's/^ *"expectedKeys" : \([0-9]*\),*$/\1/p' "$DIR/out-d/report.json" | head -1)
        echo "   (b) sizes its filter like ringsift: expectedKeys=$EXPECTED_KEYS" >&2
      fi
      echo "   round $r ($p): ${wall}s cpu ${cpu}s ${rss}KB rows=$n" >&2
      [ "$r" -gt 0 ] && echo -e "$r\t$p\t$wall\t$rss\t$n\t$cpu" >> "$tsv"
    done
  done
  echo
  echo "### $rows rows, $mb MB ($(basename "$file")), median of $ROUNDS rounds"
  echo
  echo "| program | wall s (median) | min–max s | rows/s | MB/s | peak RSS MB | speed vs (b) | per-round speed vs (b) | RSS vs (b) | CPU s (median) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local bw br
  bw=$(awk -F'\t' '$2=="b"{print $3}' "$tsv" | sort -n | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
  br=$(awk -F'\t' '$2=="b"{print $4}' "$tsv" | sort -n | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
  for p in "${PROGS[@]}"; do
    # median over rounds of wall(b)/wall(x) within the same round: robust to load drifting between rounds
    local pr
    pr=$(awk -F'\t' -v p="$p" '$2=="b"{b[$1]=$3} $2==p{x[$1]=$3} END{for (r in x) print b[r] / x[r]}' "$tsv" | sort -n |
         awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
    awk -F'\t' -v p="$p" '$2==p{print $3, $4}' "$tsv" | sort -n -k1,1 | awk -v name="${NAMES[$p]}" -v rows="$rows" -v pr="$pr" \
      -v cpu="$(awk -F'\t' -v p="$p" '$2==p{print $6}' "$tsv" | sort -n | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')" \
      -v bytes="$bytes" -v bw="$bw" -v br="$br" -v rsslist="$(awk -F'\t' -v p="$p" '$2==p{print $4}' "$tsv" | sort -n | tr '\n' ' ')" '
      { w[NR] = $1 }
      END {
        n = NR; med = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
        m = split(rsslist, r, " "); rmed = (m % 2) ? r[(m + 1) / 2] : (r[m / 2] + r[m / 2 + 1]) / 2
        printf "| %s | %.2f | %.2f–%.2f | %.0f k | %.1f | %.0f | %.2f× | %.2f× | %.2f× | %.2f |\n", name, med, w[1], w[n],
               rows / med / 1000, bytes / 1e6 / med, rmed / 1024, bw / med, pr, rmed / br, cpu
      }'
  done
  echo
  echo "speed vs (b) = median wall(b) / median wall(x); per-round = median over rounds of wall(b)/wall(x) in the same round."
  echo "Above 1 is faster than the naive program. CPU s = user + system time of the process (all its threads)."
  echo "Load while it ran: $(uptime | sed 's/.*load average/load average/'). Raw rounds: $tsv"
}

FILES=("$DIR/rows-$ROWS.csv")
generate "${FILES[0]}" "$ROWS"
if [ "$BIG" = 1 ]; then
  FILES+=("$DIR/rows-10000000.csv")
  generate "${FILES[1]}" 10000000
fi

echo "## bench/run.sh — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GB RAM;" \
     "$(java -version 2>&1 | head -1); JAVA_OPTS='${JAVA_OPTS:-}'"
for f in "${FILES[@]}"; do
  bench_file "$f"
done

if [ "$JFR" = 1 ]; then
  f=${FILES[0]}
  jfrfile=$DIR/ringsift-default.jfr
  rm -rf "$DIR/out-jfr"
  # the stock "profile" settings sample Java stacks every 10 ms ;
  # a copy sampling every 1 ms gives a usable count from a few seconds of run
  jhome=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed 's/\(control="method-sampling-java-interval">\)[0-9]* ms/\11 ms/' "$jhome/lib/jfr/profile.jfc" > "$DIR/profile-1ms.jfc"
  java "${JOPTS[@]}" -XX:+FlightRecorder -XX:StartFlightRecording=filename="$jfrfile",settings="$DIR/profile-1ms.jfc" \
    -jar "$RS_JAR" ingest csv --key key --quiet --out "$DIR/out-jfr" "$f" > /dev/null 2>&1
  echo
  echo "### JFR: where (d) spends its time ($jfrfile, settings=profile, Java samples every 1 ms)"
  echo
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfrfile" > "$DIR/jfr-samples.txt"   # default prints only 5 frames
  total=$(grep -c 'jdk.ExecutionSample' "$DIR/jfr-samples.txt" || true)
  echo "$total execution samples. By thread:"
  echo
  echo "| samples | % | thread |"
  echo "|---:|---:|---|"
  sed -n 's/^ *sampledThread = "\([^"]*\)".*/\1/p' "$DIR/jfr-samples.txt" | sed 's/-[0-9]*$/-N/' | sort | uniq -c | sort -rn |
    awk -v t="$total" '{ printf "| %d | %.1f | %s |\n", $1, 100 * $1 / t, $2 }'
  echo
  echo "Top frames (self time):"
  echo
  echo "| samples | % | method |"
  echo "|---:|---:|---|"
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++ }
       END { for (k in n) printf "%d\t%s\n", n[k], k }' "$DIR/jfr-samples.txt" | sort -rn | head -20 |
    awk -F'\t' -v t="$total" '{ printf "| %d | %.1f | `%s` |\n", $1, 100 * $1 / t, $2 }'
  echo
  echo "Samples with these frames anywhere on the stack (inclusive):"
  echo
  echo "| samples | % | frame |"
  echo "|---:|---:|---|"
  for m in CsvPlanner.cut CsvInput.estimatedKeys RecordFramer.frameRecord FastRowCursor.next KeyEncoder.hash \
           Partial.add BloomFilter.put HllSketch.update CsvFieldProfile.accept ValueType.of BatchPublisher.publish; do
    awk -v m="$m" '/jdk.ExecutionSample/ { hit = 0 } index($0, m "(") && !hit { hit = 1; c++ } END { print c + 0 }' "$DIR/jfr-samples.txt" |
      awk -v t="$total" -v m="$m" '{ printf "| %d | %.1f | `%s` |\n", $1, 100 * $1 / t, m }'
  done
fi
