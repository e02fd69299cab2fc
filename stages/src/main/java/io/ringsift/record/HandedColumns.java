package io.ringsift.record;

import java.util.Arrays;

/**
 * The columns whose statistics a reader has handed to the handlers, as it stamps them on each
 * batch it fills: for column {@code j}, the sink that keeps its figures, and the one handler that
 * feeds it. Every row of a stamped batch carries these columns' values, in this order, in the
 * batch's arena ({@link RecordBatch#addHandedValue}).
 *
 * <p>Immutable: a reader that hands over one more column stamps the batches after it with a new
 * instance. A column only ever moves from its reader to one handler, at a batch boundary, so its
 * figures are still built by one thread at a time in the reader's row order: the same figures
 * wherever, and whenever, they move.
 */
public final class HandedColumns {
    public static final HandedColumns NONE = new HandedColumns(new ValueSink[0], new int[0], new int[0]);

    private final ValueSink[] sinks;
    private final int[] fields;
    private final int[] handlers;

    private HandedColumns(ValueSink[] sinks, int[] fields, int[] handlers) {
        this.sinks = sinks;
        this.fields = fields;
        this.handlers = handlers;
    }

    /** These columns and one more: field {@code field} of each row, fed to {@code sink} by handler {@code handler}. */
    public HandedColumns with(ValueSink sink, int field, int handler) {
        int n = sinks.length;
        ValueSink[] s = Arrays.copyOf(sinks, n + 1);
        int[] f = Arrays.copyOf(fields, n + 1);
        int[] h = Arrays.copyOf(handlers, n + 1);
        s[n] = sink;
        f[n] = field;
        h[n] = handler;
        return new HandedColumns(s, f, h);
    }

    public int count() {
        return sinks.length;
    }

    public ValueSink sink(int j) {
        return sinks[j];
    }

    /** The row's field (its position in the record) that column {@code j} takes. */
    public int field(int j) {
        return fields[j];
    }

    /** The handler that feeds column {@code j}. */
    public int handler(int j) {
        return handlers[j];
    }
}
