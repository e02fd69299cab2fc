package io.ringsift.jmh;

import io.ringsift.key.Murmur3;
import io.ringsift.filter.BloomGeometry;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12, lever 5: does batching a slot's Bloom inserts pay? A SKETCH with KeyBloom's exact bit
 * arithmetic (murmur3 of the 16 hash bytes, then {@code g_i = h1 + i*h2}, bit {@code (g_i & MAX) % bits})
 * over a plain {@code long[]}, so the engine class is not touched while it moves:
 * <pre>
 *   mode=ONE_BY_ONE  KeyBloom.put as it is: per key, 7 probes, check-and-set each
 *   mode=TOUCH_FIRST per batch of {@value #BATCH} keys: first compute every key's bit indexes and read their words
 *                    (independent loads, so the cache misses overlap), then check-and-set the kept indexes key by
 *                    key in order, as ONE_BY_ONE does (same bits, same "changed" answers, duplicates within a
 *                    batch included)
 * </pre>
 * Both report the count of keys whose put changed a bit, checked equal in setup. Keys come from an
 * array of {@value #KEYS} precomputed hashes; a new filter starts whenever {@code expectedInsertions}
 * keys went in, so it is on average half full.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class BloomBatchBench {
    static final int KEYS = 1 << 16;
    static final int BATCH = 64;

    @Param({"100000", "10000000"})
    public long expectedInsertions;

    @Param({"ONE_BY_ONE", "TOUCH_FIRST"})
    public String mode;

    long[] lo = new long[KEYS];
    long[] hi = new long[KEYS];
    long[] data;
    long bitSize;
    int k;
    long inserted;
    final long[] h = new long[2];
    final long[] indexes = new long[BATCH * 32];

    @Setup
    public void setup() {
        long x = 42;
        for (int i = 0; i < KEYS; i++) {
            lo[i] = x = mix(x);
            hi[i] = x = mix(x);
            if (i % 5 == 4) {   // 20% repeats, as in the bench data
                lo[i] = lo[i / 2];
                hi[i] = hi[i / 2];
            }
        }
        BloomGeometry g = BloomGeometry.predicted(expectedInsertions, 0.01);
        k = g.hashFunctions();
        data = new long[g.words()];
        bitSize = (long) data.length * 64;
        long a = oneByOne();
        data = new long[g.words()];
        long b = touchFirst();
        if (a != b) {
            throw new IllegalStateException("batched puts changed " + b + " keys, one by one " + a);
        }
        data = new long[g.words()];
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void roll() {
        inserted += KEYS;
        if (inserted >= expectedInsertions) {
            Arrays.fill(data, 0);
            inserted = 0;
        }
    }

    boolean put(long l, long hh) {
        Murmur3.twoLongs(l, hh, h);
        long combined = h[0];
        long step = h[1];
        boolean changed = false;
        for (int i = 0; i < k; i++) {
            long index = (combined & Long.MAX_VALUE) % bitSize;
            int word = (int) (index >>> 6);
            long mask = 1L << index;
            long old = data[word];
            if ((old & mask) == 0) {
                data[word] = old | mask;
                changed = true;
            }
            combined += step;
        }
        return changed;
    }

    long oneByOne() {
        long changed = 0;
        for (int i = 0; i < KEYS; i++) {
            if (put(lo[i], hi[i])) {
                changed++;
            }
        }
        return changed;
    }

    long touchFirst() {
        long changed = 0;
        long sink = 0;
        final long[] ix = indexes;
        for (int b = 0; b < KEYS; b += BATCH) {
            int w = 0;
            for (int i = b; i < b + BATCH; i++) {
                Murmur3.twoLongs(lo[i], hi[i], h);
                long combined = h[0];
                for (int j = 0; j < k; j++) {
                    long index = (combined & Long.MAX_VALUE) % bitSize;
                    ix[w++] = index;
                    sink += data[(int) (index >>> 6)];   // independent loads: the misses overlap
                    combined += h[1];
                }
            }
            w = 0;
            for (int i = b; i < b + BATCH; i++) {
                boolean c = false;
                for (int j = 0; j < k; j++) {
                    long index = ix[w++];
                    int word = (int) (index >>> 6);
                    long mask = 1L << index;
                    long old = data[word];
                    if ((old & mask) == 0) {
                        data[word] = old | mask;
                        c = true;
                    }
                }
                if (c) {
                    changed++;
                }
            }
        }
        return changed + (sink == 42 ? 1 : 0);
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long put() {
        long c = mode.equals("ONE_BY_ONE") ? oneByOne() : touchFirst();
        roll();
        return c;
    }
}
