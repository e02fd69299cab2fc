package io.ringsift.partial;

import io.ringsift.record.HandedColumns;
import io.ringsift.record.HandlerLoad;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;

/**
 * Decides, for one reader's {@link CsvFieldProfile}, which columns' statistics to hand to the
 * handlers. A reader frames every record and keeps the statistics of every column, while a handler
 * only puts keys in the filter and the exact set: with one of each on two cores, the handler
 * worked about half the reader's time a row (docs/benchmarks.md, "Columns handed to the
 * handlers"). So every {@link #WINDOW_BATCHES} batches the reader compares its own work a row with
 * the handlers', and hands the least busy handler the column whose move evens them the most, when
 * that gains at least {@link #MIN_GAIN}.
 *
 * <p>Work is measured, not guessed: the reader's is its time less the time it waited for room in
 * the ring, a handler's its time on batches, both a row; a column's cost is timed on every
 * {@link #SAMPLE_EVERY}th batch, over each run of values the reader feeds it (two clock readings a
 * run of up to {@code CsvFieldProfile.PENDING_ROWS} values). Moves only go one way, from the
 * reader to a handler, so a column's figures never split in two; when, and whether, a column
 * moves changes no figure ({@link HandedColumns}).
 */
final class ColumnBalancer {
    static final int WINDOW_BATCHES = 32;
    /** Windows before the first move: one, to have each column's cost from two windows. */
    static final int WARMUP_WINDOWS = 1;
    /**
     * While the JIT compiles the hot path (interpreted, a column costs ten times what it will), a
     * window's figures are not the run's, so a move waits for a steady run and a quiet JIT
     * ({@link #STEADY}, {@link #JIT_QUIET_MS})... unless the reader works more than this many times
     * as long a row as the busiest handler. Then any column the rule picks helps: with the filter
     * built at the end (Partial), a handler starts with little to do a row, and waiting for the JIT
     * (it had been four windows) kept it half idle for a second; moving early made a 10M-row run 3%
     * faster, per round (docs/benchmarks.md, "Columns move sooner").
     */
    static final double FAR_APART = 2;
    /** Windows to let the layout settle after a move. */
    static final int SETTLE_WINDOWS = 2;
    /** A move is only considered when the reader's work a row changed by less than this since the last window... */
    static final double STEADY = 0.10;
    /**
     * ...and the JIT compiled for at most this long during a window in which the same move was
     * wanted (ms, all compiler threads): while it still compiles the hot path, a window's figures
     * are not the run's.
     */
    static final long JIT_QUIET_MS = 10;
    static final int SAMPLE_EVERY = 4;
    /** Copying a value into the batch for the handler, on the reader (ns; JMH ColumnHandOverBench: 6.6-7.7). */
    static final double COPY_NS = 7;
    /**
     * What a column adds to a handler's work for what it cost the reader: the handler reads the
     * values from another core's batch, between its keys (ColumnHandOverBench on one core:
     * 0.5-1.26x, by column; docs/benchmarks.md, "Where the time goes, and what did not pay").
     */
    static final double HANDLER_FACTOR = 1.15;
    static final double MIN_GAIN = 0.03;

    private final ColumnStats[] columns;
    private final StatsPlacement placement;
    private final boolean[] handedHere;
    /** The columns this reader still keeps, in column order. */
    private int[] kept;
    /** Each column's time a value in the last window that timed it (ns); 0 = not timed yet. */
    private final double[] cost;
    /** The window before's, so one window's outlier (a pause while timing) does not decide alone. */
    private final double[] lastCost;
    private final long[] sampleNanos;
    private final int[] sampleCount;
    private final long clockCost;
    private RecordSink<?> sink;
    private HandlerLoad load;
    private HandedColumns handed = HandedColumns.NONE;

    private long batches;
    private int settle = WARMUP_WINDOWS;
    private double lastReaderNs;
    private long lastJitMillis = -1;
    private long windowStart;
    private long windowRows;
    private long windowWaited;
    private long[] windowBusy = new long[0];
    private long[] windowHandlerRows = new long[0];
    private double[] lastHandlerNs = new double[0];
    private boolean sampling;

    ColumnBalancer(ColumnStats[] columns, StatsPlacement placement) {
        this.columns = columns;
        this.placement = placement;
        this.handedHere = new boolean[columns.length];
        this.cost = new double[columns.length];
        this.lastCost = new double[columns.length];
        this.sampleNanos = new long[columns.length];
        this.sampleCount = new int[columns.length];
        this.clockCost = clockCost();
        this.kept = new int[columns.length];
        for (int c = 0; c < kept.length; c++) {
            kept[c] = c;
        }
    }

    /**
     * The sink this reader publishes to, for the read about to start; null, or a sink with no
     * handler stage behind it ({@link RecordSink#handlerLoad}), hands nothing more over.
     */
    void handTo(RecordSink<?> sink) {
        this.load = sink == null ? null : sink.handlerLoad();
        this.sink = load == null ? null : sink;
        windowStart = System.nanoTime();
        windowRows = 0;
        windowWaited = this.sink == null ? 0 : this.sink.waitedNanos();
        int h = load == null ? 0 : load.handlers();
        windowBusy = new long[h];
        windowHandlerRows = new long[h];
        lastHandlerNs = new double[h];
        for (int i = 0; i < h; i++) {
            windowBusy[i] = load.busyNanos(i);
            windowHandlerRows[i] = load.rows(i);
        }
    }

    boolean handed(int column) {
        return handedHere[column];
    }

    /** The columns the reader still keeps itself. */
    int[] kept() {
        return kept;
    }

    /** Whether the current batch's values are timed, column by column. */
    boolean sampling() {
        return sampling;
    }

    /** Called before the first row of each batch: ends a window now and then, maybe moves a column, stamps the batch. */
    void startBatch(RecordBatch<?> batch) {
        if (load != null) {
            if (placement == StatsPlacement.HANDLERS) {
                for (int c = 0; c < columns.length; c++) {
                    handOver(c, c % load.handlers());
                }
            } else if (++batches % WINDOW_BATCHES == 0) {
                endWindow();
            }
        }
        sampling = placement == StatsPlacement.AUTO && load != null && batches % SAMPLE_EVERY == 1;
        batch.handOver(handed);
    }

    /** One more row went through. */
    void row() {
        windowRows++;
    }

    /** Column {@code column} took {@code nanos} on a run of {@code values} values (one clock reading included). */
    void sample(int column, long nanos, int values) {
        sampleNanos[column] += Math.max(0, nanos - clockCost);
        sampleCount[column] += values;
    }

    private void endWindow() {
        long now = System.nanoTime();
        long wall = now - windowStart;
        long waited = sink.waitedNanos();
        long rows = windowRows;
        double readerNs = rows == 0 ? 0 : (double) (wall - (waited - windowWaited)) / rows;
        double[] handlerNs = new double[windowBusy.length];
        boolean measured = rows > 0;
        for (int h = 0; h < handlerNs.length; h++) {
            long busy = load.busyNanos(h);
            long handlerRows = load.rows(h);
            long r = handlerRows - windowHandlerRows[h];
            // each handler takes every reader's rows: while this reader makes one, it takes one from each
            double ns = r > 0 ? load.readers() * (double) (busy - windowBusy[h]) / r : 0;
            // the mean of two windows: one window's spike (the exact set growing) must not decide alone
            handlerNs[h] = lastHandlerNs[h] > 0 ? (ns + lastHandlerNs[h]) / 2 : ns;
            lastHandlerNs[h] = ns;
            measured &= r > 0;
            windowBusy[h] = busy;
            windowHandlerRows[h] = handlerRows;
        }
        windowStart = now;
        windowRows = 0;
        windowWaited = waited;
        for (int c = 0; c < cost.length; c++) {
            if (sampleCount[c] > 0) {
                lastCost[c] = cost[c];
                cost[c] = (double) sampleNanos[c] / sampleCount[c];
                sampleNanos[c] = 0;
                sampleCount[c] = 0;
            }
        }
        boolean steady = Math.abs(readerNs - lastReaderNs) <= STEADY * lastReaderNs;
        lastReaderNs = readerNs;
        if (settle > 0) {
            settle--;
            return;
        }
        if (!measured || handlerNs.length == 0) {
            lastJitMillis = -1;
            return;
        }
        double slowest = 0;
        for (double ns : handlerNs) {
            slowest = Math.max(slowest, ns);
        }
        boolean farApart = readerNs > FAR_APART * slowest;
        if (!steady && !farApart) {
            lastJitMillis = -1;
            return;
        }
        double[] steadyCost = new double[cost.length];
        for (int c = 0; c < cost.length; c++) {
            steadyCost[c] = lastCost[c] > 0 ? Math.min(cost[c], lastCost[c]) : 0;
        }
        int least = 0;
        for (int h = 1; h < handlerNs.length; h++) {
            if (handlerNs[h] < handlerNs[least]) {
                least = h;
            }
        }
        int c = choose(readerNs, handlerNs[least], slowest, steadyCost, handedHere);
        if (c < 0) {
            lastJitMillis = -1;
            return;
        }
        boolean go = farApart;
        if (!go) {
            // asked only once a move is wanted and the two are close: a short run never loads the management classes (~20 ms)
            long jit = JitClock.millis();
            go = lastJitMillis >= 0 && jit - lastJitMillis <= JIT_QUIET_MS;
            lastJitMillis = jit;
        }
        if (go && load.claimMove(now, 2 * wall)) {
            handOver(c, least);
            settle = SETTLE_WINDOWS;
        }
    }

    private void handOver(int c, int handler) {
        if (handedHere[c]) {
            return;
        }
        handedHere[c] = true;
        handed = handed.with(columns[c], c, handler);
        int[] k = new int[kept.length - 1];
        for (int i = 0, n = 0; i < kept.length; i++) {
            if (kept[i] != c) {
                k[n++] = kept[i];
            }
        }
        kept = k;
    }

    /**
     * The column to hand over, or -1: the one that leaves the run's pace (its slowest thread's work
     * a row) smallest, if that beats the pace now by {@link #MIN_GAIN}.
     *
     * @param readerNs  the reader's work a row
     * @param leastNs   the least busy handler's work while the reader makes a row: it takes the column
     * @param slowestNs the busiest handler's
     * @param cost      each column's time a value on the reader; 0 = not timed yet
     * @param handed    the columns already handed over
     */
    static int choose(double readerNs, double leastNs, double slowestNs, double[] cost, boolean[] handed) {
        int best = -1;
        double bestPace = Math.max(readerNs, slowestNs) * (1 - MIN_GAIN);
        for (int c = 0; c < cost.length; c++) {
            if (handed[c] || cost[c] <= 0) {
                continue;
            }
            double pace = Math.max(Math.max(readerNs - cost[c] + COPY_NS, leastNs + HANDLER_FACTOR * cost[c]), slowestNs);
            if (pace < bestPace) {
                bestPace = pace;
                best = c;
            }
        }
        return best;
    }

    /** What one clock reading costs, taken off each timed run: the least of a few back-to-back pairs. */
    private static long clockCost() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 64; i++) {
            long a = System.nanoTime();
            long b = System.nanoTime();
            least = Math.min(least, b - a);
        }
        return least;
    }
}
