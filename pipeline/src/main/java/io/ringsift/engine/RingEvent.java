package io.ringsift.engine;

import io.ringsift.record.RecordBatch;

/**
 * One ring slot. Made once per slot by the Disruptor's event factory and reused for the whole run;
 * readers swap their filled batch in and take the slot's previous (already consumed) batch out, so
 * no rows are copied and no batch is allocated after start-up.
 */
public final class RingEvent<R> {
    RecordBatch<R> batch;

    public RingEvent(int batchCapacity) {
        this.batch = new RecordBatch<>(batchCapacity);
    }

    /** The batch in this slot; valid only inside {@code onEvent}. Do not keep a reference. */
    public RecordBatch<R> batch() {
        return batch;
    }
}
