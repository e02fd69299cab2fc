package io.ringsift.bench;

import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;

/**
 * Stands in for the ring in single-thread benchmarks: reads each full batch's key hashes (so the
 * work cannot be optimised away) and reuses the batch, as a ring slot swap would.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CountingSink implements RecordSink {
    private final RecordBatch batch = new RecordBatch(1024);
    private long acc;

    @Override
    public RecordBatch batch() {
        return batch;
    }

    @Override
    public void publish(int unit) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            acc += batch.hashLo[i];
        }
        batch.reset(unit);
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    /** The hashes read so far, and starts again from zero. */
    public long drain() {
        long a = acc;
        acc = 0;
        return a;
    }
}
