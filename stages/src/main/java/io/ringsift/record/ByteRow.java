package io.ringsift.record;

import java.nio.charset.StandardCharsets;

/**
 * A CSV row as UTF-8 byte slices in its batch's arena, instead of a {@code String} per field. Field
 * {@code i} is {@code bytes[start(i) .. end(i))}, already unescaped. Valid while its batch is in the
 * ring (see {@link RecordBatch}); do not keep it.
 */
public final class ByteRow {
    private final byte[] bytes;
    private final int[] ends;
    private final int first;
    private final int count;
    private final int start;

    ByteRow(byte[] bytes, int[] ends, int first, int count, int start) {
        this.bytes = bytes;
        this.ends = ends;
        this.first = first;
        this.count = count;
        this.start = start;
    }

    /** A row of its own, outside any batch, holding {@code values} as UTF-8 (as the Commons CSV parser's rows are): for tests and tools. */
    public static ByteRow of(String... values) {
        RecordBatch<ByteRow> b = new RecordBatch<>(1);
        for (String v : values) {
            b.addField(v);
        }
        return b.endRow(0, 0);
    }

    public byte[] bytes() {
        return bytes;
    }

    public int fieldCount() {
        return count;
    }

    public int start(int i) {
        return i == 0 ? start : ends[first + i - 1];
    }

    public int end(int i) {
        return ends[first + i];
    }

    /** The values as Strings (a copy that outlives the batch): for tests and diagnostics, not the hot path. */
    public String[] toStrings() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = new String(bytes, start(i), end(i) - start(i), StandardCharsets.UTF_8);
        }
        return out;
    }
}
