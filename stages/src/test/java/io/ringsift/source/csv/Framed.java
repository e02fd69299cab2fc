package io.ringsift.source.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: frames bytes and collects what each record looked like. */
record Framed(long line, List<String> fields, RecordFramer.Problem problem, String raw) {

    /** @param trickle feed the framer one byte per read, to exercise every buffer boundary */
    static List<Framed> all(byte[] bytes, CsvDialect dialect, boolean trickle) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (trickle) {
            in = new OneByteAtATime(in);
        }
        RecordFramer f = new RecordFramer(in, Long.MAX_VALUE, 0, 1, dialect);
        FastRowCursor c = new FastRowCursor(f, -1);
        List<Framed> out = new ArrayList<>();
        while (c.next()) {
            out.add(new Framed(c.line(), c.rejectReason() == null ? List.of(c.values()) : null, f.problem(),
                    new String(c.raw(false), StandardCharsets.UTF_8)));
        }
        return out;
    }

    static final class OneByteAtATime extends java.io.FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(1, len));
        }
    }
}
