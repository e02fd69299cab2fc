package io.ringsift.source.mongo;

import io.ringsift.source.WorkUnit;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One {@code _id} range of a collection, {@code [lo, hi)} in MongoDB's sort order, restricted by
 * the user's {@code --query}. A null bound is open: the first partition of a plan has {@code lo ==
 * null} and the last {@code hi == null}, so ids outside the sampled min/max, or of another BSON type,
 * still belong to exactly one partition.
 */
public final class MongoPartition implements WorkUnit {
    private final int id;
    private final String namespace;
    private final BsonValue lo;
    private final BsonValue hi;
    private final BsonDocument query;

    /**
     * @param namespace {@code db.collection}
     * @param query     the user's filter, or an empty document for none
     */
    public MongoPartition(int id, String namespace, BsonValue lo, BsonValue hi, BsonDocument query) {
        this.id = id;
        this.namespace = namespace;
        this.lo = lo;
        this.hi = hi;
        this.query = query == null ? new BsonDocument() : query.clone();
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String source() {
        return namespace;
    }

    /** Inclusive lower bound, or null for unbounded. */
    public BsonValue lo() {
        return lo;
    }

    /** Exclusive upper bound, or null for unbounded. */
    public BsonValue hi() {
        return hi;
    }

    public BsonDocument query() {
        return query.clone();
    }

    /** The filter for the whole partition. */
    public BsonDocument filter() {
        return withQuery(IdOrder.rangeFilter(lo, true, hi));
    }

    /** The filter for what is left after {@code lastId} was read: {@code (lastId, hi)}. */
    public BsonDocument filterAfter(BsonValue lastId) {
        return withQuery(IdOrder.rangeFilter(lastId, false, hi));
    }

    private BsonDocument withQuery(BsonDocument range) {
        if (query.isEmpty()) {
            return range;
        }
        if (range.isEmpty()) {
            return query.clone();
        }
        return new BsonDocument("$and", new BsonArray(List.of(range, query.clone())));
    }

    /** e.g. {@code ringsift.people partition 3 _id [{"$oid": "…"}, 1200)}; "-inf"/"+inf" for open bounds. */
    @Override
    public String describe() {
        return namespace + " partition " + id + " _id [" + (lo == null ? "-inf" : ExtJson.of(lo)) + ", "
                + (hi == null ? "+inf" : ExtJson.of(hi)) + ")" + (query.isEmpty() ? "" : " where " + query.toJson());
    }

    @Override
    public String toString() {
        return describe();
    }
}
