package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringsift.partial.ColumnStats.Frequent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ColumnStats} against a plain model written the obvious way (strings, a HashMap,
 * BigDecimal): the hot path skips the length, type and extremes of a value its table already
 * holds, keeps a value's bytes only from its second occurrence once a column has spilled, and
 * restores from a checkpoint; none of that may change a figure. Each seed mixes a cardinality
 * (few values, some hundreds, past the exact table) with repeats, empties, numbers, dates and
 * non-ASCII text, and feeds the values to one instance, to three merged ones, and to one that is
 * checkpointed and restored half-way.
 */
class ColumnStatsModelTest {
    private static final String[] SHAPES = {"true", "FALSE", "2026-01-03", "2026-01-03T10:15:00Z", "é", "字", "😀", "",
        "1e5", "-0.5", "0", "-0", "0.0", "1.00", "12345678901234567890", "+7", ".5", "K0000000001", "K0000000002"};

    private static String value(Random rnd, int cardinality) {
        int k = rnd.nextInt(cardinality);
        return switch (k % 5) {
            case 0 -> SHAPES[k % SHAPES.length];
            case 1 -> Integer.toString(k - cardinality / 2);
            case 2 -> (k / 7) + "." + (k % 100);
            case 3 -> "name-" + k + (k % 3 == 0 ? "é" : "");
            default -> "2026-0" + (1 + k % 9) + "-1" + (k % 10);
        };
    }

    @ParameterizedTest
    @CsvSource({"1, 20, 5000", "2, 400, 20000", "3, 3000, 30000", "4, 100000, 30000", "5, 7, 100"})
    void figuresEqualThePlainModel(long seed, int cardinality, int rows) throws IOException {
        Random rnd = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(value(rnd, cardinality));
        }
        ColumnStats whole = feed(values, 0, rows, new ColumnStats(true));
        ColumnStats merged = feed(values, 0, rows / 3, new ColumnStats(true));
        ColumnStats part2 = feed(values, rows / 3, 2 * rows / 3, new ColumnStats(true));
        ColumnStats part3 = feed(values, 2 * rows / 3, rows, new ColumnStats(true));
        merged.mergeFrom(part2);
        merged.mergeFrom(part3);
        ColumnStats restored = restore(feed(values, 0, rows / 2, new ColumnStats(true)));
        feed(values, rows / 2, rows, restored);
        ColumnStats basic = feed(values, 0, rows, new ColumnStats(false));

        Model model = new Model(values);
        for (ColumnStats s : List.of(whole, merged, restored, basic)) {
            assertThat(s.nonEmpty()).isEqualTo(model.nonEmpty);
            assertThat(s.empty()).isEqualTo(model.empty);
            for (ValueType t : ValueType.values()) {
                assertThat(s.typeCount(t)).as(t.label).isEqualTo(model.types.getOrDefault(t, 0L));
            }
            assertThat(s.minLength()).isEqualTo(model.minLength);
            assertThat(s.maxLength()).isEqualTo(model.maxLength);
            assertThat(s.min()).isEqualTo(model.min());
            assertThat(s.max()).isEqualTo(model.max());
        }
        int distinct = model.counts.size();
        for (ColumnStats s : List.of(whole, merged, restored)) {
            if (distinct <= ValueCounts.EXACT_LIMIT) {
                assertThat(s.distinctExact()).isTrue();
                assertThat(s.distinctEstimate()).isEqualTo(distinct);
                assertThat(s.frequent()).isEqualTo(model.top());
            } else {
                assertThat(s.distinctExact()).isFalse();
                // a 95% interval misses the truth one time in twenty (boundsCoverTheTruth counts
                // how often); one column's estimate is only held to four standard errors
                double halfWidth = (s.distinctUpperBound() - s.distinctLowerBound()) / 2;
                assertThat(s.distinctEstimate()).isBetween(s.distinctLowerBound(), s.distinctUpperBound());
                assertThat(s.distinctEstimate()).isCloseTo(distinct, within(2 * halfWidth));
                for (Frequent f : s.frequent()) {
                    long truth = model.counts.get(f.value());
                    assertThat(truth).as(f.value()).isBetween(f.lowerBound(), f.upperBound());
                }
            }
        }
        // the restored run reports what the uninterrupted run reports; past the exact table the HLL
        // estimate depends on the order values reached it, so it is compared within its bounds
        assertThat(restored.frequent()).isEqualTo(whole.frequent());
        assertThat(restored.distinctEstimate()).isBetween(whole.distinctLowerBound(), whole.distinctUpperBound());
    }

    /**
     * Past the exact table the distinct count is an estimate with ~95% bounds: over many columns,
     * the bounds hold the true count about 19 times in 20 (a binomial 190 of 200; below 180 is
     * three standard deviations off).
     */
    @Test
    void boundsCoverTheTruth() {
        int inside = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            ColumnStats s = new ColumnStats(true);
            Set<String> truth = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                String v = value(rnd, 100_000);
                truth.add(v);
                s.accept(v);
            }
            assertThat(s.distinctExact()).isFalse();
            if (s.distinctLowerBound() <= truth.size() && truth.size() <= s.distinctUpperBound()) {
                inside++;
            }
        }
        assertThat(inside).isBetween(180, 200);
    }

    private static ColumnStats feed(List<String> values, int from, int to, ColumnStats s) {
        for (int i = from; i < to; i++) {
            s.accept(values.get(i));
        }
        return s;
    }

    private static ColumnStats restore(ColumnStats s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeTo(new DataOutputStream(bytes));
        ColumnStats r = new ColumnStats(true);
        r.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return r;
    }

    /** The figures computed the obvious way. */
    private static final class Model {
        long nonEmpty;
        long empty;
        int minLength = -1;
        int maxLength;
        final Map<ValueType, Long> types = new HashMap<>();
        final Map<String, Long> counts = new HashMap<>();
        String shortest;
        String longest;
        String low;
        String high;

        Model(List<String> values) {
            for (String v : values) {
                minLength = minLength < 0 ? v.length() : Math.min(minLength, v.length());
                maxLength = Math.max(maxLength, v.length());
                if (v.isEmpty()) {
                    empty++;
                    continue;
                }
                nonEmpty++;
                counts.merge(v, 1L, Long::sum);
                ValueType t = ValueType.of(v);
                types.merge(t, 1L, Long::sum);
                if (shortest == null || byLengthThenCodePoints(v, shortest) < 0) {
                    shortest = v;
                }
                if (longest == null || byLengthThenCodePoints(v, longest) > 0) {
                    longest = v;
                }
                if (t == ValueType.INTEGER || t == ValueType.DECIMAL) {
                    if (low == null || new BigDecimal(v).compareTo(new BigDecimal(low)) < 0) {
                        low = v;
                    }
                    if (high == null || new BigDecimal(v).compareTo(new BigDecimal(high)) > 0) {
                        high = v;
                    }
                }
            }
        }

        private boolean byNumber() {
            ValueType best = null;
            for (ValueType t : ValueType.values()) {
                long c = types.getOrDefault(t, 0L);
                if (c > 0 && (best == null || c > types.get(best))) {
                    best = t;
                }
            }
            return (best == ValueType.INTEGER || best == ValueType.DECIMAL) && low != null;
        }

        String min() {
            return byNumber() ? low : shortest;
        }

        String max() {
            return byNumber() ? high : longest;
        }

        List<Frequent> top() {
            return counts.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                            .thenComparing(Map.Entry::getKey, ColumnStatsModelTest::codePointOrder))
                    .limit(ValueCounts.TOP)
                    .map(e -> new Frequent(e.getKey(), e.getValue(), e.getValue(), e.getValue()))
                    .toList();
        }
    }

    private static int byLengthThenCodePoints(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : codePointOrder(a, b);
    }

    private static int codePointOrder(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
