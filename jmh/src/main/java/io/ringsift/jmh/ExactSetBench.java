package io.ringsift.jmh;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.Partial;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The exact key set every hasher handler keeps for exact duplicate and distinct counts
 * ({@link HashPairSet}: 16 bytes a slot, at most 70% full), priced per insert as it fills up to
 * {@code keys} distinct keys, against the Bloom put it sits beside.
 *
 * <pre>
 *   setInsert     HashPairSet.insert of a new key (a table of keys*16/0.7 bytes at most: 2.2 MiB at 1e5, 229 MiB at 1e7)
 *   setRepeat     insert of a key already present (a duplicate): probe only
 *   partialAdd    Partial.add without field statistics: Bloom chain put + exact set + counters, the handler's whole cost
 * </pre>
 * Keys come from a splitmix64 counter, so the input costs no cache misses; each benchmark starts a
 * new set after {@code keys} inserts, so it is measured while filling, as in a run. The bytes per key
 * are printed at tear-down.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ExactSetBench {
    @Param({"100000", "10000000"})
    public int keys;

    HashPairSet set;
    long repeatAt;

    @Setup(Level.Trial)
    public void setUp() {
        set = new HashPairSet();
        for (int i = 0; i < keys; i++) {
            set.insert(mix(i), mix(~i));
        }
    }

    @TearDown(Level.Trial)
    public void bytesPerKey() {
        System.out.printf("%nHashPairSet: %,d keys in %,d bytes = %.1f bytes/key%n", set.size(), set.bytes(),
                (double) set.bytes() / set.size());
    }

    /** splitmix64: uniform 64-bit values from a counter, as murmur3 key hashes are. */
    static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Benchmark
    public int setRepeat() {
        long i = repeatAt++ % keys;
        return set.insert(mix(i), mix(~i));
    }

    @Benchmark
    public void setInsert(Blackhole bh, Fresh fresh) {
        long i = fresh.next++;
        bh.consume(fresh.set.insert(mix(i) ^ 1, mix(~i)));
        if (fresh.set.size() >= keys) {
            fresh.set = new HashPairSet();
        }
    }

    @Benchmark
    public boolean partialAdd(Fresh fresh) {
        long i = fresh.next++;
        boolean seen = fresh.partial.add(mix(i), mix(~i), null, 0);
        if (++fresh.added >= keys) {
            fresh.partial = new Partial(new FilterParams(keys, 0.01), null, null);
            fresh.added = 0;
        }
        return seen;
    }

    /** A set and a partial being filled from empty. */
    @State(Scope.Thread)
    public static class Fresh {
        HashPairSet set = new HashPairSet();
        Partial partial;
        long next = 1L << 40;
        long added;

        @Setup(Level.Trial)
        public void setUp(ExactSetBench b) {
            partial = new Partial(new FilterParams(b.keys, 0.01), null, null);
        }
    }
}
