package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The fast parser against Apache Commons CSV, on random input: random quoting, delimiters, line
 * endings, a BOM, and (sometimes) invalid bytes and broken quotes.
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

    @Property(tries = 300)
    void fastAndCommonsAgreeOnEveryRecordAndLine(@ForAll("csvInputs") Input in) throws IOException {
        List<Row> fast = read(in.bytes, in.dialect, CsvParser.FAST);
        List<Row> commons = read(in.bytes, in.dialect, CsvParser.COMMONS);
        // the commons cursor reports rejects found while it reads ahead before earlier good rows: compare as sorted by line
        fast.sort(java.util.Comparator.comparingLong(Row::line));
        commons.sort(java.util.Comparator.comparingLong(Row::line));
        assertThat(commons).isEqualTo(fast);
    }

    @Property(tries = 300)
    void validInputParsesExactlyLikeAPlainCommonsCsvParse(@ForAll("validInputs") Input in) throws IOException {
        List<Row> fast = read(in.bytes, in.dialect, CsvParser.FAST);
        assertThat(fast).noneMatch(Row::rejected);
        String text = new String(in.bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(in.dialect.delimiter()).setQuote(in.dialect.quote())
                .setIgnoreEmptyLines(true).get();
        List<List<String>> reference = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : p) {
                reference.add(List.of(r.values()));
            }
        }
        assertThat(fast).extracting(Row::values).isEqualTo(reference);
    }

    @Property(tries = 300)
    void theBoundaryScannerFindsExactlyTheFramersRecordStarts(@ForAll("csvInputs") Input in) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(in.bytes), Long.MAX_VALUE, 0, 1, in.dialect);
        List<BoundaryScanner.Cut> expected = new ArrayList<>();
        while (f.next()) {
            if (f.recordOffset() >= 1) {
                expected.add(new BoundaryScanner.Cut(f.recordOffset(), f.recordLine()));
            }
        }
        // step 1: every record start after offset 0 is a cut
        assertThat(BoundaryScanner.cuts(new ByteArrayInputStream(in.bytes), in.bytes.length, 1, in.dialect)).isEqualTo(expected);
    }

    /** Generated CSV bytes and the dialect they are written in. */
    record Input(byte[] bytes, CsvDialect dialect) {
        @Override
        public String toString() {
            return dialect.delimiter() + "|" + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    @Provide
    Arbitrary<Input> validInputs() {
        return inputs(false);
    }

    @Provide
    Arbitrary<Input> csvInputs() {
        return inputs(true);
    }

    private Arbitrary<Input> inputs(boolean damage) {
        Arbitrary<Character> delimiter = Arbitraries.of(',', ';', '\t', '|');
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<List<List<String>>> rows = Arbitraries.integers().between(1, 4).flatMap(cols ->
                field().list().ofSize(cols).list().ofMinSize(1).ofMaxSize(12));
        Arbitrary<Boolean> bom = Arbitraries.of(true, false);
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(delimiter, eol, rows, bom, seed).as((d, e, r, b, s) -> {
            CsvDialect dialect = CsvDialect.rfc4180().withDelimiter(d);
            return new Input(write(r, d, e, b, damage ? new java.util.Random(s) : null), dialect);
        });
    }

    private static Arbitrary<String> field() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc xyz019").ofMaxLength(6),
                Arbitraries.strings().withChars("a,;|\t\"\n\r é字😀").ofMaxLength(8),
                Arbitraries.just(""));
    }

    /** Writes rows, quoting where needed (and sometimes where not); with {@code damage}, breaks a few things. */
    private static byte[] write(List<List<String>> rows, char d, String eol, boolean bom, java.util.Random damage) {
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
                    default -> line = java.util.Arrays.copyOf(line, damage.nextInt(line.length)); // short row
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
