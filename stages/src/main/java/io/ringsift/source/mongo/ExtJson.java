package io.ringsift.source.mongo;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Extended JSON v2 (relaxed) text of single BSON values, for messages, rejects and descriptions. */
public final class ExtJson {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final String PREFIX = "{\"v\": ";

    private ExtJson() {}

    /** {@code "abc"}, {@code 42}, {@code {"$oid": "…"}}; "null" for a Java null. */
    public static String of(BsonValue v) {
        if (v == null) {
            return "null";
        }
        // the driver only writes whole documents; wrap the value and cut the wrapper off again
        String doc = new BsonDocument("v", v).toJson(RELAXED);
        return doc.substring(PREFIX.length(), doc.length() - 1);
    }

    /** A document's JSON cut to at most {@code max} characters (rejects keep raw text, but not megabytes of it). */
    public static String truncated(BsonDocument doc, int max) {
        String s = doc.toJson(RELAXED);
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
