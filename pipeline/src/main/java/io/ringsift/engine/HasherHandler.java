package io.ringsift.engine;

import com.lmax.disruptor.EventHandler;
import io.ringsift.key.KeyHash;
import io.ringsift.partial.RowConsumer;
import io.ringsift.record.HandedColumns;
import io.ringsift.record.RecordBatch;

/**
 * A hasher: sees every slot, takes only the rows whose key hash falls in its partition, and adds
 * them to its own {@link RowConsumer} (usually a {@code Partial}), typed by the source's row type
 * {@code R}. The same key always lands on the same handler, so the "probably seen" answer and the duplicate count do not depend on how many handlers there are.
 */
public final class HasherHandler<R, S extends RowConsumer<? super R>> implements EventHandler<RingEvent<R>> {
    private final int index;
    private final int partitions;
    private final S state;
    private final RunControl control;
    private final HandlerClock clock;

    HasherHandler(int index, int partitions, S state, RunControl control, HandlerClock clock) {
        this.index = index;
        this.partitions = partitions;
        this.state = state;
        this.control = control;
        this.clock = clock;
    }

    @Override
    public void onEvent(RingEvent<R> event, long sequence, boolean endOfBatch) {
        if (control.failed()) {
            // keep consuming so readers blocked on a full ring can see the stop and return
            return;
        }
        long started = System.nanoTime();
        RecordBatch<R> b = event.batch;
        int unit = b.unitId();
        long[] hi = b.hashHi;
        long[] lo = b.hashLo;
        for (int r = 0, n = b.size(); r < n; r++) {
            if (KeyHash.partition(hi[r], partitions) == index) {
                state.prepare(lo[r], hi[r]);
            }
        }
        for (int r = 0, n = b.size(); r < n; r++) {
            if (KeyHash.partition(hi[r], partitions) == index) {
                b.seen[r] = state.accept(lo[r], hi[r], b.row(r), b.raw[r], unit);
            }
        }
        HandedColumns handed = b.handed();
        for (int j = 0, n = handed.count(); j < n; j++) {
            if (handed.handler(j) == index) {
                b.feedHanded(j);
            }
        }
        clock.addBusy(index, System.nanoTime() - started, b.size());
    }

    public S state() {
        return state;
    }

    @Override
    public String toString() {
        return "hasher-" + index;
    }
}
