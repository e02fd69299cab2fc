package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.RandomText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Column statistics from UTF-8 bytes (the fast parser) equal those from Strings (Commons CSV). */
class ColumnStatsBytesTest {

    private static final String[] SPECIAL = {"true", "FALSE", "TrUe", "2026-01-03", "2026-01-03T10:15:00Z",
        "2026-01-03 10:15:00.5+01:00", "falſe", "é", "字", "😀", "", " ", "1e5", "-0.5"};

    /** Up to 40 values: any text, number-like text, or one of the type-detection edge cases. */
    static List<String> columnValues(Random r) {
        List<String> values = new ArrayList<>();
        int n = r.nextInt(41);
        for (int i = 0; i < n; i++) {
            values.add(switch (r.nextInt(3)) {
                case 0 -> RandomText.of(r, 12);
                case 1 -> RandomText.from(r, 8, "0123456789.-+eE");
                default -> SPECIAL[r.nextInt(SPECIAL.length)];
            });
        }
        return values;
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bytesAndStringsGiveTheSameFigures(long seed) {
        List<String> raw = columnValues(new Random(seed));
        ColumnStats fromStrings = new ColumnStats(true);
        ColumnStats fromBytes = new ColumnStats(true);
        AsciiView view = new AsciiView();
        for (String r : raw) {
            // what a CSV file can hold: valid UTF-8 (an unpaired surrogate cannot be encoded)
            byte[] b = r.getBytes(StandardCharsets.UTF_8);
            String v = new String(b, StandardCharsets.UTF_8);
            fromStrings.accept(v);
            byte[] padded = new byte[b.length + 4];
            System.arraycopy(b, 0, padded, 2, b.length);
            fromBytes.accept(padded, 2, 2 + b.length, view);
            if (!v.isEmpty()) {
                assertThat(ValueType.of(view.of(padded, 2, 2 + b.length))).as(v).isEqualTo(ValueType.of(v));
            }
            assertThat(ColumnStats.fnv1a64(padded, 2, 2 + b.length)).isEqualTo(ColumnStats.fnv1a64(v));
        }
        assertThat(fromBytes.nonEmpty()).isEqualTo(fromStrings.nonEmpty());
        assertThat(fromBytes.minLength()).isEqualTo(fromStrings.minLength());
        assertThat(fromBytes.maxLength()).isEqualTo(fromStrings.maxLength());
        for (ValueType t : ValueType.values()) {
            assertThat(fromBytes.typeCount(t)).as(t.label).isEqualTo(fromStrings.typeCount(t));
        }
        assertThat(fromBytes.distinctEstimate()).isEqualTo(fromStrings.distinctEstimate());
    }
}
