package io.ringsift.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The plain-Spark anchor of docs/benchmarks.md: what a Spark user writes today for one key column,
 * {@code spark.read.csv(...).stat.bloomFilter(...)} plus {@code approx_count_distinct}. Its CSV reader
 * needs {@code multiLine} for quoted newlines, which reads each file in one task. No rejects, no
 * field statistics, a filter in Spark's own format.
 *
 * <p>{@code spark-submit --class io.ringsift.spark.PlainSparkBaseline ringsift-spark.jar KEY EXPECTED FPP FILE...}
 */
public final class PlainSparkBaseline {
    private PlainSparkBaseline() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: PlainSparkBaseline KEY EXPECTED_KEYS FPP FILE...");
            System.exit(2);
        }
        String key = args[0];
        long expected = Long.parseLong(args[1]);
        double fpp = Double.parseDouble(args[2]);
        String[] files = java.util.Arrays.copyOfRange(args, 3, args.length);
        SparkSession spark = SparkSession.builder().appName("plain spark bloomFilter baseline").getOrCreate();
        try {
            long t0 = System.nanoTime();
            Dataset<Row> df = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(files);
            BloomFilter bf = df.stat().bloomFilter(key, expected, fpp);
            long t1 = System.nanoTime();
            Row r = df.agg(count("*"), approx_count_distinct(col(key))).first();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "plain-spark: rows=%d approxDistinct=%d bloomBits=%d bloomMillis=%d countMillis=%d totalMillis=%d%n",
                    r.getLong(0), r.getLong(1), bf.bitSize(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
        } finally {
            spark.stop();
        }
    }
}
