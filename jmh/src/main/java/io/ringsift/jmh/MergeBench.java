package io.ringsift.jmh;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import io.ringsift.partial.ColumnStats;
import io.ringsift.partial.Partial;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
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

/**
 * The reducer's cost: merging two partials, as a function of the filter size. Paid once per handler
 * at the end of a run, so it matters only if it grows to seconds.
 *
 * <pre>
 *   bloomCopy          BloomFilter.copy of the target alone (subtract it)
 *   bloomCopyPutAll    copy + putAll of a second, half-full filter: putAll mutates its target, so
 *                      each invocation starts from a fresh copy (re-OR-ing the same bits would take
 *                      Guava's no-CAS path and flatter the figure)
 *   keySketchUnion     Partial.mergeFrom's HLL step: Union(lgK 16) of two HLL_8 key sketches
 *   columnSketchUnion  --stats full: 8 columns × Union(lgK 12) of HLL_4 sketches
 * </pre>
 * The sketch unions do not depend on the filter size; they are in the same class to be read next to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MergeBench {

    @State(Scope.Thread)
    public static class Filters {
        @Param({"100000", "1000000", "10000000"})
        public long expectedInsertions;

        BloomFilter<KeyHash> a;
        BloomFilter<KeyHash> b;

        @Setup
        public void setup() {
            a = BloomFilter.create(KeyHashFunnel.INSTANCE, expectedInsertions, 0.01);
            b = BloomFilter.create(KeyHashFunnel.INSTANCE, expectedInsertions, 0.01);
            KeyHash h = new KeyHash();
            for (long i = 0; i < expectedInsertions / 2; i++) {
                a.put(h.set(BloomPutBench.mix(i), BloomPutBench.mix(~i)));
                b.put(h.set(BloomPutBench.mix(i + expectedInsertions), BloomPutBench.mix(~(i + expectedInsertions))));
            }
        }
    }

    @State(Scope.Thread)
    public static class Sketches {
        HllSketch key1;
        HllSketch key2;
        HllSketch[] col1 = new HllSketch[8];
        HllSketch[] col2 = new HllSketch[8];

        @Setup
        public void setup() {
            key1 = new HllSketch(16 /* lgK 16: the key sketch size ringsift used before exact counts */, TgtHllType.HLL_8);
            key2 = new HllSketch(16 /* lgK 16: the key sketch size ringsift used before exact counts */, TgtHllType.HLL_8);
            for (long i = 0; i < 500_000; i++) {
                key1.update(BloomPutBench.mix(i));
                key2.update(BloomPutBench.mix(~i));
            }
            for (int c = 0; c < 8; c++) {
                col1[c] = new HllSketch(ColumnStats.LG_K, TgtHllType.HLL_4);
                col2[c] = new HllSketch(ColumnStats.LG_K, TgtHllType.HLL_4);
                for (long i = 0; i < 100_000; i++) {
                    col1[c].update(BloomPutBench.mix(i * 8 + c));
                    col2[c].update(BloomPutBench.mix(~(i * 8 + c)));
                }
            }
        }
    }

    @Benchmark
    public BloomFilter<KeyHash> bloomCopy(Filters f) {
        return f.a.copy();
    }

    @Benchmark
    public BloomFilter<KeyHash> bloomCopyPutAll(Filters f) {
        BloomFilter<KeyHash> t = f.a.copy();
        t.putAll(f.b);
        return t;
    }

    @Benchmark
    public HllSketch keySketchUnion(Sketches s) {
        Union u = new Union(16);
        u.update(s.key1);
        u.update(s.key2);
        return u.getResult(TgtHllType.HLL_8);
    }

    @Benchmark
    public HllSketch[] columnSketchUnion(Sketches s) {
        HllSketch[] out = new HllSketch[8];
        for (int c = 0; c < 8; c++) {
            Union u = new Union(ColumnStats.LG_K);
            u.update(s.col1[c]);
            u.update(s.col2[c]);
            out[c] = u.getResult(TgtHllType.HLL_4);
        }
        return out;
    }
}
