package io.ringsift.partial;

import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;

/**
 * Walks a document's fields, top-level and nested, without decoding values: a
 * {@link RawBsonDocument} is read straight from its bytes and leaf values are skipped, so the
 * only objects made per field are the field-name strings.
 *
 * <p>Paths follow MongoDB's dotted notation: subdocument fields are {@code a.b}; fields of
 * documents inside an array are reported under the array's path with no index ({@code items.sku}),
 * as a query on {@code items.sku} would match them. Scalars inside arrays and arrays nested in
 * arrays are not descended into (the array itself is reported as type {@code array}). Depth 1 is
 * the top level; {@code maxDepth} stops the descent.
 *
 * @param <N> the visitor's handle for a path (e.g. a node of a path tree)
 */
public final class DocumentFieldWalker<N> {

    /** Receives each field occurrence; returns the handle under which its children are reported. */
    public interface Visitor<N> {
        N field(N parent, String name, BsonType type);
    }

    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final int maxDepth;
    private final Visitor<N> visitor;

    public DocumentFieldWalker(int maxDepth, Visitor<N> visitor) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("Max depth (" + maxDepth + ") must be >= 1 (1 = top-level fields only)");
        }
        this.maxDepth = maxDepth;
        this.visitor = visitor;
    }


    /** Reports every field of {@code doc} to the visitor, starting from {@code root}. */
    public void walk(BsonDocument doc, N root) {
        // RawBsonDocument does not override asBsonReader(): the inherited one decodes the whole
        // document into objects first (a JFR profile of ingest mongo showed it as the handler's top
        // cost), so read the raw bytes with a binary reader
        try (BsonReader r = doc instanceof RawBsonDocument raw
                ? new BsonBinaryReader(raw.getByteBuffer().asNIO()) : new BsonDocumentReader(doc)) {
            document(r, root, 1);
        }
    }

    private void document(BsonReader r, N parent, int depth) {
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            BsonType type = r.getCurrentBsonType();
            N node = visitor.field(parent, name, type);
            if (depth < maxDepth && type == BsonType.DOCUMENT) {
                document(r, node, depth + 1);
            } else if (depth < maxDepth && type == BsonType.ARRAY) {
                array(r, node, depth + 1);
            } else {
                r.skipValue();
            }
        }
        r.readEndDocument();
    }

    private void array(BsonReader r, N arrayNode, int elementDepth) {
        r.readStartArray();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (r.getCurrentBsonType() == BsonType.DOCUMENT) {
                document(r, arrayNode, elementDepth);
            } else {
                r.skipValue();
            }
        }
        r.readEndArray();
    }
}
