package io.ringsift.spark;

import io.ringsift.source.mongo.MongoPartition;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * One map task's input for a collection: one {@link MongoPartition} ({@code _id} range and query)
 * as the planner made it, sent to the task as BSON bytes ({@code {lo?, hi?, query}}; a missing
 * bound is an open end). BSON keeps every bound's exact type, so the task queries exactly the
 * range the driver planned.
 */
record SparkRange(int id, byte[] bson) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static SparkRange of(MongoPartition p) {
        BsonDocument d = new BsonDocument();
        if (p.lo() != null) {
            d.put("lo", p.lo());
        }
        if (p.hi() != null) {
            d.put("hi", p.hi());
        }
        d.put("query", p.query());
        ByteBuffer b = new RawBsonDocument(d, new BsonDocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new SparkRange(p.id(), bytes);
    }

    MongoPartition toPartition(String namespace) {
        BsonDocument d = new RawBsonDocument(bson).decode(new BsonDocumentCodec());
        return new MongoPartition(id, namespace, d.get("lo"), d.get("hi"), d.getDocument("query"));
    }
}
