package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast parser against Apache Commons CSV, on random input: random quoting, delimiters, line
 * endings, a BOM, and (sometimes) invalid bytes and broken quotes.
 *
 * <p>Each property runs twice: on 300 inputs from a seeded generator that knows CSV (every build),
 * and as a Jazzer {@code @FuzzTest} on raw bytes, read in each of the four delimiters. {@code mvn
 * verify} replays the fuzz corpus in {@code CsvDifferentialPropertiesTestInputs/<method>/} (plain
 * CSV files); {@code bench/fuzz.sh} fuzzes for real and adds what it finds there.
 */
class CsvDifferentialPropertiesTest {

    /** What a cursor made of one record: accepted values or a reject, and the line it starts on. */
    record Row(long line, List<String> values, boolean rejected) {}

    static List<Row> read(byte[] bytes, CsvDialect d, CsvParser parser) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, d);
        int columns = new FastRowCursor(new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, d), -1).next()
                ? firstCount(bytes, d) : 0;
        RowCursor c = parser == CsvParser.FAST ? new FastRowCursor(f, columns) : new CommonsRowCursor(f, d, columns, false);
        List<Row> out = new ArrayList<>();
        while (c.next()) {
            out.add(c.rejectReason() == null ? new Row(c.line(), List.of(c.values()), false) : new Row(c.line(), null, true));
        }
        return out;
    }

    private static int firstCount(byte[] bytes, CsvDialect d) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, d);
        f.next();
        return f.fieldCount();
    }

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    static void assertFastAndCommonsAgree(byte[] bytes, CsvDialect d) throws IOException {
        List<Row> fast = read(bytes, d, CsvParser.FAST);
        List<Row> commons = read(bytes, d, CsvParser.COMMONS);
        // the commons cursor reports rejects found while it reads ahead before earlier good rows: compare as sorted by line
        fast.sort(Comparator.comparingLong(Row::line));
        commons.sort(Comparator.comparingLong(Row::line));
        assertThat(commons).isEqualTo(fast);
    }

    /** Input without a single reject parses exactly as a plain Commons CSV parse of the whole text does. */
    static void assertCleanInputParsesLikePlainCommonsCsv(byte[] bytes, CsvDialect d) throws IOException {
        List<Row> fast = read(bytes, d, CsvParser.FAST);
        if (fast.stream().anyMatch(Row::rejected)) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(d.delimiter()).setQuote(d.quote())
                .setIgnoreEmptyLines(true).get();
        List<List<String>> reference = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : p) {
                reference.add(List.of(r.values()));
            }
        }
        assertThat(fast).extracting(Row::values).isEqualTo(reference);
    }

    static void assertTheBoundaryScannerFindsExactlyTheFramersRecordStarts(byte[] bytes, CsvDialect d) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, d);
        List<BoundaryScanner.Cut> expected = new ArrayList<>();
        while (f.next()) {
            if (f.recordOffset() >= 1) {
                expected.add(new BoundaryScanner.Cut(f.recordOffset(), f.recordLine()));
            }
        }
        // step 1: every record start after offset 0 is a cut
        assertThat(BoundaryScanner.cuts(new ByteArrayInputStream(bytes), bytes.length, 1, d)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fastAndCommonsAgreeOnEveryRecordAndLine(long seed) throws IOException {
        Input in = input(new Random(seed), true);
        assertFastAndCommonsAgree(in.bytes, in.dialect);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void validInputParsesExactlyLikeAPlainCommonsCsvParse(long seed) throws IOException {
        Input in = input(new Random(seed), false);
        assertThat(read(in.bytes, in.dialect, CsvParser.FAST)).as("%s", in).noneMatch(Row::rejected);
        assertCleanInputParsesLikePlainCommonsCsv(in.bytes, in.dialect);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theBoundaryScannerFindsExactlyTheFramersRecordStarts(long seed) throws IOException {
        Input in = input(new Random(seed), true);
        assertTheBoundaryScannerFindsExactlyTheFramersRecordStarts(in.bytes, in.dialect);
    }

    @FuzzTest
    void fastAndCommonsAgree(byte[] csv) throws IOException {
        for (char d : DELIMITERS) {
            assertFastAndCommonsAgree(csv, CsvDialect.rfc4180().withDelimiter(d));
        }
    }

    @FuzzTest
    void cleanInputParsesLikePlainCommonsCsv(byte[] csv) throws IOException {
        for (char d : DELIMITERS) {
            assertCleanInputParsesLikePlainCommonsCsv(csv, CsvDialect.rfc4180().withDelimiter(d));
        }
    }

    @FuzzTest
    void boundaryScannerFindsTheFramersRecordStarts(byte[] csv) throws IOException {
        for (char d : DELIMITERS) {
            assertTheBoundaryScannerFindsExactlyTheFramersRecordStarts(csv, CsvDialect.rfc4180().withDelimiter(d));
        }
    }

    /** Generated CSV bytes and the dialect they are written in. */
    record Input(byte[] bytes, CsvDialect dialect) {
        @Override
        public String toString() {
            return dialect.delimiter() + "|" + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    private static final String[] EOLS = {"\n", "\r\n", "\r"};
    private static final String PLAIN = "abc xyz019";
    private static final String NASTY = "a,;|\t\"\n\r é字😀";

    /** 1..12 rows of 1..4 fields in a random dialect, line ending and BOM; with {@code damage}, some things broken. */
    static Input input(Random r, boolean damage) {
        char d = DELIMITERS[r.nextInt(DELIMITERS.length)];
        String eol = EOLS[r.nextInt(EOLS.length)];
        int cols = 1 + r.nextInt(4);
        List<List<String>> rows = new ArrayList<>();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                row.add(field(r));
            }
            rows.add(row);
        }
        CsvDialect dialect = CsvDialect.rfc4180().withDelimiter(d);
        return new Input(write(rows, d, eol, r.nextBoolean(), damage ? new Random(r.nextLong()) : null), dialect);
    }

    private static String field(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> fromCodePoints(r, PLAIN, 6);
            case 1 -> fromCodePoints(r, NASTY, 8);
            default -> "";
        };
    }

    private static String fromCodePoints(Random r, String alphabet, int maxLength) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(maxLength + 1);
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    /** Writes rows, quoting where needed (and sometimes where not); with {@code damage}, breaks a few things. */
    private static byte[] write(List<List<String>> rows, char d, String eol, boolean bom, Random damage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    sb.append(d);
                }
                String v = row.get(c);
                boolean mustQuote = v.isEmpty() && row.size() == 1 || v.indexOf(d) >= 0 || v.contains("\"") || v.contains("\n")
                        || v.contains("\r");
                if (mustQuote || v.hashCode() % 3 == 0) {
                    sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (damage != null && line.length > 0 && damage.nextInt(6) == 0) {
                switch (damage.nextInt(3)) {
                    case 0 -> line[damage.nextInt(line.length)] = (byte) 0xFF;            // invalid UTF-8
                    case 1 -> line[damage.nextInt(line.length)] = '"';                    // stray quote
                    default -> line = Arrays.copyOf(line, damage.nextInt(line.length)); // short row
                }
            }
            out.writeBytes(line);
            if (i < rows.size() - 1 || damage != null && damage.nextBoolean()) {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            }
            if (damage != null && damage.nextInt(10) == 0) {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII)); // blank line
            }
        }
        return out.toByteArray();
    }
}
