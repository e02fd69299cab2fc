package io.ringsift.jmh;

import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one BSON document as the Mongo reader receives it (bytes off the wire), per document:
 * a 10-field document with a nested sub-document two levels deep and an array, plus
 * {@code extraFields} more top-level strings (the key field {@code key} sits after the first ten,
 * so a raw lookup has to skip past them).
 *
 * <pre>
 *   documentDecodeAll     DocumentCodec → org.bson.Document (every value decoded into Java objects), read key
 *   bsonDocumentDecodeAll BsonDocumentCodec → BsonDocument (every value decoded into BsonValues), read key
 *   rawKeyOnly            RawBsonDocument.get("key"): scans field names, decodes only the key
 *   rawWalkAll            RawBsonDocument.entrySet(): every top-level value decoded (sub-documents stay raw),
 *                         i.e. what field discovery over every field costs
 * </pre>
 * WRONG when only the key (and perhaps a few fields) is needed: the two decode-all variants build
 * every value of every document, nested ones included, to read one field.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class BsonDecodeBench {
    @Param({"0", "30"})
    public int extraFields;

    byte[] bytes;
    final DocumentCodec documentCodec = new DocumentCodec();
    final BsonDocumentCodec bsonDocumentCodec = new BsonDocumentCodec();
    final DecoderContext ctx = DecoderContext.builder().build();

    @Setup
    public void setup() {
        Document d = new Document("_id", new ObjectId("65f0c0ffee0000000000abcd"))
                .append("name", "Smith, Maria")
                .append("email", "maria.smith17@example.com")
                .append("age", 42)
                .append("score", 1234.56)
                .append("active", true)
                .append("created", new Date(1_710_500_000_000L))
                .append("address", new Document("street", "Rua Augusta 12").append("city", "Lisbon").append("zip", "1100-053")
                        .append("geo", new Document("lat", 38.7101).append("lon", -9.1370)))
                .append("tags", List.of("priority", "refund", "blue"))
                .append("note", "customer asked about invoice, twice");
        for (int i = 0; i < extraFields; i++) {
            d.append("extra" + i, "value number " + i);
        }
        d.append("key", "K4821930571");
        BasicOutputBuffer out = new BasicOutputBuffer();
        documentCodec.encode(new BsonBinaryWriter(out), d, EncoderContext.builder().build());
        bytes = out.toByteArray();
    }

    @Benchmark
    public Object documentDecodeAll() {
        Document d = documentCodec.decode(new BsonBinaryReader(ByteBuffer.wrap(bytes)), ctx);
        return d.get("key");
    }

    @Benchmark
    public Object bsonDocumentDecodeAll() {
        BsonDocument d = bsonDocumentCodec.decode(new BsonBinaryReader(ByteBuffer.wrap(bytes)), ctx);
        return d.get("key");
    }

    @Benchmark
    public BsonValue rawKeyOnly() {
        return new RawBsonDocument(bytes).get("key");
    }

    @Benchmark
    public void rawWalkAll(Blackhole bh) {
        for (Map.Entry<String, BsonValue> e : new RawBsonDocument(bytes).entrySet()) {
            bh.consume(e.getValue());
        }
    }
}
