package io.ringsift.jmh;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.KeyBloom;
import io.ringsift.partial.Partial;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a hasher handler pays per row it owns, from a precomputed 128-bit key hash, as a function of
 * the filter size (fpp 0.01: ~9.6 bits and 7 probes per key; 1e5 keys = 117 KiB fits in L2, 1e7
 * keys = 11.4 MiB does not).
 *
 * <p>Hashes come from a splitmix64 counter (a few ns, measured alone as {@code baseline}) instead of
 * an array, so the input itself costs no cache misses. A filter that kept growing past its expected
 * insertions would end up all ones, and Guava's {@code set} skips the CAS for bits already set —
 * flattering the figure. So every benchmark starts a new filter after {@code expectedInsertions}
 * puts: the filter is on average half full, as during a real run; the allocation is amortised to
 * well under 1 ns per put.
 *
 * <pre>
 *   baseline        the splitmix64 hash source alone (subtract it)
 *   putKeyHash      BloomFilter&lt;KeyHash&gt;.put with a reused KeyHash: Guava re-hashes the 16 bytes, sets 7 bits
 *   mightContain    the same probes, read only
 *   hllUpdate       the key-sketch update (HLL lgK 16) every row also pays
 *   partialAdd      Partial.add without field stats: put + HLL + counters (the handler's whole per-row cost)
 *   keyBloomPut     {@link KeyBloom} (what Partial uses): the same bits and file bytes as Guava's filter without
 *                   the per-put hasher/HashCode allocations, CAS and LongAdder (checked bit for bit in setup)
 *   putString       WRONG for a pipeline: BloomFilter&lt;CharSequence&gt; re-hashes the key text on every put,
 *                   so the hash cannot be computed once in the reader and reused for routing
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class BloomPutBench {
    @Param({"100000", "10000000"})
    public long expectedInsertions;

    BloomFilter<KeyHash> bloom;
    KeyBloom plain;
    BloomFilter<CharSequence> stringBloom;
    Partial partial;
    HllSketch hll;
    final KeyHash scratch = new KeyHash();
    long counter;
    long filled;
    String[] keys;

    @Setup
    public void setup() {
        bloom = newBloom();
        plain = new KeyBloom(new FilterParams(expectedInsertions, 0.01));
        for (long i = 0; i < 20_000; i++) {
            long lo = mix(~i);
            long hi = mix(i * 31);
            if (bloom.put(scratch.set(lo, hi)) != plain.put(lo, hi)) {
                throw new IllegalStateException("KeyBloom.put answers differently from Guava at key " + i);
            }
        }
        if (!plain.toGuava().equals(bloom)) {
            throw new IllegalStateException("KeyBloom bits differ from Guava's");
        }
        bloom = newBloom();
        plain = new KeyBloom(new FilterParams(expectedInsertions, 0.01));
        stringBloom = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expectedInsertions, 0.01);
        partial = new Partial(new FilterParams(expectedInsertions, 0.01), null, null);
        hll = new HllSketch(16 /* lgK 16: the key sketch size ringsift used before exact counts */, TgtHllType.HLL_8);
        keys = new String[1 << 20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "K" + (1_000_000_000L + Long.remainderUnsigned(mix(i), 9_000_000_000L));
        }
    }

    private BloomFilter<KeyHash> newBloom() {
        return BloomFilter.create(KeyHashFunnel.INSTANCE, expectedInsertions, 0.01);
    }

    /** splitmix64 finaliser: a uniform 64-bit value from a counter. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private boolean refill() {
        if (++filled == expectedInsertions) {
            filled = 0;
            return true;
        }
        return false;
    }

    @Benchmark
    public long baseline() {
        long c = counter++;
        refill();
        return mix(c) ^ mix(c + 0x9E3779B97F4A7C15L);
    }

    @Benchmark
    public boolean putKeyHash() {
        long c = counter++;
        if (refill()) {
            bloom = newBloom();
        }
        return bloom.put(scratch.set(mix(c), mix(c + 0x9E3779B97F4A7C15L)));
    }

    @Benchmark
    public boolean keyBloomPut() {
        long c = counter++;
        if (refill()) {
            plain = new KeyBloom(new FilterParams(expectedInsertions, 0.01));
        }
        return plain.put(mix(c), mix(c + 0x9E3779B97F4A7C15L));
    }

    @Benchmark
    public boolean mightContain() {
        long c = counter++;
        if (refill()) {
            // alternate puts keep the filter half full on average, like putKeyHash
            bloom = newBloom();
        }
        if ((c & 1) == 0) {
            bloom.put(scratch.set(mix(c + 1), mix(c + 1 + 0x9E3779B97F4A7C15L)));
        }
        return bloom.mightContain(scratch.set(mix(c), mix(c + 0x9E3779B97F4A7C15L)));
    }

    @Benchmark
    public void hllUpdate(Blackhole bh) {
        long c = counter++;
        refill();
        hll.update(mix(c));
        bh.consume(hll);
    }

    @Benchmark
    public boolean partialAdd() {
        long c = counter++;
        if (refill()) {
            partial = new Partial(new FilterParams(expectedInsertions, 0.01), null, null);
        }
        return partial.add(mix(c), mix(c + 0x9E3779B97F4A7C15L), null, 0);
    }

    /** Keys are 1M distinct strings taken in order; the filter restarts every min(expectedInsertions, 1M) puts so keys stay new. */
    @Benchmark
    public boolean putString() {
        long c = counter++;
        int i = (int) (c % Math.min(expectedInsertions, keys.length));
        if (i == 0) {
            stringBloom = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expectedInsertions, 0.01);
        }
        return stringBloom.put(keys[i]);
    }
}
