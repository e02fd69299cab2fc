package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.ColumnStats.Frequent;
import io.ringsift.record.ByteRow;
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

    /** A checkpoint restores a column's summary exactly, in the exact phase and past it. */
    @ParameterizedTest
    @ValueSource(ints = {500, 20_000})
    void checkpointRoundTripKeepsTheSummary(int rows) throws Exception {
        List<String> names = List.of("v", "n");
        CsvFieldProfile p = new CsvFieldProfile(names, new int[][] {{0, 1}}, StatsLevel.FULL);
        Random rnd = new Random(rows);
        for (int i = 0; i < rows; i++) {
            p.accept(ByteRow.of(rnd.nextInt(4) == 0 ? "hot" : "v" + rnd.nextInt(3000), Integer.toString(rnd.nextInt(1000) - 500)), 0);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        p.writeTo(new java.io.DataOutputStream(bytes));
        CsvFieldProfile q = new CsvFieldProfile(names, new int[][] {{0, 1}}, StatsLevel.FULL);
        q.readFrom(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        for (int c = 0; c < 2; c++) {
            ColumnStats a = p.column(c);
            ColumnStats b = q.column(c);
            assertThat(b.min()).isEqualTo(a.min());
            assertThat(b.max()).isEqualTo(a.max());
            assertThat(b.empty()).isEqualTo(a.empty());
            assertThat(b.distinctExact()).isEqualTo(a.distinctExact());
            assertThat(b.distinctEstimate()).isEqualTo(a.distinctEstimate());
            assertThat(b.frequent()).isEqualTo(a.frequent());
            assertThat(b.frequentMaxError()).isEqualTo(a.frequentMaxError());
        }
        assertThat(p.column(0).distinctExact()).isEqualTo(rows < 1000);
        assertThat(p.column(0).frequent().get(0).value()).isEqualTo("hot");
    }
}
