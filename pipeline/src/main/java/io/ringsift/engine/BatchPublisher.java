package io.ringsift.engine;

import com.lmax.disruptor.RingBuffer;
import io.ringsift.record.HandlerLoad;
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
    private final HandlerLoad load;
    private RecordBatch<R> local;
    private long waited;

    public BatchPublisher(RingBuffer<RingEvent<R>> ring, int batchCapacity, RunControl control, HandlerLoad load) {
        this.ring = ring;
        this.control = control;
        this.load = load;
        this.local = new RecordBatch<>(batchCapacity);
    }

    @Override
    public RecordBatch<R> batch() {
        return local;
    }

    @Override
    public void publish(int unit) {
        if (!local.isEmpty()) {
            long asked = System.nanoTime();
            long seq = ring.next();
            waited += System.nanoTime() - asked;
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
    public HandlerLoad handlerLoad() {
        return load;
    }

    @Override
    public long waitedNanos() {
        return waited;
    }

    @Override
    public boolean stopRequested() {
        return control.stopRequested();
    }
}
