package io.ringsift.engine;

import java.util.concurrent.atomic.LongAdder;

/** Live counters, updated once per published batch (not per record) and read by the progress line. */
public final class Progress {
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final long startNanos = System.nanoTime();
    private volatile long totalBytes = -1;
    private volatile long totalRecords = -1;

    public void add(long recordCount, long byteCount) {
        records.add(recordCount);
        bytes.add(byteCount);
    }

    /**
     * What the run counts to, for a percentage and an ETA: bytes as stored (compressed bytes for a
     * compressed file), else an estimated record count (a collection); -1 when unknown (a stream).
     */
    public void expect(long totalBytes, long totalRecords) {
        this.totalBytes = totalBytes;
        this.totalRecords = totalRecords;
    }

    public long records() {
        return records.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long totalRecords() {
        return totalRecords;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
