package io.ringsift.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Writes one Extended JSON v2 (relaxed, as mongoexport writes it) document per line. Fields mix
 * types on purpose — a numeric field is sometimes a string or null, a decimal sometimes a
 * Decimal128 — because field discovery must report that.
 */
final class JsonlGenerator {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private JsonlGenerator() {
    }

    static void write(GeneratorSpec spec, KeySequence keys, SplittableRandom valuesRandom, Writer out) throws IOException {
        Columns columns = new Columns(spec.columns(), Columns.JSONL_CYCLE);
        FieldValues values = new FieldValues(valuesRandom);
        byte[] machine = machineBytes(spec.seed());
        for (long r = 0; r < spec.rows(); r++) {
            BsonDocument doc = new BsonDocument("_id", new BsonObjectId(objectId(machine, r)));
            doc.put("key", new BsonString(keys.text(keys.next())));
            for (int c = 0; c < columns.kinds.length; c++) {
                doc.put(columns.names[c + 1], value(columns.kinds[c], values));
            }
            out.write(doc.toJson(JSON));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * ObjectIds that ascend with the row number, as a real insert stream's do: a timestamp (1000
     * documents per second from 2020-01-01), five bytes from the seed in place of the random
     * process value, and the position within that second as the counter. Unique per row.
     */
    static ObjectId objectId(byte[] machine, long row) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putInt((int) (FieldValues.BASE_MILLIS / 1000 + row / 1000));
        b.put(machine);
        int counter = (int) (row % 1000);
        b.put((byte) (counter >>> 16)).put((byte) (counter >>> 8)).put((byte) counter);
        return new ObjectId(b.array());
    }

    private static byte[] machineBytes(long seed) {
        long m = KeySequence.mix(seed);
        return new byte[] {(byte) m, (byte) (m >>> 8), (byte) (m >>> 16), (byte) (m >>> 24), (byte) (m >>> 32)};
    }

    private static BsonValue value(Columns.Kind kind, FieldValues v) {
        return switch (kind) {
            case INT -> intValue(v);
            case DECIMAL -> v.chance(0.1)
                    ? new BsonDecimal128(Decimal128.parse(FieldValues.decimalText(v.cents())))
                    : new BsonDouble(v.cents() / 100.0);
            case BOOL -> BsonBoolean.valueOf(v.bool());
            case TIMESTAMP -> v.chance(0.05)
                    ? new BsonString(FieldValues.isoText(v.epochMillis()))
                    : new BsonDateTime(v.epochMillis());
            case TEXT -> new BsonString(v.note());
            case NAME -> new BsonString(v.name());
            case OBJECT -> customer(v);
            case ARRAY -> items(v);
        };
    }

    private static BsonValue intValue(FieldValues v) {
        int pick = v.nextInt(100);
        if (pick < 2) {
            return BsonNull.VALUE;
        }
        if (pick < 5) {
            return new BsonString(Integer.toString(v.smallInt()));
        }
        if (pick < 10) {
            return new BsonInt64(v.bigInt());
        }
        return new BsonInt32(v.smallInt());
    }

    private static BsonDocument customer(FieldValues v) {
        BsonDocument address = new BsonDocument("city", new BsonString(v.city()))
                .append("zip", v.chance(0.5) ? new BsonInt32(10_000 + v.nextInt(90_000))
                        : new BsonString("D0" + v.nextInt(10) + " " + v.nextInt(10) + "XY"));
        return new BsonDocument("name", new BsonString(v.name()))
                .append("vip", BsonBoolean.valueOf(v.chance(0.1)))
                .append("address", address);
    }

    private static BsonArray items(FieldValues v) {
        int n = v.nextInt(4);
        BsonArray items = new BsonArray(n);
        for (int i = 0; i < n; i++) {
            items.add(new BsonDocument("sku", new BsonString(v.sku()))
                    .append("qty", new BsonInt32(1 + v.nextInt(9)))
                    .append("price", new BsonDouble(v.cents() / 100.0)));
        }
        return items;
    }
}
