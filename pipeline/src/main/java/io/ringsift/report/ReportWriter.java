package io.ringsift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ringsift.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes report.json atomically, pretty-printed with a stable field order; and the other JSON outputs. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * The object mapper, for the JSON of {@code info} and {@code fields --json}: in a holder, so a
     * run that writes only report.json never builds it (a few hundred Jackson classes and their
     * reflection, 0.1-0.3 s; docs/benchmarks.md, "Start-up").
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes report.json with the streaming generator ({@link ReportJson}), byte for byte what the mapper would. */
    public static void write(Path target, Report report) throws IOException {
        AtomicFiles.write(target, out -> ReportJson.write(out, report));
    }

    public static String toJson(Object value) throws IOException {
        return Mapper.JSON.writeValueAsString(value);
    }
}
