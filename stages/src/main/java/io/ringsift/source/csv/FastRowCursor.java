package io.ringsift.source.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import io.ringsift.key.KeyEncoder;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;

/**
 * {@code --parser fast}: turns the framer's field slices straight into strings. The framer has
 * already found every field, so nothing is scanned twice; a field is copied once (twice when it
 * holds doubled quotes to collapse). Strings are made only when {@link #values()} is asked for: a
 * key can be taken from the bytes ({@link #addKeyPart}), so a run without field statistics makes
 * none (JMH {@code CsvParseBench}: framing + key hash from bytes 289 ns/row, the reader with a
 * {@code String} per field 698).
 */
final class FastRowCursor implements RowCursor {
    private final RecordFramer framer;
    private final int expectedFields;
    private byte[] unescaped = new byte[256];
    private String[] values;
    private String reason;
    /** The current record is all ASCII (found by the UTF-8 check): a value's length in chars is its byte count. */
    private boolean ascii;

    /** @param expectedFields the column count every record must have; -1 to accept any (for reading a header) */
    FastRowCursor(RecordFramer framer, int expectedFields) {
        this.framer = framer;
        this.expectedFields = expectedFields;
    }

    @Override
    public boolean next() throws IOException {
        if (!framer.next()) {
            return false;
        }
        int n = expectedFields < 0 ? framer.fieldCount() : expectedFields;
        // the same order of checks as CommonsRowCursor (framing, then UTF-8, then the field count),
        // so a record with several faults gets the same reason whichever parser reads it
        if (framer.problem() != null) {
            reason = framer.problemReason();
            return true;
        }
        byte[] b = framer.buffer();
        int kind = Utf8.classify(b, framer.recordStart(), framer.recordEnd());
        if (kind == Utf8.INVALID) {
            reason = CsvRejects.INVALID_UTF8;
            return true;
        }
        ascii = kind == Utf8.ASCII;
        reason = CsvRejects.framingReason(framer, n);
        values = null;
        return true;
    }

    @Override
    public String[] values() {
        if (values == null && reason == null) {
            // a fresh array per row: the batch keeps it until every handler has seen it
            byte[] b = framer.buffer();
            String[] v = new String[framer.fieldCount()];
            for (int i = 0; i < v.length; i++) {
                int s = framer.fieldStart(i);
                int e = framer.fieldEnd(i);
                v[i] = framer.fieldEscaped(i) ? new String(unescaped, 0, unescape(b, s, e), StandardCharsets.UTF_8)
                        : new String(b, s, e - s, StandardCharsets.UTF_8);
            }
            values = v;
        }
        return values;
    }

    /** The current record's fields copied into {@code batch}'s arena: the row without a String per field. */
    @Override
    public ByteRow row(RecordBatch<?> batch) {
        int fields = batch.fieldMark();
        int arena = batch.arenaMark();
        byte[] b = framer.buffer();
        for (int i = 0, n = framer.fieldCount(); i < n; i++) {
            int s = framer.fieldStart(i);
            int e = framer.fieldEnd(i);
            if (framer.fieldEscaped(i)) {
                batch.addField(unescaped, 0, unescape(b, s, e));
            } else {
                batch.addField(b, s, e - s);
            }
        }
        return batch.endRow(fields, arena);
    }

    /**
     * A field holding doubled quotes is collapsed in place, in the framer's buffer (its value is never
     * longer than its text): so call this after everything else that reads the record.
     */
    @Override
    public boolean sliceTo(CsvFieldProfile profile, int unit, RecordBatch<?> batch) {
        int n = framer.fieldCount();
        int[] ends = framer.relativeEnds();
        if (framer.anyEscaped()) {
            ends = collapseInPlace(n, ends);
        }
        profile.acceptFields(framer.buffer(), framer.recordStart(), framer.relativeStarts(), ends, n, ascii, unit, batch);
        return true;
    }

    private int[] collapsedEnds = new int[16];

    /** Collapses the doubled quotes of every escaped field where it stands; returns the fields' new relative ends. */
    private int[] collapseInPlace(int n, int[] ends) {
        if (collapsedEnds.length < n) {
            collapsedEnds = new int[Math.max(n, collapsedEnds.length * 2)];
        }
        int[] out = collapsedEnds;
        System.arraycopy(ends, 0, out, 0, n);
        byte[] b = framer.buffer();
        int base = framer.recordStart();
        int[] starts = framer.relativeStarts();
        for (int f = 0; f < n; f++) {
            if (framer.fieldEscaped(f)) {
                int s = base + starts[f];
                out[f] = starts[f] + collapse(b, s, base + ends[f], b, s);
            }
        }
        return out;
    }

    /** Adds field {@code i} to the key from its bytes: the same canonical bytes as {@code addString(values()[i])}, without the String. */
    @Override
    public void addKeyPart(KeyEncoder key, int i) {
        byte[] b = framer.buffer();
        int s = framer.fieldStart(i);
        int e = framer.fieldEnd(i);
        if (framer.fieldEscaped(i)) {
            key.addBytes(KeyEncoder.TAG_STRING, unescaped, 0, unescape(b, s, e));
        } else {
            key.addBytes(KeyEncoder.TAG_STRING, b, s, e - s);
        }
    }

    /** Collapses doubled quotes of {@code b[s..e)} into {@link #unescaped}; returns the length. */
    private int unescape(byte[] b, int s, int e) {
        if (unescaped.length < e - s) {
            unescaped = Arrays.copyOf(unescaped, Math.max(e - s, unescaped.length * 2));
        }
        return collapse(b, s, e, unescaped, 0);
    }

    /**
     * Writes {@code b[s..e)} with its doubled quotes collapsed to {@code out} from {@code o};
     * returns the length written. {@code out} may be {@code b} with {@code o <= s}: a write never
     * overtakes the read.
     */
    private int collapse(byte[] b, int s, int e, byte[] out, int o) {
        int q = framer.quoteCode();
        int w = o;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            out[w++] = c;
            if (c == q && i + 1 < e && b[i + 1] == q) {
                i++;
            }
        }
        return w - o;
    }

    @Override
    public String rejectReason() {
        return reason;
    }


    @Override
    public long line() {
        return framer.recordLine();
    }

    @Override
    public byte[] raw(boolean withTerminator) {
        return CsvRejects.raw(framer, withTerminator);
    }

    @Override
    public long bytesRead() {
        return framer.bytesConsumed();
    }
}
