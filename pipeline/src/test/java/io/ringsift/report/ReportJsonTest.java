package io.ringsift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * report.json as the streaming writer writes it is byte for byte what the object mapper writes from
 * the record annotations: every block, with every optional field set and with every one left out,
 * and values that need escaping. A field added to a record and forgotten in {@link ReportJson}
 * fails the "everything set" case.
 */
class ReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Report> reports() {
        Map<String, Long> types = new LinkedHashMap<>();
        types.put("integer", 3L);
        types.put("text", 0L);
        types.put("date-time", 12L);
        Report.Field everything = new Report.Field("amount", 15, types, 1, 9, 7L, "amount ", 2L, "integer", "-3", "1e9",
                "number", false, 5L, 9L,
                List.of(new Report.FrequentValue("7", 4, 3L, 6L), new Report.FrequentValue("quote \" tab \t é ✓", 2, null, null)),
                false, 3L);
        Report.Field six = new Report.Field("bare", 0, null, null, null, null);
        Report.FieldPath path = new Report.FieldPath("items.sku", 9, Map.of("string", 9L));
        Report.FieldPath nullPath = new Report.FieldPath(null, 0, null);

        Report full = new Report(Report.SCHEMA_VERSION, "ingest csv", false, "failed", "disk full: /out/filter.bf", "key",
                100, 3, 40, 60,
                List.of(new Report.Source("/data/a.csv", 97, 3, 12345), new Report.Source(null, 0, 0, 0)),
                new Report.Partitions(4, "bucketAuto", 10, 30, 1),
                List.of(everything, six),
                new Report.Filter("/out/filter.bf", 958506, 7, 100000, 0.01, 1.2345678901234E-7, 2),
                new Report.Exact(50, 40, 60, 41, 1, 0.016666666666666666),
                new Report.Check("/f.bf", 10, 5, "/new.csv", "/seen.csv", true, 6L, 1L, "exact", 0.01, 0.1, 4L, 5L),
                new Report.Timing(1234, 81037, 12.5, 1, 2, "fast", 6L),
                new Report.Counts("estimate", 40, 60, 38, 42, 58, 62, 0.95, 1000, 1 << 30),
                List.of("a warning", "another \"quoted\" one"),
                new Report.Dialect("\t", null, true, "UTF-8"),
                List.of(new Report.RejectReason("wrong number of fields", 2), new Report.RejectReason(null, 1)));
        Report sparse = new Report(Report.SCHEMA_VERSION, "fields", true, null, null, null, 0, 0, 0, 0,
                null, null, List.of(path, nullPath), null, null,
                new Report.Check("/f.bf", 0, 0, null, null, null, null, null, null, null, null, null, null),
                new Report.Timing(0, 0, null, 1, 1, null, null), null, null, null, null);
        Report empty = new Report(Report.SCHEMA_VERSION, "ingest mongo", true, null, null, "_id", 0, 0, 0, 0,
                List.of(), null, List.of(), null, null, null, null, null, List.of(), new Report.Dialect(",", "\"", false, "UTF-8"),
                List.of());
        Report nonFinite = new Report(Report.SCHEMA_VERSION, "check", true, null, null, "k", 1, 0, 0, 1, null, null, null,
                new Report.Filter(null, 64, 1, 1, Double.MIN_VALUE, Double.NaN, 1),
                new Report.Exact(0, 0, 0, 0, 0, Double.POSITIVE_INFINITY), null, null, null, null, null, null);
        return Stream.of(full, sparse, empty, nonFinite);
    }

    @ParameterizedTest
    @MethodSource("reports")
    void writesWhatTheObjectMapperWrites(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(out, report);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(MAPPER.writeValueAsString(report));
    }
}
