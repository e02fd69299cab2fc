package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.ColumnStats;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.partial.ValueType;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.source.UnitResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast parser's reader hands a record's fields to the column statistics straight from the
 * framer's buffer (doubled quotes collapsed in place, ASCII records' lengths taken from their byte
 * counts). Every figure must equal what the same values give as rows parsed by Commons CSV, an
 * independent parser, for values that exercise each of those paths.
 */
class ReaderStatsFromSlicesTest {
    private static final String[] VALUES = {"", "plain", "a,b", "say \"hi\"", "\"\"", "\"", "two\nlines", "crlf\r\nin", "é", "字😀",
        "mixé \"q\" ,", "12", "-3.5", "1e5", "true", "2026-01-03T10:15:00Z", "  padded  ", "x\"\"y", "K1234567890123456789"};

    private static final String[] WIDE = {"é", "字字字", "😀😀", "", "x"};

    @TempDir
    Path dir;

    private static String quoted(String v, Random rnd) {
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return needs || rnd.nextInt(4) == 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void slicesGiveTheFiguresOfCommonsRows(long seed) throws IOException {
        Random rnd = new Random(seed);
        // column u: lengths count chars, not bytes ("字字字" is 3 chars in 9 bytes, "😀😀" 4 chars in 8)
        List<String> names = List.of("k", "a", "b", "c", "u");
        StringBuilder csv = new StringBuilder("k,a,b,c\n");
        for (int r = 0; r < 4000; r++) {
            List<String> row = new ArrayList<>();
            row.add("k" + rnd.nextInt(500));
            for (int c = 1; c < names.size() - 1; c++) {
                row.add(rnd.nextInt(3) == 0 ? Integer.toString(rnd.nextInt(3000)) : VALUES[rnd.nextInt(VALUES.length)] + (rnd.nextBoolean() ? "" : rnd.nextInt(2000)));
            }
            row.add(WIDE[rnd.nextInt(WIDE.length)]);
            List<String> cells = new ArrayList<>();
            for (String v : row) {
                cells.add(quoted(v, rnd));
            }
            csv.append(String.join(",", cells)).append(rnd.nextBoolean() ? "\n" : "\r\n");
        }
        Path file = dir.resolve("slices.csv");
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        int[] all = {0, 1, 2, 3, 4};
        CsvFieldProfile fromSlices = new CsvFieldProfile(names, new int[][] {all}, StatsLevel.FULL);
        CsvFile f = new CsvFile(file, names, new int[] {0}, all, bytes.length, new byte[0]);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false, null, false, fromSlices);
        Sink sink = new Sink();
        UnitResult result = reader.read(new CsvUnit(0, f, 0, bytes.length, 1), sink, rej -> {
            throw new AssertionError("no record here is malformed: " + rej);
        });

        CsvFieldProfile fromCommons = new CsvFieldProfile(names, new int[][] {all}, StatsLevel.FULL);
        long rows = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv.toString())).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                fromCommons.accept(ByteRow.of(rec.values()), 0);
                rows++;
            }
        }
        assertThat(result.records()).isEqualTo(rows);
        assertThat(sink.rows).isEqualTo(rows);
        for (int c = 0; c < names.size(); c++) {
            ColumnStats s = fromSlices.column(c);
            ColumnStats x = fromCommons.column(c);
            assertThat(s.nonEmpty()).as("column %s", c).isEqualTo(x.nonEmpty());
            assertThat(s.empty()).isEqualTo(x.empty());
            assertThat(s.minLength()).isEqualTo(x.minLength());
            assertThat(s.maxLength()).isEqualTo(x.maxLength());
            for (ValueType t : ValueType.values()) {
                assertThat(s.typeCount(t)).as("column %s, %s", c, t.label).isEqualTo(x.typeCount(t));
            }
            assertThat(s.min()).isEqualTo(x.min());
            assertThat(s.max()).isEqualTo(x.max());
            assertThat(s.distinctEstimate()).isEqualTo(x.distinctEstimate());
            assertThat(s.frequent()).isEqualTo(x.frequent());
        }
    }

    /** Stands in for the ring: counts rows and reuses the batch. */
    private static final class Sink implements RecordSink<ByteRow> {
        final RecordBatch<ByteRow> batch = new RecordBatch<>(64);
        long rows;

        @Override
        public RecordBatch<ByteRow> batch() {
            return batch;
        }

        @Override
        public void publish(int unit) {
            rows += batch.size();
            batch.reset(unit);
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    }
}
