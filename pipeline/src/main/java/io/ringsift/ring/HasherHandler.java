package io.ringsift.ring;

import com.lmax.disruptor.EventHandler;
import io.ringsift.key.KeyHash;
import io.ringsift.partial.Partial;
import io.ringsift.record.RecordBatch;
import io.ringsift.run.RunControl;

/**
 * A hasher: sees every slot, takes only the rows whose key hash falls in its partition, and adds
 * them to its own {@link Partial}. The same key always lands on the same handler, so the "probably
 * seen" answer and the duplicate count do not depend on how many handlers there are.
 */
public final class HasherHandler implements EventHandler<RingEvent> {
    private final int index;
    private final int partitions;
    private final Partial partial;
    private final RunControl control;

    public HasherHandler(int index, int partitions, Partial partial, RunControl control) {
        this.index = index;
        this.partitions = partitions;
        this.partial = partial;
        this.control = control;
    }

    @Override
    public void onEvent(RingEvent event, long sequence, boolean endOfBatch) {
        if (control.failed()) {
            // keep consuming so readers blocked on a full ring can see the stop and return
            return;
        }
        RecordBatch b = event.batch;
        int unit = b.unitId();
        long[] hi = b.hashHi;
        for (int r = 0, n = b.size(); r < n; r++) {
            if (KeyHash.partition(hi[r], partitions) == index) {
                b.seen[r] = partial.add(b.hashLo[r], hi[r], b.rows[r], unit);
            }
        }
    }

    public Partial partial() {
        return partial;
    }

    @Override
    public String toString() {
        return "hasher-" + index;
    }
}
