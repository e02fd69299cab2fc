package io.ringsift.partial;

import io.ringsift.record.ByteRow;
import io.ringsift.record.HandedColumns;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
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
    /**
     * Rows taken by {@link #acceptFields} and not yet fed to the kept columns, at most this many.
     * Their values are fed column by column ({@link #drain}): one column's code and value table
     * serve a whole run of values, where row by row every column of a file takes its turn (1-2% of
     * a reader's work, `ReaderCpu ... full readers|auto` in docs/benchmarks.md), and a column is
     * timed over a run with two clock readings, not one a value.
     */
    static final int PENDING_ROWS = 256;
    /**
     * The reader's buffer the pending values lie in; it must not move, change or be replaced until
     * they are fed: the reader drains before every refill ({@code RecordFramer.beforeRefill}).
     */
    private byte[] pendingBytes;
    private int pendingRows;
    /** Start and end of kept column {@code j}'s value of pending row {@code r}, at {@code j * PENDING_ROWS + r}. */
    private int[] pendingStarts = new int[0];
    private int[] pendingEnds = new int[0];
    private final boolean[] pendingAscii = new boolean[PENDING_ROWS];
    /** When not null, this profile is a reader's and may hand columns to the handlers; see {@link #handingOver}. */
    private ColumnBalancer balancer;
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
     * Lets this reader's profile hand columns to the handlers ({@link StatsPlacement}). Only for
     * rows taken by {@link #acceptFields(byte[], int, int[], int[], int, boolean, int, RecordBatch)},
     * and only when every unit's columns are the run's columns in the run's order: a handed value
     * is found by its position in the row. Otherwise every column stays on the reader.
     */
    public void handingOver(StatsPlacement placement) {
        if (placement == StatsPlacement.READERS) {
            return;
        }
        for (int[] map : unitFieldIndexes) {
            if (map.length != columns.length) {
                return;
            }
            for (int i = 0; i < map.length; i++) {
                if (map[i] != i) {
                    return;
                }
            }
        }
        balancer = new ColumnBalancer(columns, placement);
        pendingStarts = new int[columns.length * PENDING_ROWS];
        pendingEnds = new int[columns.length * PENDING_ROWS];
    }

    /** Whether this reader profile handed column {@code c} to a handler. */
    public boolean handedOver(int c) {
        return balancer != null && balancer.handed(c);
    }

    /**
     * Where handed columns go for the read about to start: the sink the reader publishes to; null,
     * or a sink with no handlers behind it, hands no more over.
     */
    public void handTo(RecordSink<?> sink) {
        if (balancer != null) {
            balancer.handTo(sink);
        }
    }

    /**
     * Takes a row straight from a reader's buffer, without copying it into a {@link ByteRow}: field
     * {@code i} is {@code b[base + starts[i] .. base + ends[i])}, already a value (no doubled quotes to
     * collapse). {@code ascii} says every byte of the row is ASCII, so no value's length needs
     * counting in chars. The same figures as {@link #accept(ByteRow, int)} over the same values.
     *
     * <p>{@code batch} is the one the row goes into next: the values of columns handed to the
     * handlers are copied into it ({@link HandedColumns}); called before the row is added.
     */
    public void acceptFields(byte[] b, int base, int[] starts, int[] ends, int count, boolean ascii, int unit,
                             RecordBatch<?> batch) {
        ColumnBalancer bal = balancer;
        if (bal == null) {
            int[] map = unitFieldIndexes[unit];
            for (int i = 0; i < count; i++) {
                columns[map[i]].accept(b, base + starts[i], base + ends[i], ascii);
            }
            return;
        }
        // identity field maps (handingOver): field i is column i
        if (batch.isEmpty()) {
            // every value taken so far reaches its column before a column may move
            drain();
            bal.startBatch(batch);
        }
        int[] kept = bal.kept();
        int r = pendingRows;
        for (int j = 0, at = r; j < kept.length; j++, at += PENDING_ROWS) {
            int i = kept[j];
            pendingStarts[at] = base + starts[i];
            pendingEnds[at] = base + ends[i];
        }
        pendingAscii[r] = ascii;
        pendingBytes = b;
        pendingRows = r + 1;
        HandedColumns handed = batch.handed();
        if (handed.count() > 0) {
            batch.markAscii(ascii);
        }
        for (int j = 0, n = handed.count(); j < n; j++) {
            int f = handed.field(j);
            batch.addHandedValue(b, base + starts[f], ends[f] - starts[f]);
        }
        bal.row();
        if (pendingRows == PENDING_ROWS) {
            drain();
        }
    }

    /**
     * Feeds the kept columns the values of the rows taken since the last call, column by column.
     * The reader calls it before its buffer moves or is refilled (the values point into it), and
     * at the end of each unit; {@link #acceptFields} calls it at each batch start.
     */
    public void drain() {
        int n = pendingRows;
        if (n == 0) {
            return;
        }
        pendingRows = 0;
        ColumnBalancer bal = balancer;
        int[] kept = bal.kept();
        byte[] b = pendingBytes;
        pendingBytes = null;
        boolean[] ascii = pendingAscii;
        int[] s = pendingStarts;
        int[] e = pendingEnds;
        boolean timed = bal.sampling();
        for (int j = 0, off = 0; j < kept.length; j++, off += PENDING_ROWS) {
            ColumnStats column = columns[kept[j]];
            long t = timed ? System.nanoTime() : 0;
            for (int r = 0; r < n; r++) {
                column.accept(b, s[off + r], e[off + r], ascii[r]);
            }
            if (timed) {
                bal.sample(kept[j], System.nanoTime() - t, n);
            }
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
