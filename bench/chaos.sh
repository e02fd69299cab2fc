#!/usr/bin/env bash
# Chaos: kill -9 a checkpointed `ingest csv` at random moments, resume it, and compare the result
# with an uninterrupted run. Prints one line per trial and how many matched; exits non-zero if any
# trial did not match.
#
#   bench/chaos.sh                               # 10 trials, 8 files of 25,000 rows, 2 kills per trial
#   N=20 KILLS=3 ROWS=400000 bench/chaos.sh
#   EXTRA="--exact" bench/chaos.sh               # a long pass after the last epoch: late kills too
#
# A trial: start the run with --checkpoint, kill -9 it after a random delay (from when the clean
# run's journal appeared to the clean run's end), then start `--resume` (or a fresh run when the kill came before the first journal)
# and kill that too, KILLS times in all; the last run goes to the end. "Matched" means: exit 0,
# report complete, the same records, rejected, duplicateRecords, distinctKeysEstimate, sources and
# fields as the clean run, the same rejects.csv rows (as a set), and the same filter bits (the
# filter body, without the header's creation time). Needs the jar (mvn -B -q package -DskipTests),
# jq and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-10}
KILLS=${KILLS:-2}
FILES=${FILES:-8}
ROWS=${ROWS:-200000}          # in all, split over FILES files
SEED=${SEED:-1}
EXTRA=${EXTRA:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
JAR=${JAR:-pipeline/target/ringsift.jar}
WORK=${WORK:-/tmp/ringsift-chaos}

[[ -f $JAR ]] || { echo "chaos: $JAR not found; build it with: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v jq >/dev/null || { echo "chaos: needs jq" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK/in"
RANDOM=$SEED
inputs=()
for ((f = 0; f < FILES; f++)); do
  p="$WORK/in/part-$f.csv"
  # the same seed in a few files: keys repeat across files, so a resumed run must see earlier files
  java $JAVA_OPTS -jar "$JAR" generate csv --rows $((ROWS / FILES)) --dup-rate 0.2 --columns 4 --seed $((f % 3)) -o "$p" >/dev/null
  printf 'bad,row\n"unterminated\n' >> "$p"      # two rejects per file (the second runs to the end of the file)
  inputs+=("$p")
done

command_for() {  # command_for OUT CP [--resume]: the ingest command line in CMD
  local out=$1 cp=$2; shift 2
  CMD=(java $JAVA_OPTS -jar "$JAR" ingest csv --key key --out "$out" --checkpoint "$cp" --readers 1 --handlers 2
    --expected-keys 1000000 --fpp 1e-6 -q $EXTRA "$@" "${inputs[@]}")
}
ingest() {
  command_for "$@"; "${CMD[@]}"
}

# the filter body (Guava bits), without the header: magic 8, version 2, header length 4, body length 8
filter_bits() {
  python3 - "$1" <<'PY'
import hashlib, struct, sys
b = open(sys.argv[1], 'rb').read()
h, n = struct.unpack('>iq', b[10:22])
print(hashlib.sha256(b[22 + h:22 + h + n]).hexdigest())
PY
}

signature() {  # what must match, one line
  local out=$1
  jq -c '{complete, records, rejected, duplicateRecords, distinctKeysEstimate, sources, fields, exact: (.exact // null)}' "$out/report.json"
  if [[ -f $out/rejects.csv ]]; then sort "$out/rejects.csv" | sha256sum | cut -c1-16; else echo "no rejects"; fi
  filter_bits "$out/filter.bf"
}

# the clean run, timed: kills fall between the first journal (JVM start-up and planning before it
# would make most kills hit a run that has not begun) and the end
start=$(date +%s%N)
command_for "$WORK/clean" "$WORK/cp-clean"
"${CMD[@]}" & pid=$!
journal_ms=""
while kill -0 "$pid" 2>/dev/null; do
  if [[ -z $journal_ms && -f $WORK/cp-clean/journal.json ]]; then journal_ms=$(( ($(date +%s%N) - start) / 1000000 )); fi
  sleep 0.02
done
wait "$pid"
wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))
journal_ms=${journal_ms:-0}
want=$(signature "$WORK/clean")
echo "chaos: $FILES files, $ROWS rows, clean run ${wall_ms} ms (first journal at ${journal_ms} ms); $N trials of $KILLS kill -9 each, then a resume to the end"
echo "chaos: clean $(jq -c '{records, rejected, duplicateRecords}' "$WORK/clean/report.json")"

matched=0
for ((t = 1; t <= N; t++)); do
  out="$WORK/out"; cp="$WORK/cp"; rm -rf "$out" "$cp"
  story=""
  for ((k = 0; k <= KILLS; k++)); do
    args=()
    if [[ -f $cp/journal.json ]] && [[ $(jq .complete "$cp/journal.json") == false ]]; then args=(--resume); fi
    if [[ -f $cp/journal.json ]] && [[ $(jq .complete "$cp/journal.json") == true ]]; then story+=" done"; break; fi
    if (( k == KILLS )); then
      set +e; ingest "$out" "$cp" "${args[@]}" 2> "$WORK/last.err"; rc=$?; set -e
      story+=" ${args[*]:-fresh}->rc$rc"
      (( rc == 0 )) || story+=" ($(head -c 200 "$WORK/last.err"))"
      break
    fi
    delay=$(( journal_ms + RANDOM % (wall_ms - journal_ms + 1) ))
    command_for "$out" "$cp" "${args[@]}"
    "${CMD[@]}" 2>/dev/null & pid=$!          # a simple command: $! is the JVM itself, not a subshell
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    set +e; wait "$pid" 2>/dev/null; st=$?; set -e
    if (( st == 137 )); then
      epoch=$( [[ -f $cp/journal.json ]] && jq .epoch "$cp/journal.json" || echo "-")
      story+=" ${args[*]:-fresh}:kill@${delay}ms(epoch $epoch)"
    else
      story+=" ${args[*]:-fresh}:ended-rc$st-before-kill@${delay}ms"
    fi
  done
  got=$( [[ -f $out/report.json && -f $out/filter.bf ]] && signature "$out" || echo "no complete output")
  if [[ $story == *"->rc"* && $story != *"->rc0"* ]]; then got="the last run failed"; fi
  if [[ $got == "$want" ]]; then matched=$((matched + 1)); verdict=match; else verdict=MISMATCH; fi
  echo "trial $t:$story => $verdict"
  if [[ $verdict == MISMATCH ]]; then
    diff <(echo "$want") <(echo "$got") | head -5 || true
    cat "$WORK/last.err" 2>/dev/null | head -3 || true
  fi
done
echo "chaos: matched $matched of $N"
(( matched == N ))
