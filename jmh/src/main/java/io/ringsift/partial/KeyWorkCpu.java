package io.ringsift.partial;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A handler's work on keys, in thread CPU time, laid out five ways in one JVM, round by round: the
 * filter put and the exact-set insert key by key after a batch's prepare pass (what a handler
 * does), all the batch's filter puts first and then its inserts, the filter alone, the exact set
 * alone, and the exact set after a prepare pass. Keys as in the bench files: 20% of them repeat an
 * earlier one; batches of 1,024; the filter and the exact set sized for {@code keys}. Run it alone,
 * then beside another CPU-bound process, to see how much the memory-bound half slows down.
 *
 * <p>{@code java -XX:+UseTransparentHugePages -Xmx8g -cp jmh/target/benchmarks.jar io.ringsift.partial.KeyWorkCpu [keys [rounds]]}
 */
public final class KeyWorkCpu {
    private static final int BATCH = 1024;
    private static final String[] NAMES = {"put, then insert", "all puts, then inserts", "filter only", "exact set only",
        "exact set, prepared"};

    private KeyWorkCpu() {
    }

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BenchKeys stream = BenchKeys.withRepeats(keys, 42);
        long[] lo = stream.lo;
        long[] hi = stream.hi;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ns = new double[NAMES.length][rounds];
        boolean[] fresh = new boolean[BATCH];
        long check = -1;
        for (int round = 0; round <= rounds; round++) {
            for (int v = 0; v < NAMES.length; v++) {
                BloomChain chain = BloomChain.create(new FilterParams(keys, 0.01), 1);
                DuplicateCounter counter = new DuplicateCounter(Long.MAX_VALUE);
                counter.expectRecords(keys);
                long duplicates = 0;
                long t = mx.getCurrentThreadCpuTime();
                for (int b = 0; b < keys; b += BATCH) {
                    int e = Math.min(keys, b + BATCH);
                    switch (v) {
                        case 0 -> {
                            for (int i = b; i < e; i++) {
                                counter.prepare(lo[i], hi[i]);
                            }
                            for (int i = b; i < e; i++) {
                                duplicates += counter.record(lo[i], hi[i], chain.put(lo[i], hi[i]), chain) ? 1 : 0;
                            }
                        }
                        case 1 -> {
                            for (int i = b; i < e; i++) {
                                counter.prepare(lo[i], hi[i]);
                            }
                            for (int i = b; i < e; i++) {
                                fresh[i - b] = chain.put(lo[i], hi[i]);
                            }
                            for (int i = b; i < e; i++) {
                                duplicates += counter.record(lo[i], hi[i], fresh[i - b], chain) ? 1 : 0;
                            }
                        }
                        case 2 -> {
                            for (int i = b; i < e; i++) {
                                duplicates += chain.put(lo[i], hi[i]) ? 0 : 1;
                            }
                        }
                        default -> {
                            if (v == 4) {
                                for (int i = b; i < e; i++) {
                                    counter.prepare(lo[i], hi[i]);
                                }
                            }
                            for (int i = b; i < e; i++) {
                                duplicates += counter.record(lo[i], hi[i], true, chain) ? 1 : 0;
                            }
                        }
                    }
                }
                double perKey = (double) (mx.getCurrentThreadCpuTime() - t) / keys;
                if (round > 0) {
                    ns[v][round - 1] = perKey;
                }
                if (v == 0) {
                    check = duplicates;
                } else if (v != 2 && duplicates != check) {
                    throw new IllegalStateException(NAMES[v] + " counted " + duplicates + " duplicates, not " + check);
                }
            }
        }
        for (int v = 0; v < NAMES.length; v++) {
            Arrays.sort(ns[v]);
            System.out.printf(Locale.ROOT, "%-24s median %4.0f ns a key (min %4.0f, %d rounds, %d keys)%n", NAMES[v],
                    ns[v][rounds / 2], ns[v][0], rounds, keys);
        }
    }
}
