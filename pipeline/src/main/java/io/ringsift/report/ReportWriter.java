package io.ringsift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import io.ringsift.io.AtomicFiles;
import java.nio.file.Path;

/** Writes report.json atomically, pretty-printed with a stable field order. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(Path target, Report report) throws IOException {
        AtomicFiles.write(target, out -> JSON.writeValue(out, report));
    }

    public static String toJson(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
