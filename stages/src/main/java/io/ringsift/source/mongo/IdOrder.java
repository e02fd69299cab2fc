package io.ringsift.source.mongo;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Builds {@code _id} range filters that follow MongoDB's total sort order across BSON types.
 *
 * <p>Why this exists: MongoDB comparison operators use "type bracketing". {@code {_id: {$lt: "m"}}}
 * matches strings below "m" only, never numbers or ObjectIds, although numbers sort below strings.
 * A naive first range {@code {$lt: b1}} would therefore silently drop every {@code _id} of another
 * type (the embedded server brackets the same way). So a range whose bounds lie in different type
 * brackets, or are open, is written as an {@code $or} of: the part of the lower bound's bracket above
 * it, every whole bracket in between (by {@code $type}), and the part of the upper bound's bracket
 * below it. The brackets, in MongoDB's sort order, are the ones in {@link #BRACKETS}.
 *
 * <p>Limitation: the deprecated types symbol, dbPointer, javascript and javascriptWithScope are
 * left out of the {@code $type} lists because mongo-java-server rejects their aliases (and
 * undefined, regex and arrays cannot be {@code _id}s). A collection with {@code _id}s of those
 * types on a real server would lose them from ranges spanning several brackets; plan it as one
 * partition.
 */
final class IdOrder {
    /** MongoDB's cross-type sort order; each entry lists the $type aliases that compare as one bracket. */
    private static final List<List<String>> BRACKETS = List.of(
            List.of("minKey"),
            List.of("null"),
            List.of("int", "long", "double", "decimal"),
            List.of("string"),
            List.of("object"),
            List.of("array"),
            List.of("binData"),
            List.of("objectId"),
            List.of("bool"),
            List.of("date"),
            List.of("timestamp"),
            List.of("regex"),
            List.of("maxKey"));

    private IdOrder() {}

    /** Index of the bracket {@code v} sorts in. */
    static int bracket(BsonValue v) {
        String alias = switch (v.getBsonType()) {
            case SYMBOL -> "string";       // symbols compare as strings
            case UNDEFINED -> "null";      // and undefined as null
            default -> alias(v.getBsonType());
        };
        for (int i = 0; i < BRACKETS.size(); i++) {
            if (BRACKETS.get(i).contains(alias)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No sort bracket for BSON type " + v.getBsonType());
    }

    static boolean sameBracket(BsonValue a, BsonValue b) {
        return bracket(a) == bracket(b);
    }

    /**
     * The filter selecting {@code _id} values in the range from {@code lo} (inclusive or exclusive;
     * null = below everything) to {@code hi} (exclusive; null = above everything).
     */
    static BsonDocument rangeFilter(BsonValue lo, boolean loInclusive, BsonValue hi) {
        String loOp = loInclusive ? "$gte" : "$gt";
        if (lo == null && hi == null) {
            return new BsonDocument();
        }
        if (lo != null && hi != null && sameBracket(lo, hi)) {
            return idCondition(new BsonDocument(loOp, lo).append("$lt", hi));
        }
        int first = lo == null ? 0 : bracket(lo) + 1;       // whole brackets strictly between the bounds
        int last = hi == null ? BRACKETS.size() - 1 : bracket(hi) - 1;
        List<BsonDocument> parts = new ArrayList<>();
        if (lo != null) {
            parts.add(idCondition(new BsonDocument(loOp, lo).append("$type", types(bracket(lo), bracket(lo)))));
        }
        if (first <= last) {
            parts.add(idCondition(new BsonDocument("$type", types(first, last))));
        }
        if (hi != null) {
            parts.add(idCondition(new BsonDocument("$lt", hi).append("$type", types(bracket(hi), bracket(hi)))));
        }
        return parts.size() == 1 ? parts.get(0) : new BsonDocument("$or", new BsonArray(parts));
    }

    private static BsonDocument idCondition(BsonDocument ops) {
        return new BsonDocument("_id", ops);
    }

    private static BsonArray types(int fromBracket, int toBracket) {
        BsonArray a = new BsonArray();
        for (int i = fromBracket; i <= toBracket; i++) {
            for (String alias : BRACKETS.get(i)) {
                a.add(new BsonString(alias));
            }
        }
        return a;
    }

    /** MongoDB's {@code $type} alias for a BSON type (also the names the field report uses). */
    static String alias(BsonType t) {
        return switch (t) {
            case DOUBLE -> "double";
            case STRING -> "string";
            case DOCUMENT -> "object";
            case ARRAY -> "array";
            case BINARY -> "binData";
            case UNDEFINED -> "undefined";
            case OBJECT_ID -> "objectId";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "date";
            case NULL -> "null";
            case REGULAR_EXPRESSION -> "regex";
            case DB_POINTER -> "dbPointer";
            case JAVASCRIPT -> "javascript";
            case SYMBOL -> "symbol";
            case JAVASCRIPT_WITH_SCOPE -> "javascriptWithScope";
            case INT32 -> "int";
            case TIMESTAMP -> "timestamp";
            case INT64 -> "long";
            case DECIMAL128 -> "decimal";
            case MIN_KEY -> "minKey";
            case MAX_KEY -> "maxKey";
            case END_OF_DOCUMENT -> throw new IllegalArgumentException("END_OF_DOCUMENT is not a value type");
        };
    }
}
