package io.ringsift.spark;

import io.ringsift.filter.BloomChain;
import io.ringsift.key.KeyHash;
import io.ringsift.partial.Partial;
import java.io.Serial;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * Spark stage 2, reduce side: one partition owns the keys {@code KeyHash.partition(hi, P) == i}
 * and builds its {@link Partial} exactly as local handler i of P does (same filter parameters,
 * same share, its exact key set within its memory share), plus the units' figures routed here.
 */
final class ReduceSide implements FlatMapFunction<Iterator<Tuple2<Integer, Object>>, PartResult> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final TaskSettings s;

    ReduceSide(TaskSettings s) {
        this.s = s;
    }

    @Override
    public Iterator<PartResult> call(Iterator<Tuple2<Integer, Object>> rows) throws Exception {
        Predicate<KeyHash> seenIf = null;
        if (s.reference() != null) {
            // a check: a key is seen when the filter may hold it, as a local check handler answers
            BloomChain filter = s.reference().chain();
            seenIf = h -> filter.mightContain(h.lo, h.hi);
        }
        Partial partial = new Partial(s.params(), s.partitions(), exactBytes(), seenIf, null);
        PartResult result = new PartResult(s, partial);
        while (rows.hasNext()) {
            Object v = rows.next()._2();
            if (v instanceof long[] hashes) {
                for (int i = 0; i < hashes.length; i += 2) {
                    partial.add(hashes[i], hashes[i + 1], null, 0);
                }
            } else {
                result.add((UnitFigures) v);
            }
        }
        return List.of(result).iterator();
    }

    /** --exact-memory over the partitions; by default the local default share (JobSettings) of this executor's heap over its task slots. */
    private long exactBytes() {
        if (s.exactBytes() >= 0) {
            return s.exactBytes();
        }
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        int slots = env == null ? 1 : Math.max(1, env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors()));
        return (long) (Runtime.getRuntime().maxMemory() * io.ringsift.job.JobSettings.DEFAULT_EXACT_MEMORY_SHARE / slots);
    }
}
