package io.ringsift.source.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The reject reasons of the CSV path, in one place so both parsers word them alike. */
final class CsvRejects {
    static final String INVALID_UTF8 = "invalid UTF-8";

    private CsvRejects() {
    }

    /** The framing problem of the current record, or a field-count mismatch, or null. */
    static String framingReason(RecordFramer framer, int expectedFields) {
        if (framer.problem() != null) {
            return framer.problemReason();
        }
        if (framer.fieldCount() != expectedFields) {
            return "expected " + expectedFields + " fields, found " + framer.fieldCount();
        }
        return null;
    }

    static byte[] raw(RecordFramer framer, boolean withTerminator) {
        if (framer.truncated()) {
            return ("<" + framer.recordLength() + " bytes not kept>").getBytes(StandardCharsets.US_ASCII);
        }
        int start = framer.recordStart();
        int end = withTerminator ? start + (int) framer.recordLength() : framer.recordEnd();
        return Arrays.copyOfRange(framer.buffer(), start, end);
    }
}
