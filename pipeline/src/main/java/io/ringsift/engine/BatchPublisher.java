package io.ringsift.engine;

import com.lmax.disruptor.RingBuffer;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;

/**
 * A reader thread's way into the ring: it fills a private batch, then swaps it into a claimed slot.
 * When the ring is full {@code next()} blocks: that is the backpressure that keeps memory bounded
 * whatever the input size. One per reader thread.
 */
public final class BatchPublisher<R> implements RecordSink<R> {
    private final RingBuffer<RingEvent<R>> ring;
    private final RunControl control;
    private RecordBatch<R> local;

    public BatchPublisher(RingBuffer<RingEvent<R>> ring, int batchCapacity, RunControl control) {
        this.ring = ring;
        this.control = control;
        this.local = new RecordBatch<>(batchCapacity);
    }

    @Override
    public RecordBatch<R> batch() {
        return local;
    }

    @Override
    public void publish(int unit) {
        if (!local.isEmpty()) {
            long seq = ring.next();
            RingEvent<R> slot = ring.get(seq);
            // every handler has passed this slot (or next() would still be waiting), so its batch is ours
            RecordBatch<R> consumed = slot.batch;
            slot.batch = local;
            control.progress().add(local.size(), local.inputBytes());
            local = consumed;
            ring.publish(seq);
        }
        local.reset(unit);
    }

    @Override
    public boolean stopRequested() {
        return control.stopRequested();
    }
}
