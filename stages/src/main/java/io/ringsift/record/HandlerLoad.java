package io.ringsift.record;

/**
 * How busy the handlers after the ring have been, for a reader deciding whether to hand them a
 * column's statistics: each handler's time spent on batches and the rows in them, summed since the
 * run began.
 */
public interface HandlerLoad {
    int handlers();

    /** Reader threads that publish to these handlers: each handler takes every reader's rows. */
    int readers();

    /** Nanoseconds handler {@code h} has spent working on batches so far. */
    long busyNanos(int h);

    /** Rows in the batches handler {@code h} has worked on so far. */
    long rows(int h);

    /**
     * Reserves the next hand-over for the caller when no reader has handed a column over in the last
     * {@code spacingNanos}: readers that decide from the same figures must not all move at once.
     */
    boolean claimMove(long nowNanos, long spacingNanos);
}
