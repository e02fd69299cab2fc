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
public final class CsvFieldProfile implements FieldProfile<ByteRow> {
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

    /** Takes a row as byte slices ({@link ByteRow}), whichever parser framed it: both give the same figures. */
    @Override
    public void accept(ByteRow r, int unit) {
        int[] map = unitFieldIndexes[unit];
        byte[] b = r.bytes();
        for (int i = 0, n = r.fieldCount(); i < n; i++) {
            columns[map[i]].accept(b, r.start(i), r.end(i));
        }
    }

    /**
     * Takes a row straight from a reader's buffer, without copying it into a {@link ByteRow}: field
     * {@code i} is {@code b[base + starts[i] .. base + ends[i])}, already a value (no doubled quotes to
     * collapse). {@code ascii} says every byte of the row is ASCII, so no value's length needs
     * counting in chars. The same figures as {@link #accept(ByteRow, int)} over the same values.
     */
    public void acceptFields(byte[] b, int base, int[] starts, int[] ends, int count, boolean ascii, int unit) {
        int[] map = unitFieldIndexes[unit];
        for (int i = 0; i < count; i++) {
            columns[map[i]].accept(b, base + starts[i], base + ends[i], ascii);
        }
    }

    @Override
    public void mergeFrom(FieldProfile<?> other) {
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
