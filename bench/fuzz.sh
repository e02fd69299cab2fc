#!/usr/bin/env bash
# Fuzz one Jazzer target for real, then keep what it found as corpus files that `mvn verify` replays.
#
#   bench/fuzz.sh TARGET MINUTES
#   bench/fuzz.sh CsvDifferentialPropertiesTest#fastAndCommonsAgree 10
#   bench/fuzz.sh FilterFileDecodeFuzzTest#anyContentWithAGoodChecksumIsReadOrRefused 1
#   bench/fuzz.sh list                                   # every @FuzzTest target
#
# TARGET is TestClass#method of a @FuzzTest. The script runs that one test with JAZZER_FUZZ=1 (Jazzer
# fuzzes one target per JVM) and its sanitizer hooks on, for MINUTES minutes or until the first
# finding. A finding (an input that fails the test) is written by Jazzer as crash-<sha1> into
# src/test/resources/<package>/<TestClass>Inputs/<method>/, which is where regression mode reads
# inputs from: commit it with the fix, and `mvn verify` replays it for ever. Inputs that only found
# new coverage stay in <module>/.cifuzz-corpus/ (git-ignored; later runs start from them).
# Seeds shared by a class (files directly in <TestClass>Inputs/) are copied there first, since
# Jazzer's fuzzing mode reads seeds from the method's own directory only.
#
# Exit status: 0 nothing found, 1 a finding (or a build failure: see the log), 2 usage.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() {
  grep -rl --include='*.java' '@FuzzTest' stages/src/test pipeline/src/test | while read -r f; do
    cls=$(basename "$f" .java)
    grep -A1 '@FuzzTest' "$f" | sed -nE 's/.*void ([A-Za-z0-9_]+)\(.*/\1/p' | sed "s/^/$cls#/"
  done
}

if [[ ${1:-} == list ]]; then targets; exit 0; fi
if [[ $# -ne 2 || $1 != *#* || ! $2 =~ ^[0-9]+$ || $2 -lt 1 ]]; then
  echo "usage: bench/fuzz.sh TestClass#method MINUTES   (bench/fuzz.sh list shows the targets)" >&2
  exit 2
fi
cls=${1%%#*}
method=${1#*#}
src=$(find stages/src/test/java pipeline/src/test/java -name "$cls.java" | head -1)
if [[ -z $src ]] || ! grep -A1 '@FuzzTest' "$src" | grep -q "void $method("; then
  echo "fuzz: no @FuzzTest $1 (bench/fuzz.sh list shows the targets)" >&2
  exit 2
fi
module=${src%%/*}
pkg_dir=$(dirname "${src#"$module"/src/test/java/}")
pkg=${pkg_dir//\//.}
shared="$module/src/test/resources/$pkg_dir/${cls}Inputs"
findings="$shared/$method"
corpus="$module/.cifuzz-corpus/$pkg.$cls/$method"
mkdir -p "$findings" "$corpus"
find "$shared" -maxdepth 1 -type f -exec cp -n {} "$corpus/" \;
before=$(find "$findings" -type f | sort)
log=${LOG:-/tmp/ringsift-fuzz-$cls-$method.log}

echo "fuzz: $1 for $2 min ($module); log: $log" >&2
status=0
JAZZER_FUZZ=1 mvn -B -pl "$module" -am test -Dtest="$cls#$method" -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  -Djazzer.hooks=true -Djazzer.max_duration="$2m" >"$log" 2>&1 || status=$?

# libFuzzer's last status line, e.g. "#123456 DONE cov: 812 ft: 2304 corp: 97/3121b exec/s: 2057 rss: 612Mb"
grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 >&2 || true
echo "fuzz: corpus $(find "$corpus" -type f | wc -l) inputs in $corpus" >&2
new=$(comm -13 <(echo "$before") <(find "$findings" -type f | sort) | sed '/^$/d')
if [[ -n $new ]]; then
  echo "fuzz: findings (now replayed by mvn verify; commit them with the fix):" >&2
  echo "$new" >&2
  exit 1
fi
rmdir "$findings" 2>/dev/null || true   # keep the tree clean when nothing was found
if [[ $status -ne 0 ]]; then
  echo "fuzz: the run failed without a finding file; see $log" >&2
  exit 1
fi
echo "fuzz: nothing found" >&2
