package io.ringsift.testing;

import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sink that keeps every record published to it (thread-safe), standing in for the ring in stage tests. */
public final class CollectingSink implements RecordSink<Object>, RejectSink {
    /** One published record. */
    public record Row(int unit, long line, long hashLo, long hashHi, Object row, byte[] raw) {}

    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<Reject> rejects = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<RecordBatch<Object>> batch = ThreadLocal.withInitial(() -> new RecordBatch<>(7));

    @Override
    public RecordBatch<Object> batch() {
        return batch.get();
    }

    @Override
    public void publish(int unit) {
        RecordBatch<Object> b = batch.get();
        for (int i = 0; i < b.size(); i++) {
            // a ByteRow reads its batch, which is reused right below: keep a copy of its values
            Object row = b.row(i) instanceof ByteRow br ? br.toStrings() : b.row(i);
            rows.add(new Row(b.unitId(), b.line[i], b.hashLo[i], b.hashHi[i], row, b.raw[i]));
        }
        b.reset(unit);
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    @Override
    public void reject(Reject r) {
        rejects.add(r);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Reject> rejects() {
        return rejects;
    }
}
