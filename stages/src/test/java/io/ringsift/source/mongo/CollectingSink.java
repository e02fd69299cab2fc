package io.ringsift.source.mongo;

import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import java.util.Queue;
import java.util.function.IntConsumer;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/** One reader thread's sink: on publish, records (batch unit, _id) of every row into a shared queue. */
final class CollectingSink implements RecordSink<RawBsonDocument> {
    record Seen(int unit, BsonValue id) {}

    private final RecordBatch<RawBsonDocument> batch = new RecordBatch<>(128);
    private final Queue<Seen> out;
    private final IntConsumer afterPublish;   // gets the total rows this sink has published
    private int published;
    volatile boolean stop;

    CollectingSink(Queue<Seen> out) {
        this(out, n -> {});
    }

    CollectingSink(Queue<Seen> out, IntConsumer afterPublish) {
        this.out = out;
        this.afterPublish = afterPublish;
    }

    @Override
    public RecordBatch<RawBsonDocument> batch() {
        return batch;
    }

    @Override
    public void publish(int unit) {
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Seen(batch.unitId(), batch.row(i).get("_id")));
        }
        published += batch.size();
        boolean any = !batch.isEmpty();
        batch.reset(unit);
        if (any) {
            afterPublish.accept(published);
        }
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }
}
