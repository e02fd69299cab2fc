package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import io.ringsift.record.ByteRow;
import java.util.List;

/**
 * {@code CsvFieldProfile} as it was before the column summary (commit e465a2d): FieldStatsBench
 * runs it beside the current one, so the two are compared in the same run on a noisy machine.
 */
public final class BaselineCsvFieldProfile implements FieldProfile {
    private final List<String> names;
    private final int[][] unitFieldIndexes;
    private final BaselineColumnStats[] columns;

    /**
     * @param names            the run's combined field list
     * @param unitFieldIndexes for each unit id, the combined index of each of its columns
     */
    public BaselineCsvFieldProfile(List<String> names, int[][] unitFieldIndexes, StatsLevel level) {
        if (level == StatsLevel.NONE) {
            throw new IllegalArgumentException("Stats level NONE keeps no profile; pass null instead");
        }
        this.names = List.copyOf(names);
        this.unitFieldIndexes = unitFieldIndexes;
        this.columns = new BaselineColumnStats[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new BaselineColumnStats(level == StatsLevel.FULL);
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
            columns[map[i]].accept(values[i]);
        }
    }

    @Override
    public void mergeFrom(FieldProfile other) {
        BaselineCsvFieldProfile o = (BaselineCsvFieldProfile) other;
        for (int i = 0; i < columns.length; i++) {
            columns[i].mergeFrom(o.columns[i]);
        }
    }

    public List<String> names() {
        return names;
    }

    public BaselineColumnStats column(int i) {
        return columns[i];
    }

    /** Writes the column figures for a checkpoint. */
    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(columns.length);
        for (BaselineColumnStats c : columns) {
            c.writeTo(out);
        }
    }

    /** Replaces this profile's figures with ones written by {@link #writeTo} for the same field list. */
    @Override
    public void readFrom(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != columns.length) {
            throw new IOException("checkpoint has " + n + " columns, this run has " + columns.length);
        }
        for (BaselineColumnStats c : columns) {
            c.readFrom(in);
        }
    }
}
