package io.ringsift.partial;

import io.ringsift.record.ByteRow;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Column statistics for CSV rows. Files may order their columns differently, so each unit maps its
 * column positions onto the run's combined field list.
 */
public final class CsvFieldProfile implements FieldProfile {
    private final List<String> names;
    private final int[][] unitFieldIndexes;
    private final ColumnStats[] columns;
    /** Checkpoint format of the column figures; a negative number, so the old format (which began with the column count) is told apart. */
    private static final int FORMAT = -3;

    /**
     * @param names            the run's combined field list
     * @param unitFieldIndexes for each unit id, the combined index of each of its columns
     */
    public CsvFieldProfile(List<String> names, int[][] unitFieldIndexes, StatsLevel level) {
        if (level == StatsLevel.NONE) {
            throw new IllegalArgumentException("Stats level NONE keeps no profile; pass null instead");
        }
        this.names = List.copyOf(names);
        this.unitFieldIndexes = unitFieldIndexes;
        this.columns = new ColumnStats[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnStats(level == StatsLevel.FULL);
        }
    }

    /** Takes a row as {@code String[]} (Commons CSV) or as {@link ByteRow} (the fast parser); both give the same figures. */
    @Override
    public void accept(Object row, int unit) {
        int[] map = unitFieldIndexes[unit];
        if (row instanceof ByteRow r) {
            byte[] b = r.bytes();
            for (int i = 0, n = r.fieldCount(); i < n; i++) {
                columns[map[i]].accept(b, r.start(i), r.end(i));
            }
            return;
        }
        String[] values = (String[]) row;
        for (int i = 0; i < values.length; i++) {
            int n = encode(values[i]);
            columns[map[i]].accept(scratch, 0, n);
        }
    }

    private byte[] scratch = new byte[256];

    /**
     * Writes {@code v} as UTF-8 into {@link #scratch} and returns the byte count: the Commons CSV
     * path then shares the bytes path (same figures by construction) without a byte[] per value. An
     * unpaired surrogate, which valid UTF-8 input cannot produce, becomes '?' as in String.getBytes.
     */
    private int encode(String v) {
        int len = v.length();
        if (len * 3 > scratch.length) {
            scratch = new byte[Math.max(len * 3, scratch.length * 2)];
        }
        byte[] b = scratch;
        int n = 0;
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(v.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, v.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    @Override
    public void mergeFrom(FieldProfile other) {
        CsvFieldProfile o = (CsvFieldProfile) other;
        for (int i = 0; i < columns.length; i++) {
            columns[i].mergeFrom(o.columns[i]);
        }
    }

    public List<String> names() {
        return names;
    }

    public ColumnStats column(int i) {
        return columns[i];
    }

    /** Writes the column figures for a checkpoint. */
    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(columns.length);
        for (ColumnStats c : columns) {
            c.writeTo(out);
        }
    }

    /** Replaces this profile's figures with ones written by {@link #writeTo} for the same field list. */
    @Override
    public void readFrom(DataInput in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("checkpointed column statistics have format " + format + ", this build reads " + FORMAT
                    + ": start the run again without --resume");
        }
        int n = in.readInt();
        if (n != columns.length) {
            throw new IOException("checkpoint has " + n + " columns, this run has " + columns.length);
        }
        for (ColumnStats c : columns) {
            c.readFrom(in);
        }
    }
}
