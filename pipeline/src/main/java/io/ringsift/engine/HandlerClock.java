package io.ringsift.engine;

import io.ringsift.record.HandlerLoad;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The handlers' busy time and rows, for readers deciding whether to hand them column statistics.
 * Each handler adds to its own slots (16 longs apart, so two handlers never write one cache line);
 * a reader reads them once in a while.
 */
final class HandlerClock implements HandlerLoad {
    private static final int STRIDE = 16;

    private final int handlers;
    private final int readers;
    private final AtomicLongArray counters;
    private final AtomicLong lastMove = new AtomicLong(Long.MIN_VALUE / 2);

    HandlerClock(int handlers, int readers) {
        this.handlers = handlers;
        this.readers = readers;
        this.counters = new AtomicLongArray(handlers * STRIDE);
    }

    /** Called by handler {@code h} only, after each batch. */
    void addBusy(int h, long nanos, int rows) {
        int i = h * STRIDE;
        counters.setRelease(i + 1, counters.getPlain(i + 1) + rows);
        counters.setRelease(i, counters.getPlain(i) + nanos);
    }

    @Override
    public int handlers() {
        return handlers;
    }

    @Override
    public int readers() {
        return readers;
    }

    @Override
    public long busyNanos(int h) {
        return counters.getAcquire(h * STRIDE);
    }

    @Override
    public long rows(int h) {
        return counters.getAcquire(h * STRIDE + 1);
    }

    @Override
    public boolean claimMove(long nowNanos, long spacingNanos) {
        long last = lastMove.get();
        return nowNanos - last >= spacingNanos && lastMove.compareAndSet(last, nowNanos);
    }
}
