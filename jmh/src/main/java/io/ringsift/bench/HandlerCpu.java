package io.ringsift.bench;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.BenchKeys;
import io.ringsift.partial.Partial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one hasher handler costs a row in thread CPU time, with and without the prepare pass
 * ({@code RowConsumer.prepare}: load every row's exact-set slot and filter words for a batch before
 * inserting any), alternating in one JVM. Keys as in the bench files: 20% of rows repeat an earlier
 * key; {@code keys} rows in batches of {@value #BATCH}, a fresh {@link Partial} per round (no field
 * statistics), sized like a run's for that many keys at fpp 0.01. The time includes building the
 * filter from the exact set at the end ({@code Partial.finishFilter}, here on one thread).
 *
 * <p>{@code java -cp jmh/target/benchmarks.jar io.ringsift.bench.HandlerCpu [keys] [rounds]}
 */
public final class HandlerCpu {
    static final int BATCH = 512;

    private HandlerCpu() {
    }

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BenchKeys stream = BenchKeys.withRepeats(keys, 42);
        long[] lo = stream.lo;
        long[] hi = stream.hi;
        String[] names = {"accept only", "prepare, then accept"};
        List<List<Double>> results = List.of(new ArrayList<>(), new ArrayList<>());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long check = -1;
        for (int round = 0; round <= rounds; round++) {
            for (int v = 0; v < 2; v++) {
                Partial<Object> p = new Partial<>(new FilterParams(keys, 0.01), null, null);
                long t = mx.getCurrentThreadCpuTime();
                for (int b = 0; b < keys; b += BATCH) {
                    int end = Math.min(keys, b + BATCH);
                    if (v == 1) {
                        for (int i = b; i < end; i++) {
                            p.prepare(lo[i], hi[i]);
                        }
                    }
                    for (int i = b; i < end; i++) {
                        p.add(lo[i], hi[i], null, 0);
                    }
                }
                p.finishFilter(1);   // the filter a partial builds from its exact set at the end, on this thread
                double ns = (double) (mx.getCurrentThreadCpuTime() - t) / keys;
                long distinct = p.counts().distinctKeys();
                if (check >= 0 && distinct != check) {
                    throw new IllegalStateException("variants disagree: " + distinct + " vs " + check + " distinct");
                }
                check = distinct;
                if (round > 0) {
                    results.get(v).add(ns);
                }
            }
        }
        for (int v = 0; v < 2; v++) {
            List<Double> r = results.get(v);
            Collections.sort(r);
            System.out.printf(Locale.ROOT, "%-22s median %5.0f ns/row CPU (min %5.0f, %d rounds, %d keys, %d distinct)%n",
                    names[v], r.get(r.size() / 2), r.get(0), r.size(), keys, check);
        }
    }
}
