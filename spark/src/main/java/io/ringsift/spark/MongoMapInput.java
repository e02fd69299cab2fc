package io.ringsift.spark;

import com.mongodb.client.MongoCollection;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.PathProfile;
import io.ringsift.record.RecordSink;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitResult;
import io.ringsift.source.mongo.MongoConnection;
import io.ringsift.source.mongo.MongoPartition;
import io.ringsift.source.mongo.MongoPartitionReader;
import io.ringsift.source.mongo.MongoSourceException;
import java.io.Serial;
import java.time.Duration;
import java.util.List;
import org.bson.RawBsonDocument;

/**
 * {@code _id} ranges in map tasks: each is read by the stages' {@link MongoPartitionReader} (sorted
 * by {@code _id}, reopened after the last {@code _id} read on a transient error, the key encoded and
 * hashed once, a document without the key a reject with its {@code _id}), through the executor's
 * one client ({@link ExecutorMongo}).
 *
 * @param serverSelectionMillis {@code --server-timeout}
 * @param socketReadMillis      {@code --socket-timeout} (0: wait for ever)
 * @param ratePerTask           documents per second for one task ({@code --max-rate} over the tasks that run at once), or null
 * @param maxDepth              path depth of the field profile ({@code DocumentFieldWalker.UNLIMITED} for all), or -1 for no profile
 */
record MongoMapInput(String uri, long serverSelectionMillis, long connectMillis, long socketReadMillis, String db, String collection,
                     String namespace, List<String> key, int cursorBatch, int retries, long backoffMillis, Double ratePerTask,
                     int maxDepth) implements MapInput<SparkRange> {
    @Serial
    private static final long serialVersionUID = 1L;

    MongoMapInput {
        key = List.copyOf(key);
    }

    MongoConnection.Options connection() {
        return new MongoConnection.Options(Duration.ofMillis(serverSelectionMillis), Duration.ofMillis(connectMillis),
                Duration.ofMillis(socketReadMillis));
    }

    @Override
    public int unit(SparkRange r) {
        return r.id();
    }

    @Override
    public String source(SparkRange r) {
        return namespace;
    }

    @Override
    public FieldProfile newProfile(SparkRange r) {
        return maxDepth < 0 ? null : new PathProfile(maxDepth);
    }

    @Override
    public Reader<SparkRange> newReader() {
        return new RangeReader();
    }

    /** One task's reader: its {@link MongoPartitionReader} is made at the first range, on the executor's shared client. */
    private final class RangeReader implements Reader<SparkRange> {
        private MongoPartitionReader reader;

        @Override
        public UnitResult read(SparkRange r, RecordSink sink, RejectSink rejects) throws Exception {
            MongoPartition range = r.toPartition(namespace);
            if (reader == null) {
                MongoCollection<RawBsonDocument> coll;
                try {
                    coll = ExecutorMongo.client(uri, connection()).getDatabase(db).getCollection(collection, RawBsonDocument.class);
                } catch (MongoSourceException e) {
                    // "cannot reach MongoDB at ...": say which range could not be read
                    throw new MongoSourceException(range.describe() + ": " + e.getMessage(), e);
                }
                MongoPartitionReader.Options options = new MongoPartitionReader.Options(cursorBatch, retries,
                        Duration.ofMillis(backoffMillis), ratePerTask == null ? null : MongoPartitionReader.Options.maxRate(ratePerTask));
                reader = new MongoPartitionReader(coll, new KeySpec(key), options, false);
            }
            return reader.read(range, sink, rejects);
        }
    }
}
