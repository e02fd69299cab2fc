package io.ringsift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes report.json atomically, pretty-printed with a stable field order. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(Path target, Report report) throws IOException {
        AtomicFiles.write(target, out -> JSON.writeValue(new NonClosing(out), report));
    }

    public static String toJson(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    /** Jackson closes what it writes to; the atomic writer must close (and fsync) the file itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
