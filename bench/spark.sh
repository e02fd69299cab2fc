#!/usr/bin/env bash
# bench/spark.sh — one generated CSV file through (a) the local CLI, (b) ringsift on Spark local[2]
# (the thin ringsift-spark.jar on Spark's own classpath, as spark-submit would run it) and (c) plain
# Spark: spark.read.csv(...).stat.bloomFilter(...) + approx_count_distinct. Same file, same run,
# alternating rounds. Results: docs/benchmarks.md ("Spark").
#
#   bench/spark.sh [--rows N] [--rounds R]
#
# Needs: mvn -B -q package -DskipTests (pipeline/target/ringsift.jar, spark/target/ringsift-spark.jar,
# jmh/target/benchmarks.jar), and Spark's jars: the classpath of spark-core_2.13 + spark-sql_2.13 from
# the local Maven repository, listed in SPARK_CP (built by this script with mvn dependency:build-classpath).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ROWS=1000000
ROUNDS=2
while [ $# -gt 0 ]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DIR=${TMPDIR:-/tmp}/ringsift-spark-bench
mkdir -p "$DIR"
FILE=$DIR/bench-$ROWS.csv
if [ ! -s "$FILE" ]; then
  java -cp "$here/jmh/target/benchmarks.jar" io.ringsift.bench.CsvGen --rows "$ROWS" --seed 42 --dup-rate 0.2 --out "$FILE" > "$FILE.meta"
fi
if [ -z "${SPARK_CP:-}" ]; then
  SPARK_CP=$DIR/spark-classpath.txt
  if [ ! -s "$SPARK_CP" ]; then
    ver=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$here/spark/pom.xml")
    mkdir -p "$DIR/cp" && cat > "$DIR/cp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>spark-cp</artifactId><version>1</version><dependencies>
<dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId><version>$ver</version></dependency>
<dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$ver</version></dependency>
</dependencies></project>
POM
    (cd "$DIR/cp" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$SPARK_CP" >/dev/null)
  fi
fi
CP=$(cat "$SPARK_CP")
# the JVM options Spark's launcher adds on Java 17
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
SPARK_OPTS="-Xmx4g $OPENS -Dspark.master=local[2] -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1"
EXPECTED=1000000

# wall seconds and peak RSS (MB) of one command, its last stdout line kept in $DIR/last.txt
timed() {
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" > "$DIR/last.txt" 2> "$DIR/last.err" || { cat "$DIR/last.err" >&2; exit 3; }
  read -r wall rss < "$DIR/time.txt"
  echo "$wall $((rss / 1024))"
}

echo "file: $FILE ($(du -m "$FILE" | cut -f1) MB, $ROWS rows); load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %-6s %8s %8s  %s\n' program round wall_s rss_MB result
for round in $(seq 0 "$ROUNDS"); do
  tag=$([ "$round" = 0 ] && echo warm-up || echo "$round")
  rm -rf "$DIR/out-local" "$DIR/out-spark"
  r=$(timed java -jar "$here/pipeline/target/ringsift.jar" ingest csv --key key --expected-keys $EXPECTED --out "$DIR/out-local" -q "$FILE")
  printf '%-22s %-6s %8s %8s  %s\n' local-cli "$tag" $r "$(grep -o '"duplicateRecords" : [0-9]*' "$DIR/out-local/report.json" | head -1)"
  # shellcheck disable=SC2086
  r=$(timed java $SPARK_OPTS -cp "$here/spark/target/ringsift-spark.jar:$CP" io.ringsift.spark.SparkMain ingest csv --key key \
      --expected-keys $EXPECTED --partitions 2 --chunk-size $((32 << 20)) --out "$DIR/out-spark" -q "$FILE")
  printf '%-22s %-6s %8s %8s  %s %s\n' ringsift-on-spark "$tag" $r "$(grep -o '"duplicateRecords" : [0-9]*' "$DIR/out-spark/report.json" | head -1)" \
      "$(grep -o '"shuffleBytes" : [0-9]*' "$DIR/out-spark/report.json")"
  # shellcheck disable=SC2086
  r=$(timed java $SPARK_OPTS -cp "$here/spark/target/ringsift-spark.jar:$CP" io.ringsift.spark.PlainSparkBaseline key $EXPECTED 0.01 "$FILE")
  printf '%-22s %-6s %8s %8s  %s\n' plain-spark "$tag" $r "$(tail -1 "$DIR/last.txt")"
done
