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

    /**
     * Builds the report's serializers on a background thread while the job runs: Jackson's
     * reflection over the report's records took about 0.2 s of a run on a small input, all after
     * its last row (docs/benchmarks.md, "Start-up"). Changes nothing written; a failure here is left
     * for {@link #write} to meet and report.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                JSON.getSerializerProviderInstance().findTypedValueSerializer(Report.class, true, null);
            } catch (IOException | RuntimeException e) {
                // write() builds them again and says what failed
            }
        }, "ringsift-report-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static void write(Path target, Report report) throws IOException {
        AtomicFiles.write(target, out -> JSON.writeValue(out, report));
    }

    public static String toJson(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
