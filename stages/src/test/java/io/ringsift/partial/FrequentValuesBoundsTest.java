package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.ColumnStats.Frequent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Past {@link ValueCounts#EXACT_LIMIT} distinct values the frequent values come from the sketch:
 * every reported value's true count lies within its bounds, the heavy values are all found, and
 * the figures say they are estimates. Seeded, so a failure replays.
 */
class FrequentValuesBoundsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void boundsHoldAndHeavyValuesAreFound(long seed) {
        Random rnd = new Random(seed);
        Map<String, Long> truth = new HashMap<>();
        ColumnStats one = new ColumnStats(true);
        ColumnStats other = new ColumnStats(true);
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            int p = rnd.nextInt(100);
            // three heavy values (20%, 10%, 5%), a medium set of 200, and a long tail of unique values
            String v = p < 20 ? "heavy-a" : p < 30 ? "heavy-b" : p < 35 ? "heavy-c" : p < 60 ? "m" + rnd.nextInt(200) : "u" + i;
            truth.merge(v, 1L, Long::sum);
            (rnd.nextBoolean() ? one : other).accept(v);
        }
        one.mergeFrom(other);
        assertThat(one.distinctExact()).isFalse();
        long maxError = one.frequentMaxError();
        assertThat(maxError).isPositive();
        List<Frequent> top = one.frequent();
        assertThat(top).extracting(Frequent::value).startsWith("heavy-a", "heavy-b", "heavy-c");
        for (Frequent f : top) {
            long real = truth.get(f.value());
            assertThat(real).as(f.value()).isBetween(f.lowerBound(), f.upperBound());
            assertThat(f.upperBound() - f.lowerBound()).isLessThanOrEqualTo(maxError);
        }
        // distinct: 3 + 200 + about 24,000 unique, within the HLL's 95% bounds (checked against the truth)
        assertThat((double) truth.size()).isBetween(one.distinctLowerBound() * 0.98, one.distinctUpperBound() * 1.02);
    }
}
