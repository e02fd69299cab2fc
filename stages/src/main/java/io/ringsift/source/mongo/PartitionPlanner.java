package io.ringsift.source.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonDouble;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Cuts a collection into about {@code targetPartitions} {@code _id} ranges.
 *
 * <p>Correctness does not depend on where the boundaries fall: any ascending list of boundaries
 * {@code b1 < … < bk} gives ranges {@code (-inf, b1), [b1, b2), …, [bk, +inf)} that cover every
 * {@code _id} exactly once (see {@link IdOrder} for why open ends need care). Strategies only decide
 * how even the ranges are. They are tried in order; the first that answers wins:
 * <ol>
 *   <li>{@link Strategy#SPLIT_VECTOR}: the {@code splitVector} command (a real, unsharded mongod
 *       with the privilege): split points from the {@code _id} index, no collection scan.</li>
 *   <li>{@link Strategy#BUCKET_AUTO}: {@code $bucketAuto} on {@code _id}; even buckets, but the server
 *       scans and sorts every {@code _id} to compute them.</li>
 *   <li>{@link Strategy#OBJECT_ID_INTERPOLATION} / {@link Strategy#NUMERIC_INTERPOLATION}: when min and
 *       max {@code _id} are both ObjectIds (or both numbers) the bounds are spread evenly between them,
 *       treating the 12 ObjectId bytes as one unsigned number (timestamp first, so this is time
 *       interpolation with sub-second resolution). Two indexed look-ups; uneven when ids are skewed,
 *       which the many-partitions-per-reader queue absorbs.</li>
 *   <li>{@link Strategy#SAMPLE}: quantiles of a {@code $sample} of {@code _id}s, sorted by the server.</li>
 *   <li>{@link Strategy#SKIP}: every server can do {@code find().sort(_id).skip(i*n/p).limit(1)}.</li>
 * </ol>
 */
public final class PartitionPlanner {

    public enum Strategy { SINGLE, SPLIT_VECTOR, BUCKET_AUTO, OBJECT_ID_INTERPOLATION, NUMERIC_INTERPOLATION, SAMPLE, SKIP }

    /**
     * @param strategy  what produced the boundaries ({@code SINGLE}: empty collection or one partition asked)
     * @param estimated the server's estimated document count when planning
     * @param notes     strategies that were tried and why they did not answer, for the report
     */
    public record Plan(List<MongoPartition> partitions, Strategy strategy, long estimated, List<String> notes) {}

    private static final Bson BY_ID = Sorts.ascending("_id");
    private static final Bson ID_ONLY = Projections.include("_id");

    private final MongoDatabase database;
    private final MongoCollection<RawBsonDocument> coll;
    private final String namespace;

    /** @param client the client {@code collection} came from (commands run on its database) */
    public PartitionPlanner(MongoClient client, MongoCollection<?> collection) {
        this.database = client.getDatabase(collection.getNamespace().getDatabaseName());
        this.coll = collection.withDocumentClass(RawBsonDocument.class);
        this.namespace = collection.getNamespace().getFullName();
    }

    /**
     * @param query the user's {@code --query} filter (empty for none); it restricts each partition
     *              but not the planning, which is about the {@code _id} space
     */
    public Plan plan(int targetPartitions, BsonDocument query) {
        if (targetPartitions < 1) {
            throw new IllegalArgumentException("Target partitions (" + targetPartitions + ") must be >= 1");
        }
        long estimated = coll.estimatedDocumentCount();
        List<String> notes = new ArrayList<>();
        if (targetPartitions == 1 || coll.find().projection(ID_ONLY).first() == null) {
            return new Plan(partitionsFor(List.of(), query), Strategy.SINGLE, estimated, notes);
        }
        for (Strategy s : List.of(Strategy.SPLIT_VECTOR, Strategy.BUCKET_AUTO, Strategy.OBJECT_ID_INTERPOLATION, Strategy.SAMPLE)) {
            try {
                Bounds b = boundaries(s, targetPartitions, estimated);
                if (b != null) {
                    return new Plan(partitionsFor(b.values, query), b.strategy, estimated, notes);
                }
                notes.add(s + ": does not apply (min and max _id are not both ObjectIds or both numbers)");
            } catch (MongoCommandException e) {
                // the server answered "unknown command / stage / not authorized": try the next way.
                // Network trouble or a stepdown is not a planning matter and propagates.
                if (MongoPartitionReader.isTransient(e)) {
                    throw e;
                }
                notes.add(s + ": " + MongoConnection.firstLine(e.getErrorMessage()));
            }
        }
        Bounds b = boundaries(Strategy.SKIP, targetPartitions, estimated);
        return new Plan(partitionsFor(b.values, query), b.strategy, estimated, notes);
    }

    record Bounds(Strategy strategy, List<BsonValue> values) {}

    /** Boundaries by one strategy, or null when it does not apply to this collection. Package-private for tests. */
    Bounds boundaries(Strategy s, int p, long estimated) {
        return switch (s) {
            case SPLIT_VECTOR -> splitVector(p);
            case BUCKET_AUTO -> bucketAuto(p);
            case OBJECT_ID_INTERPOLATION, NUMERIC_INTERPOLATION -> interpolate(p);
            case SAMPLE -> sample(p);
            case SKIP -> skip(p, estimated);
            case SINGLE -> new Bounds(Strategy.SINGLE, List.of());
        };
    }

    private Bounds splitVector(int p) {
        BsonDocument stats = database.runCommand(new BsonDocument("collStats", new BsonString(coll.getNamespace().getCollectionName())), BsonDocument.class);
        long size = stats.getNumber("size").longValue();
        BsonDocument cmd = new BsonDocument("splitVector", new BsonString(namespace))
                .append("keyPattern", new BsonDocument("_id", new BsonInt32(1)))
                // splitVector cuts at half the chunk size it is given (chunks then have room to grow)
                .append("maxChunkSizeBytes", new BsonInt64(Math.max(1, 2 * size / p)));
        BsonDocument res = database.runCommand(cmd, BsonDocument.class);
        List<BsonValue> keys = new ArrayList<>();
        for (BsonValue k : res.getArray("splitKeys")) {
            keys.add(k.asDocument().get("_id"));
        }
        return new Bounds(Strategy.SPLIT_VECTOR, distinct(keys));
    }

    private Bounds bucketAuto(int p) {
        List<BsonValue> keys = new ArrayList<>();
        Bson stage = new BsonDocument("$bucketAuto", new BsonDocument("groupBy", new BsonString("$_id")).append("buckets", new BsonInt32(p)));
        for (RawBsonDocument bucket : coll.aggregate(List.of(stage)).allowDiskUse(true)) {
            keys.add(bucket.getDocument("_id").get("min"));
        }
        // the first bucket's min is the smallest _id: the open first range already starts there
        return new Bounds(Strategy.BUCKET_AUTO, distinct(keys.isEmpty() ? keys : keys.subList(1, keys.size())));
    }

    private Bounds interpolate(int p) {
        BsonValue min = idAt(Sorts.ascending("_id"));
        BsonValue max = idAt(Sorts.descending("_id"));
        if (min == null || max == null) {
            return null;
        }
        List<BsonValue> keys = new ArrayList<>();
        if (min.isObjectId() && max.isObjectId()) {
            BigInteger lo = new BigInteger(1, min.asObjectId().getValue().toByteArray());
            BigInteger span = new BigInteger(1, max.asObjectId().getValue().toByteArray()).subtract(lo);
            for (int i = 1; i < p; i++) {
                keys.add(new BsonObjectId(new ObjectId(twelveBytes(lo.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(p)))))));
            }
            return new Bounds(Strategy.OBJECT_ID_INTERPOLATION, distinct(keys));
        }
        if ((min.isInt32() || min.isInt64()) && (max.isInt32() || max.isInt64())) {
            // BigInteger: max - min of two longs can overflow a long
            BigInteger lo = BigInteger.valueOf(min.asNumber().longValue());
            BigInteger span = BigInteger.valueOf(max.asNumber().longValue()).subtract(lo);
            for (int i = 1; i < p; i++) {
                keys.add(new BsonInt64(lo.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(p))).longValueExact()));
            }
            return new Bounds(Strategy.NUMERIC_INTERPOLATION, distinct(keys));
        }
        if ((min.isNumber() && max.isNumber()) && !min.isDecimal128() && !max.isDecimal128()) {
            double lo = min.asNumber().doubleValue();
            double hi = max.asNumber().doubleValue();
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !Double.isFinite(hi - lo)) {
                return null;
            }
            for (int i = 1; i < p; i++) {
                keys.add(new BsonDouble(lo + (hi - lo) * i / p));
            }
            return new Bounds(Strategy.NUMERIC_INTERPOLATION, distinct(keys));
        }
        return null;   // strings, mixed types, …: no arithmetic between min and max
    }

    private Bounds sample(int p) {
        // a few dozen samples per boundary make quantiles stable; a sample of under 5% of the
        // collection lets a real mongod use its random cursor instead of a scan
        int size = (int) Math.min(Math.max(32L * p, 256), 100_000);
        List<Bson> pipeline = List.of(
                new BsonDocument("$sample", new BsonDocument("size", new BsonInt32(size))),
                new BsonDocument("$project", new BsonDocument("_id", new BsonInt32(1))));
        BsonArray sampled = new BsonArray();
        for (RawBsonDocument d : coll.aggregate(pipeline).allowDiskUse(true)) {
            sampled.add(d.get("_id"));
        }
        // Sorted by a find, not a $sort stage: the order must be exactly the one range queries use,
        // and mongo-java-server's aggregation $sort fails on mixed-type _ids now and then
        List<BsonValue> ids = new ArrayList<>(sampled.size());
        for (RawBsonDocument d : coll.find(new BsonDocument("_id", new BsonDocument("$in", sampled))).sort(BY_ID).projection(ID_ONLY)) {
            ids.add(d.get("_id"));
        }
        List<BsonValue> keys = new ArrayList<>();
        for (int i = 1; i < p && !ids.isEmpty(); i++) {
            keys.add(ids.get((int) ((long) i * ids.size() / p)));
        }
        return new Bounds(Strategy.SAMPLE, distinct(keys));
    }

    private Bounds skip(int p, long estimated) {
        List<BsonValue> keys = new ArrayList<>();
        for (int i = 1; i < p; i++) {
            RawBsonDocument d = coll.find().sort(BY_ID).projection(ID_ONLY).skip((int) Math.min(Integer.MAX_VALUE, i * estimated / p)).limit(1).first();
            if (d == null) {
                break;   // fewer documents than estimated: later boundaries would lie past the end
            }
            keys.add(d.get("_id"));
        }
        return new Bounds(Strategy.SKIP, distinct(keys));
    }

    private BsonValue idAt(Bson sort) {
        RawBsonDocument d = coll.find().sort(sort).projection(ID_ONLY).limit(1).first();
        return d == null ? null : d.get("_id");
    }

    /** Drops repeats from an ascending list (a boundary equal to the previous makes an empty range). */
    private static List<BsonValue> distinct(List<BsonValue> ascending) {
        List<BsonValue> out = new ArrayList<>();
        for (BsonValue v : ascending) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static byte[] twelveBytes(BigInteger v) {
        byte[] b = v.toByteArray();   // big-endian, maybe with a sign byte or fewer than 12 bytes
        byte[] out = new byte[12];
        int n = Math.min(b.length, 12);
        System.arraycopy(b, b.length - n, out, 12 - n, n);
        return out;
    }

    /** Partitions for ascending boundaries: (-inf, b1), [b1, b2), …, [bk, +inf). */
    List<MongoPartition> partitionsFor(List<BsonValue> bounds, BsonDocument query) {
        List<MongoPartition> out = new ArrayList<>(bounds.size() + 1);
        BsonValue lo = null;
        for (BsonValue b : bounds) {
            out.add(new MongoPartition(out.size(), namespace, lo, b, query));
            lo = b;
        }
        out.add(new MongoPartition(out.size(), namespace, lo, null, query));
        return out;
    }
}
