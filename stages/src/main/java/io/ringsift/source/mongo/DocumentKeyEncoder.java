package io.ringsift.source.mongo;

import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Builds a document's canonical key from the {@link KeySpec}'s dotted paths, type-aware.
 *
 * <p>Each part is tagged with its BSON type number, so <b>string "1", int32 1, int64 1 and double 1.0
 * are four different keys</b>. This is a deliberate choice: MongoDB itself treats the numbers as equal
 * in queries, but a dedup check that silently merged {@code "1"} with {@code 1} would hide exactly the
 * schema drift a user wants to find, and normalising numbers across types has no exact answer
 * (int64 values above 2^53 have no double). Users who want numeric equality can key on a field whose
 * type is uniform.
 *
 * <p>Value bytes (little-endian, as in BSON): string and symbol are the UTF-8 text alone, so a
 * Mongo string key equals a CSV key of the same text; int32 4 bytes, int64/date/timestamp 8 bytes;
 * double its 8 IEEE bytes with -0.0 folded into 0.0 and every NaN into one NaN; ObjectId 12 bytes;
 * bool 1 byte; decimal128 its 16 BSON bytes (not normalised: 1.0 and 1.00 differ); null, undefined,
 * minKey, maxKey no bytes; embedded documents and arrays their BSON bytes (so field order matters,
 * as in MongoDB equality); other types their BSON value bytes.
 *
 * <p>One instance per reader thread: it reuses its buffers.
 */
public final class DocumentKeyEncoder {
    private static final byte[] NONE = new byte[0];
    /** {@code {"": value}} is int32 length, type byte, empty name's NUL, then the value bytes, then a NUL. */
    private static final int WRAPPED_VALUE_OFFSET = 4 + 1 + 1;

    private final String[] paths;
    private final String[][] segments;
    private final byte[] scratch = new byte[16];
    private final BasicOutputBuffer out = new BasicOutputBuffer(256);
    private final BsonDocumentCodec codec = new BsonDocumentCodec();

    public DocumentKeyEncoder(KeySpec spec) {
        if (spec.isWholeRecord()) {
            throw new IllegalArgumentException("A document key needs at least one field path (e.g. _id): " + spec.describe());
        }
        paths = spec.fields().toArray(new String[0]);
        segments = new String[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            segments[i] = paths[i].split("\\.", -1);
        }
    }

    /**
     * Encodes the key parts of {@code doc} into {@code enc} (after {@code reset()}).
     *
     * @return null when the key was built, otherwise the reject reason ("missing key field 'x'")
     */
    public String encode(BsonDocument doc, KeyEncoder enc) {
        enc.reset();
        for (int i = 0; i < paths.length; i++) {
            BsonValue v = doc;
            String[] segs = segments[i];
            for (int s = 0; s < segs.length; s++) {
                if (!v.isDocument()) {
                    // dotted paths only go through documents: through an array the key would be ambiguous
                    return "key field '" + paths[i] + "' is unreachable: '" + String.join(".", Arrays.copyOf(segs, s))
                            + "' is " + IdOrder.alias(v.getBsonType()) + ", not object";
                }
                v = v.asDocument().get(segs[s]);
                if (v == null) {
                    return "missing key field '" + paths[i] + "'";
                }
            }
            add(v, enc);
        }
        return null;
    }

    private void add(BsonValue v, KeyEncoder enc) {
        BsonType t = v.getBsonType();
        byte tag = (byte) t.getValue();
        switch (t) {
            case STRING -> enc.addString(v.asString().getValue());
            case SYMBOL -> {
                byte[] utf8 = v.asSymbol().getSymbol().getBytes(StandardCharsets.UTF_8);
                enc.addBytes(tag, utf8, 0, utf8.length);
            }
            case INT32 -> enc.addBytes(tag, le(v.asInt32().getValue(), 4), 0, 4);
            case INT64 -> enc.addBytes(tag, le(v.asInt64().getValue(), 8), 0, 8);
            case DATE_TIME -> enc.addBytes(tag, le(v.asDateTime().getValue(), 8), 0, 8);
            case DOUBLE -> {
                double d = v.asDouble().getValue();
                long bits = d == 0.0 ? 0L : Double.doubleToLongBits(d);  // -0.0 == 0.0; doubleToLongBits folds NaNs
                enc.addBytes(tag, le(bits, 8), 0, 8);
            }
            case OBJECT_ID -> {
                v.asObjectId().getValue().putToByteBuffer(ByteBuffer.wrap(scratch));
                enc.addBytes(tag, scratch, 0, 12);
            }
            case BOOLEAN -> {
                scratch[0] = (byte) (v.asBoolean().getValue() ? 1 : 0);
                enc.addBytes(tag, scratch, 0, 1);
            }
            case NULL, UNDEFINED, MIN_KEY, MAX_KEY -> enc.addBytes(tag, NONE, 0, 0);
            default -> {
                // documents, arrays, decimal128, binary, regex, …: BSON's own value bytes are canonical
                out.truncateToPosition(0);
                try (BsonBinaryWriter w = new BsonBinaryWriter(out)) {
                    codec.encode(w, new BsonDocument("", v), EncoderContext.builder().build());
                }
                byte[] bytes = out.getInternalBuffer();
                enc.addBytes(tag, bytes, WRAPPED_VALUE_OFFSET, out.getPosition() - WRAPPED_VALUE_OFFSET - 1);
            }
        }
    }

    private byte[] le(long v, int n) {
        for (int i = 0; i < n; i++) {
            scratch[i] = (byte) (v >>> (8 * i));
        }
        return scratch;
    }
}
