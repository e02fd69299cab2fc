package io.ringsift.source.mongo;

import com.google.common.util.concurrent.RateLimiter;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.HashPairSet;
import io.ringsift.record.RecordSink;
import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Streams one {@code _id} partition into the ring: {@code {_id in [lo, hi)} AND query}, sorted by
 * {@code _id}, decoded as {@link RawBsonDocument} (the bytes off the wire, no per-field objects).
 *
 * <p>Resume: the reader remembers the last {@code _id} it handed to the batch. When the cursor fails
 * with a transient error (socket closed, cursor killed, primary stepped down, server selection timed
 * out) it reopens on {@code (lastId, hi)}: since results come in {@code _id} order and {@code _id} is
 * unique, every document before the failure was read once and every one after it will be, so nothing
 * is lost or doubled. Up to {@code maxRetries} reopens per partition, with exponential backoff.
 *
 * <p>One instance per reader thread (it reuses its key buffers); the collection, client and rate
 * limiter are shared.
 */
public final class MongoPartitionReader implements UnitReader<MongoPartition, RawBsonDocument> {

    /**
     * @param batchSize   documents per server round trip ({@code cursor.batchSize})
     * @param maxRetries  reopens allowed per partition before it fails
     * @param backoff     wait before the first reopen; doubled each time, capped at 30 s
     * @param rate        shared docs/s throttle ({@code --max-rate}), or null for none
     */
    public record Options(int batchSize, int maxRetries, Duration backoff, RateLimiter rate) {
        public static final Options DEFAULTS = new Options(1000, 5, Duration.ofMillis(200), null);

        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("Batch size (" + batchSize + ") must be >= 1");
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("Max retries (" + maxRetries + ") must be >= 0");
            }
        }

        /** A throttle for {@code --max-rate}: one limiter shared by every reader of the run. */
        public static RateLimiter maxRate(double docsPerSecond) {
            if (!(docsPerSecond > 0)) {
                throw new IllegalArgumentException("Max rate (" + docsPerSecond + " docs/s) must be > 0");
            }
            return RateLimiter.create(docsPerSecond);
        }
    }

    private static final Bson BY_ID = Sorts.ascending("_id");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Documents per rate-limiter permit request: acquiring per document would cost more than the read. */
    private static final int RATE_CHUNK = 256;
    private static final int REJECT_RAW_CHARS = 2000;

    private final MongoCollection<RawBsonDocument> coll;
    private final DocumentKeyEncoder keys;
    private final Options options;
    private final KeyEncoder enc = new KeyEncoder();
    private final KeyHash hash = new KeyHash();

    public MongoPartitionReader(MongoCollection<?> collection, KeySpec key, Options options) {
        this(collection, key, options, false);
    }

    /**
     * @param keepJson attach each accepted document as one line of canonical Extended JSON (types kept: an int64 stays {"$numberLong"}) (for
     *                 {@code check --new/--seen} output), as its raw bytes in the batch
     */
    public MongoPartitionReader(MongoCollection<?> collection, KeySpec key, Options options, boolean keepJson) {
        this(collection, key, options, keepJson, null);
    }

    /**
     * @param only when not null, exact mode's second pass: publish only documents whose key hash is
     *             in {@code only}, with the canonical key bytes attached instead of the document
     */
    public MongoPartitionReader(MongoCollection<?> collection, KeySpec key, Options options, boolean keepJson,
                                HashPairSet only) {
        this.coll = collection.withDocumentClass(RawBsonDocument.class);
        this.keys = new DocumentKeyEncoder(key);
        this.options = options;
        this.keepJson = keepJson;
        this.only = only;
    }

    private final HashPairSet only;

    private final boolean keepJson;
    private final KeyPathCheck keyCheck = new KeyPathCheck();
    private static final JsonWriterSettings JSON_LINES =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @Override
    public UnitResult read(MongoPartition unit, RecordSink<? super RawBsonDocument> sink, RejectSink rejects) throws InterruptedException {
        sink.publish(unit.id());   // the batch being filled now belongs to this unit (nothing is sent if empty)
        RawBsonDocument lastDoc = null;  // the last document handed on; its _id is decoded only on failure
        BsonValue lastId = null;
        long records = 0;
        long rejected = 0;
        long bytes = 0;
        long ordinal = 0;
        int retries = 0;
        int permits = 0;
        while (true) {
            Bson filter = lastId == null ? unit.filter() : unit.filterAfter(lastId);
            try (MongoCursor<RawBsonDocument> cursor = coll.find(filter).sort(BY_ID).batchSize(options.batchSize()).iterator()) {
                while (cursor.hasNext()) {
                    RawBsonDocument doc = cursor.next();
                    if (options.rate() != null && permits-- == 0) {
                        options.rate().acquire(RATE_CHUNK);
                        permits = RATE_CHUNK - 1;
                    }
                    ordinal++;
                    bytes += doc.getByteBuffer().remaining();
                    String problem = keys.encode(doc, enc);
                    keyCheck.observe(doc, problem);
                    if (problem != null) {
                        rejected++;
                        rejects.reject(new Reject(unit.source(), 0, ExtJson.of(doc.get("_id")), problem,
                                ExtJson.truncated(doc, REJECT_RAW_CHARS)));
                        if (sink.stopRequested()) {
                            // --max-rejects reached: documents that are all rejects publish no batch to notice it by
                            return new UnitResult(unit.id(), records, rejected, bytes, retries);
                        }
                    } else {
                        records++;
                        enc.hash(hash);
                        if (only != null) {
                            if (only.contains(hash.lo, hash.hi) && sink.batch().add(hash.lo, hash.hi, ordinal, null, enc.toBytes())) {
                                sink.publish(unit.id());
                            }
                            lastDoc = doc;
                            continue;
                        }
                        byte[] json = keepJson ? (doc.toJson(JSON_LINES) + "\n").getBytes(StandardCharsets.UTF_8) : null;
                        if (sink.batch().add(hash.lo, hash.hi, ordinal, doc, json)) {
                            sink.publish(unit.id());
                            if (sink.stopRequested()) {
                                return new UnitResult(unit.id(), records, rejected, bytes, retries);
                            }
                        }
                    }
                    // only now is the document fully handed on: a failure after this line resumes past it
                    lastDoc = doc;
                }
                break;
            } catch (MongoInterruptedException e) {
                throw e;   // the run is being cancelled, not a read failure
            } catch (MongoException e) {
                if (lastDoc != null) {
                    lastId = lastDoc.get("_id");
                }
                if (!isTransient(e) || retries >= options.maxRetries()) {
                    throw new MongoSourceException(unit.describe() + ": read failed" + (retries > 0 ? " after " + retries + " retries" : "")
                            + "; last _id read: " + ExtJson.of(lastId) + "; " + e.getClass().getSimpleName() + ": "
                            + MongoConnection.firstLine(e.getMessage()), e);
                }
                retries++;
                Thread.sleep(backoff(retries));
                if (sink.stopRequested()) {
                    break;
                }
            }
        }
        sink.publish(unit.id());
        keyCheck.unitDone();
        return new UnitResult(unit.id(), records, rejected, bytes, retries);
    }

    private long backoff(int attempt) {
        long ms = options.backoff().toMillis() << Math.min(attempt - 1, 20);
        return Math.min(ms, MAX_BACKOFF.toMillis());
    }

    /** Errors after which the same read can succeed on a new cursor (same or another server). */
    static boolean isTransient(MongoException e) {
        return e instanceof MongoSocketException              // connection reset/closed, read timeout
                || e instanceof MongoCursorNotFoundException  // cursor timed out or killed, e.g. on failover
                || e instanceof MongoNotPrimaryException      // stepdown
                || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoTimeoutException         // no server selectable (yet)
                || e instanceof MongoOperationTimeoutException
                || e instanceof MongoConnectionPoolClearedException
                || e.hasErrorLabel("RetryableReadError")
                || e.hasErrorLabel("ResumableChangeStreamError");
    }
}
