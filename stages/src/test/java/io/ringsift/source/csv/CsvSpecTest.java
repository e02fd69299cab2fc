package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV dialect as data: every {@code csv-spec/NAME.csv} in the test resources is read by both
 * parsers ({@code --parser fast} and {@code commons}), whole and one byte per read, and must give
 * exactly what {@code NAME.expected.json} says, in the way FastCSV and csv-spectrum keep their cases:
 *
 * <pre>{@code
 * {
 *   "about": "what the case pins down",
 *   "dialect": {"delimiter": ";", "quote": "'", "maxRecordBytes": 1000, "maxFieldBytes": 1000},   (optional)
 *   "records": [
 *     {"line": 1, "values": ["k", "v"]},                                    an accepted record
 *     {"line": 2, "reject": "invalid UTF-8", "raw": "a,\ufffd"}                a reject ("raw" optional)
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code line} is the physical line the record starts on. The first record is the header: its
 * field count is the count every later record must have. {@code raw} is the record's text without
 * its line end, invalid bytes shown as U+FFFD. Every bug fixed in the CSV path adds a case here.
 */
class CsvSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as a cursor saw it: values, or a reject reason and raw text. */
    record Seen(long line, List<String> values, String reject, String raw) {}

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(CsvSpecTest.class.getResource("/csv-spec").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Arguments> out = new ArrayList<>();
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
                for (CsvParser parser : CsvParser.values()) {
                    for (boolean trickle : new boolean[] {false, true}) {
                        out.add(Arguments.of(name, parser, trickle));
                    }
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0} {1} trickle={2}")
    @MethodSource("cases")
    void readsAsTheSpecSays(String name, CsvParser parser, boolean trickle) throws IOException {
        byte[] csv = resource(name + ".csv");
        JsonNode expected = JSON.readTree(resource(name + ".expected.json"));
        CsvDialect dialect = dialect(expected.path("dialect"));

        List<Seen> seen = read(csv, dialect, parser, trickle);

        List<Seen> want = new ArrayList<>();
        for (JsonNode r : expected.get("records")) {
            List<String> values = null;
            if (r.has("values")) {
                values = new ArrayList<>();
                for (JsonNode v : r.get("values")) {
                    values.add(v.asText());
                }
            }
            want.add(new Seen(r.get("line").asLong(), values, r.has("reject") ? r.get("reject").asText() : null,
                    r.has("raw") ? r.get("raw").asText() : null));
        }
        // "raw" is checked only where the case gives it
        for (int i = 0; i < Math.min(want.size(), seen.size()); i++) {
            if (want.get(i).raw() == null) {
                Seen s = seen.get(i);
                seen.set(i, new Seen(s.line(), s.values(), s.reject(), null));
            }
        }
        assertThat(seen).as(expected.path("about").asText()).containsExactlyElementsOf(want);
    }

    /** Every record of {@code csv}, in file order (the commons cursor may report a reject found while reading ahead early). */
    static List<Seen> read(byte[] csv, CsvDialect dialect, CsvParser parser, boolean trickle) throws IOException {
        int columns = firstRecordFields(csv, dialect);
        RecordFramer f = new RecordFramer(input(csv, trickle), Long.MAX_VALUE, 0, 1, dialect);
        RowCursor c = parser == CsvParser.FAST ? new FastRowCursor(f, columns) : new CommonsRowCursor(f, dialect, columns, false);
        List<Seen> out = new ArrayList<>();
        while (c.next()) {
            String reason = c.rejectReason();
            out.add(new Seen(c.line(), reason == null ? Arrays.asList(c.values()) : null, reason,
                    new String(c.raw(false), StandardCharsets.UTF_8)));
        }
        out.sort(Comparator.comparingLong(Seen::line));
        return out;
    }

    private static int firstRecordFields(byte[] csv, CsvDialect dialect) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(csv), Long.MAX_VALUE, 0, 1, dialect);
        return f.next() ? f.fieldCount() : 0;
    }

    private static InputStream input(byte[] csv, boolean trickle) {
        InputStream in = new ByteArrayInputStream(csv);
        return trickle ? new Framed.OneByteAtATime(in) : in;
    }

    private static CsvDialect dialect(JsonNode d) {
        CsvDialect base = CsvDialect.rfc4180();
        return new CsvDialect(d.path("delimiter").asText(",").charAt(0), d.path("quote").asText("\"").charAt(0), true,
                d.path("maxRecordBytes").asInt(base.maxRecordBytes()), d.path("maxFieldBytes").asInt(base.maxFieldBytes()));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CsvSpecTest.class.getResourceAsStream("/csv-spec/" + name)) {
            if (in == null) {
                throw new IOException("csv-spec/" + name + " is missing");
            }
            return in.readAllBytes();
        }
    }
}
