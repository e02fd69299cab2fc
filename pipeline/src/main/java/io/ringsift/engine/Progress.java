package io.ringsift.engine;

import java.util.concurrent.atomic.LongAdder;

/** Live counters, updated once per published batch (not per record) and read by the progress line. */
public final class Progress {
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final long startNanos = System.nanoTime();

    public void add(long recordCount, long byteCount) {
        records.add(recordCount);
        bytes.add(byteCount);
    }

    public long records() {
        return records.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
