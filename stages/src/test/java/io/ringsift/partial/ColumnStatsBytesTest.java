package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Column statistics from byte rows (the fast parser) equal those from String rows (Commons CSV). */
class ColumnStatsBytesTest {
    private static final String[] SPECIAL = {"true", "FALSE", "TrUe", "2026-01-03", "2026-01-03T10:15:00Z",
        "2026-01-03 10:15:00.5+01:00", "falſe", "é", "字", "😀", "", " ", "1e5", "-0.5", "0", "-0", "0.0", "12345678901234567890",
        "1.00000000000000000001", "+7", ".5", "5."};
    private static final String CHARS = "0123456789.-+eEaz é字😀";

    private static String value(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> SPECIAL[rnd.nextInt(SPECIAL.length)];
            case 1 -> Integer.toString(rnd.nextInt(2000) - 1000) + (rnd.nextBoolean() ? "." + rnd.nextInt(100) : "");
            default -> {
                StringBuilder sb = new StringBuilder();
                for (int i = rnd.nextInt(12); i > 0; i--) {
                    sb.appendCodePoint(CHARS.codePointAt(CHARS.offsetByCodePoints(0, rnd.nextInt(CHARS.codePointCount(0, CHARS.length())))));
                }
                yield sb.toString();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void bytesAndStringsGiveTheSameFigures(long seed) {
        Random rnd = new Random(seed);
        List<String> names = List.of("a", "b");
        CsvFieldProfile fromStrings = new CsvFieldProfile(names, new int[][] {{0, 1}}, StatsLevel.FULL);
        CsvFieldProfile fromBytes = new CsvFieldProfile(names, new int[][] {{0, 1}}, StatsLevel.FULL);
        RecordBatch<ByteRow> batch = new RecordBatch<>(1);
        for (int r = 0; r < 3000; r++) {
            String[] row = {value(rnd), value(rnd)};
            fromStrings.accept(ByteRow.of(row), 0);   // the Commons CSV path: strings encoded into a batch
            int f = batch.fieldMark();
            int a = batch.arenaMark();
            for (String v : row) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                batch.addField(b, 0, b.length);
            }
            ByteRow br = batch.endRow(f, a);
            fromBytes.accept(br, 0);
            batch.reset(0);
        }
        for (int c = 0; c < 2; c++) {
            ColumnStats s = fromStrings.column(c);
            ColumnStats b = fromBytes.column(c);
            assertThat(b.nonEmpty()).isEqualTo(s.nonEmpty());
            assertThat(b.empty()).isEqualTo(s.empty());
            assertThat(b.minLength()).isEqualTo(s.minLength());
            assertThat(b.maxLength()).isEqualTo(s.maxLength());
            for (ValueType t : ValueType.values()) {
                assertThat(b.typeCount(t)).as(t.label).isEqualTo(s.typeCount(t));
            }
            assertThat(b.min()).isEqualTo(s.min());
            assertThat(b.max()).isEqualTo(s.max());
            assertThat(b.distinctEstimate()).isEqualTo(s.distinctEstimate());
            assertThat(b.frequent()).isEqualTo(s.frequent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "12", "-12.5", "+7", ".5", "5.", "0.1", "123456789012345", "1234567890123456789",
        "1e5", "-2.5E-3", "3.14159265358979323846", "0.0000000000000000000001", "99999999999999999999.9"})
    void fastNumberParseIsCorrectlyRounded(String v) {
        byte[] b = v.getBytes(StandardCharsets.US_ASCII);
        assertThat(ColumnStats.parseNumber(b, 0, b.length)).isEqualTo(Double.parseDouble(v));
    }
}
