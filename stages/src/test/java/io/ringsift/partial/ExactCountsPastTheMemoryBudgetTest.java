package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterParams;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact counts within the memory budget, honest estimates past it: duplicate figures against a
 * HashSet recount of the same keys, and the 95% interval's coverage over 100 seeded runs.
 */
class ExactCountsPastTheMemoryBudgetTest {

    /** Keys drawn from a pool so that about a third of the records repeat an earlier key. */
    private static long[][] keys(long seed, int records) {
        SplittableRandom r = new SplittableRandom(seed);
        int pool = records * 2 / 3;
        long[][] k = new long[records][];
        for (int i = 0; i < records; i++) {
            long id = r.nextInt(pool);
            // murmur-like spread of a small id, as real key hashes are
            SplittableRandom h = new SplittableRandom(id * 0x9E3779B97F4A7C15L + seed);
            k[i] = new long[] {h.nextLong(), h.nextLong()};
        }
        return k;
    }

    private static long trueDuplicates(long[][] keys) {
        HashSet<List<Long>> seen = new HashSet<>();
        long d = 0;
        for (long[] k : keys) {
            if (!seen.add(List.of(k[0], k[1]))) {
                d++;
            }
        }
        return d;
    }

    /** Partitions keys over {@code handlers} partials as the ring does, merges, and returns the counts. */
    private static KeyCounts run(long[][] keys, int handlers, long budgetPerHandler, FilterParams params) {
        Partial[] parts = IntStream.range(0, handlers).mapToObj(i -> new Partial(params, handlers, budgetPerHandler, null, null))
                .toArray(Partial[]::new);
        for (long[] k : keys) {
            parts[io.ringsift.key.KeyHash.partition(k[1], handlers)].add(k[0], k[1], null, 0);
        }
        for (int i = 1; i < handlers; i++) {
            parts[0].mergeFrom(parts[i]);
        }
        return parts[0].counts();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void withinTheBudgetTheCountsEqualAHashSetRecount(int handlers) {
        long[][] keys = keys(handlers, 60_000);
        // a small, high-fpp filter: raw Bloom answers would be far off
        KeyCounts c = run(keys, handlers, Partial.UNLIMITED, new FilterParams(1_000, 0.2));
        assertThat(c.method()).isEqualTo(KeyCounts.EXACT);
        assertThat(c.duplicateRecords()).isEqualTo(trueDuplicates(keys));
        assertThat(c.duplicatesLow()).isEqualTo(c.duplicatesHigh()).isEqualTo(c.duplicateRecords());
        assertThat(c.distinctKeys()).isEqualTo(keys.length - trueDuplicates(keys));
    }

    @Test
    void pastTheBudgetTheIntervalHoldsTheTruthInAtLeast95Of100SeededRuns() {
        int covered = 0;
        int estimates = 0;
        for (long seed = 1; seed <= 100; seed++) {
            long[][] keys = keys(seed, 20_000);
            // 16 KiB per handler holds ~700 keys: most of the 13k distinct keys are counted from Bloom answers,
            // with an fpp high enough (0.05) for false positives to matter
            KeyCounts c = run(keys, 2, 16 * 1024, new FilterParams(20_000, 0.05));
            long truth = trueDuplicates(keys);
            if (c.method().equals(KeyCounts.ESTIMATE)) {
                estimates++;
            }
            if (c.duplicatesLow() <= truth && truth <= c.duplicatesHigh()) {
                covered++;
            }
            assertThat(c.duplicatesLow()).isLessThanOrEqualTo(c.duplicateRecords());
            assertThat(c.duplicateRecords()).isLessThanOrEqualTo(c.duplicatesHigh());
            assertThat(c.distinctHigh()).isLessThanOrEqualTo(c.records());
        }
        assertThat(estimates).isEqualTo(100);
        assertThat(covered).isGreaterThanOrEqualTo(95);
    }

    @Test
    void theIntervalIsUsefullyNarrow() {
        long[][] keys = keys(7, 20_000);
        KeyCounts c = run(keys, 2, 16 * 1024, new FilterParams(20_000, 0.01));
        long truth = trueDuplicates(keys);
        assertThat(c.method()).isEqualTo(KeyCounts.ESTIMATE);
        // about 13k new keys at fpp <= 1%: an interval of a few hundred, not of thousands
        assertThat(c.duplicatesHigh() - c.duplicatesLow()).isLessThan(200);
        assertThat(Math.abs(c.duplicateRecords() - truth)).isLessThan(100);
    }
}
