package io.ringsift.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a {@link Report} as report.json with Jackson's streaming generator, field by field in the
 * order and with the omissions the record annotations declare ({@code @JsonPropertyOrder},
 * {@code @JsonInclude}).
 *
 * <p>Why not the object mapper: building it and introspecting the report's records cost 0.1 s
 * (with the class-data archive) to 0.3 s (without) of every run, most of a small input's run,
 * all of it after the last row (docs/benchmarks.md, "Start-up"). The generator is the mapper's own
 * writer, so the text is byte for byte what the mapper writes: {@code ReportJsonTest} checks that
 * against the mapper for every block.
 */
final class ReportJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    static void write(OutputStream out, Report r) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            report(g, r);
        }
    }

    private static void report(JsonGenerator g, Report r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", r.schemaVersion());
        string(g, "command", r.command());
        g.writeBooleanField("complete", r.complete());
        string(g, "stopReason", r.stopReason());
        string(g, "error", r.error());
        string(g, "key", r.key());
        g.writeNumberField("records", r.records());
        g.writeNumberField("rejected", r.rejected());
        if (r.rejectReasons() != null) {
            g.writeArrayFieldStart("rejectReasons");
            for (Report.RejectReason x : r.rejectReasons()) {
                g.writeStartObject();
                nullable(g, "reason", x.reason());
                g.writeNumberField("count", x.count());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeNumberField("duplicateRecords", r.duplicateRecords());
        g.writeNumberField("distinctKeysEstimate", r.distinctKeysEstimate());
        if (r.counts() != null) {
            counts(g, r.counts());
        }
        if (r.warnings() != null) {
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
        }
        if (r.sources() != null) {
            g.writeArrayFieldStart("sources");
            for (Report.Source s : r.sources()) {
                g.writeStartObject();
                nullable(g, "path", s.path());
                g.writeNumberField("records", s.records());
                g.writeNumberField("rejected", s.rejected());
                g.writeNumberField("bytes", s.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.partitions() != null) {
            Report.Partitions p = r.partitions();
            g.writeObjectFieldStart("partitions");
            g.writeNumberField("count", p.count());
            nullable(g, "strategy", p.strategy());
            g.writeNumberField("minDocuments", p.minDocuments());
            g.writeNumberField("maxDocuments", p.maxDocuments());
            g.writeNumberField("retries", p.retries());
            g.writeEndObject();
        }
        if (r.fields() != null) {
            g.writeArrayFieldStart("fields");
            for (Report.FieldEntry f : r.fields()) {
                if (f instanceof Report.Field c) {
                    column(g, c);
                } else {
                    path(g, (Report.FieldPath) f);
                }
            }
            g.writeEndArray();
        }
        if (r.filter() != null) {
            filter(g, r.filter());
        }
        if (r.exact() != null) {
            exact(g, r.exact());
        }
        if (r.check() != null) {
            check(g, r.check());
        }
        if (r.timing() != null) {
            timing(g, r.timing());
        }
        if (r.dialect() != null) {
            Report.Dialect d = r.dialect();
            g.writeObjectFieldStart("dialect");
            // this block always has all four fields: a null quote means --quote none
            nullable(g, "delimiter", d.delimiter());
            nullable(g, "quote", d.quote());
            g.writeBooleanField("detected", d.detected());
            nullable(g, "encoding", d.encoding());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Report.Counts c) throws IOException {
        g.writeObjectFieldStart("counts");
        nullable(g, "method", c.method());
        g.writeNumberField("duplicateRecords", c.duplicateRecords());
        g.writeNumberField("distinctKeys", c.distinctKeys());
        g.writeNumberField("duplicateRecordsLow", c.duplicateRecordsLow());
        g.writeNumberField("duplicateRecordsHigh", c.duplicateRecordsHigh());
        g.writeNumberField("distinctKeysLow", c.distinctKeysLow());
        g.writeNumberField("distinctKeysHigh", c.distinctKeysHigh());
        g.writeNumberField("confidence", c.confidence());
        g.writeNumberField("exactKeys", c.exactKeys());
        g.writeNumberField("exactMemoryBytes", c.exactMemoryBytes());
        g.writeEndObject();
    }

    private static void column(JsonGenerator g, Report.Field f) throws IOException {
        g.writeStartObject();
        string(g, "name", f.name());
        string(g, "headerName", f.headerName());
        g.writeNumberField("nonEmpty", f.nonEmpty());
        counts(g, "types", f.types());
        number(g, "minLength", f.minLength());
        number(g, "maxLength", f.maxLength());
        number(g, "distinctEstimate", f.distinctEstimate());
        number(g, "empty", f.empty());
        string(g, "dominantType", f.dominantType());
        string(g, "min", f.min());
        string(g, "max", f.max());
        string(g, "minMaxBy", f.minMaxBy());
        bool(g, "distinctExact", f.distinctExact());
        number(g, "distinctLowerBound", f.distinctLowerBound());
        number(g, "distinctUpperBound", f.distinctUpperBound());
        if (f.frequentValues() != null) {
            g.writeArrayFieldStart("frequentValues");
            for (Report.FrequentValue v : f.frequentValues()) {
                g.writeStartObject();
                string(g, "value", v.value());
                g.writeNumberField("count", v.count());
                number(g, "lowerBound", v.lowerBound());
                number(g, "upperBound", v.upperBound());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        bool(g, "frequentValuesExact", f.frequentValuesExact());
        number(g, "frequentValuesMaxError", f.frequentValuesMaxError());
        g.writeEndObject();
    }

    private static void path(JsonGenerator g, Report.FieldPath p) throws IOException {
        g.writeStartObject();
        nullable(g, "path", p.path());
        g.writeNumberField("documents", p.documents());
        if (p.types() == null) {
            g.writeNullField("types");
        } else {
            counts(g, "types", p.types());
        }
        g.writeEndObject();
    }

    private static void filter(JsonGenerator g, Report.Filter f) throws IOException {
        g.writeObjectFieldStart("filter");
        string(g, "path", f.path());
        g.writeNumberField("bits", f.bits());
        g.writeNumberField("hashFunctions", f.hashFunctions());
        g.writeNumberField("expectedKeys", f.expectedKeys());
        g.writeNumberField("fpp", f.fpp());
        g.writeNumberField("estimatedFpp", f.estimatedFpp());
        g.writeNumberField("stages", f.stages());
        g.writeEndObject();
    }

    private static void exact(JsonGenerator g, Report.Exact e) throws IOException {
        g.writeObjectFieldStart("exact");
        g.writeNumberField("candidates", e.candidates());
        g.writeNumberField("duplicateRecords", e.duplicateRecords());
        g.writeNumberField("distinctKeys", e.distinctKeys());
        g.writeNumberField("bloomDuplicateRecords", e.bloomDuplicateRecords());
        g.writeNumberField("falsePositives", e.falsePositives());
        g.writeNumberField("measuredFpp", e.measuredFpp());
        g.writeEndObject();
    }

    private static void check(JsonGenerator g, Report.Check c) throws IOException {
        g.writeObjectFieldStart("check");
        string(g, "filter", c.filter());
        g.writeNumberField("newRecords", c.newRecords());
        g.writeNumberField("seenRecords", c.seenRecords());
        string(g, "newPath", c.newPath());
        string(g, "seenPath", c.seenPath());
        bool(g, "updated", c.updated());
        number(g, "bloomSeenRecords", c.bloomSeenRecords());
        number(g, "falsePositives", c.falsePositives());
        string(g, "seenMethod", c.seenMethod());
        number(g, "filterFpp", c.filterFpp());
        number(g, "expectedFalsePositives", c.expectedFalsePositives());
        number(g, "seenRecordsLow", c.seenRecordsLow());
        number(g, "seenRecordsHigh", c.seenRecordsHigh());
        g.writeEndObject();
    }

    private static void timing(JsonGenerator g, Report.Timing t) throws IOException {
        g.writeObjectFieldStart("timing");
        g.writeNumberField("elapsedMillis", t.elapsedMillis());
        g.writeNumberField("recordsPerSecond", t.recordsPerSecond());
        number(g, "megabytesPerSecond", t.megabytesPerSecond());
        g.writeNumberField("readers", t.readers());
        g.writeNumberField("handlers", t.handlers());
        string(g, "parser", t.parser());
        number(g, "planMillis", t.planMillis());
        string(g, "statsOn", t.statsOn());
        if (t.columnsHandedOver() != null) {
            g.writeArrayFieldStart("columnsHandedOver");
            for (String c : t.columnsHandedOver()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A map of counts (types by label); its order is the map's own, as the mapper writes it. */
    private static void counts(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        if (m == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.getValue());
            }
        }
        g.writeEndObject();
    }

    /** Written as null when null: the records without {@code @JsonInclude(NON_NULL)}. */
    private static void nullable(JsonGenerator g, String name, String v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v);
        }
    }

    // Left out when null: the records with @JsonInclude(NON_NULL).

    private static void string(JsonGenerator g, String name, String v) throws IOException {
        if (v != null) {
            g.writeStringField(name, v);
        }
    }

    /** A whole number (Integer, Long) or a Double, as the mapper writes each. */
    private static void number(JsonGenerator g, String name, Number v) throws IOException {
        if (v == null) {
            return;
        }
        g.writeFieldName(name);
        if (v instanceof Double d) {
            g.writeNumber(d.doubleValue());
        } else {
            g.writeNumber(v.longValue());
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v != null) {
            g.writeBooleanField(name, v);
        }
    }
}
