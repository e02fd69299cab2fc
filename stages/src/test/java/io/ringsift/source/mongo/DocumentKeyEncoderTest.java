package io.ringsift.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeySpec;
import io.ringsift.record.Reject;
import io.ringsift.source.UnitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class DocumentKeyEncoderTest {
    private final KeyEncoder enc = new KeyEncoder();

    private String hash(String keyPaths, String json) {
        DocumentKeyEncoder keys = new DocumentKeyEncoder(new KeySpec(List.of(keyPaths.split(","))));
        assertThat(keys.encode(RawBsonDocument.parse(json), enc)).isNull();
        return enc.hash(new KeyHash()).toString();
    }

    @Test
    void stringIntLongAndDoubleOneAreFourDifferentKeys() {
        List<String> hashes = List.of(
                hash("_id", "{_id: '1'}"),
                hash("_id", "{_id: 1}"),
                hash("_id", "{_id: {$numberLong: '1'}}"),
                hash("_id", "{_id: 1.0}"));
        assertThat(hashes).doesNotHaveDuplicates();
    }

    @Test
    void sameValueSameKeyWhateverTheRestOfTheDocument() {
        assertThat(hash("email", "{_id: 1, email: 'a@x', n: 1}")).isEqualTo(hash("email", "{_id: 2, email: 'a@x'}"));
        assertThat(hash("_id", "{_id: {$oid: '65a000000000000000000001'}}"))
                .isEqualTo(hash("_id", "{_id: {$oid: '65a000000000000000000001'}, x: 1}"))
                .isNotEqualTo(hash("_id", "{_id: {$oid: '65a000000000000000000002'}}"));
        assertThat(hash("d", "{d: -0.0}")).isEqualTo(hash("d", "{d: 0.0}"));
        assertThat(hash("d", "{d: {a: 1, b: 2}}")).isNotEqualTo(hash("d", "{d: {b: 2, a: 1}}"));
        assertThat(hash("d", "{d: [1, 2]}")).isNotEqualTo(hash("d", "{d: [2, 1]}"));
    }

    @Test
    void stringKeyEncodesLikeACsvKey() {
        new DocumentKeyEncoder(new KeySpec(List.of("a.b", "c"))).encode(RawBsonDocument.parse("{a: {b: 'x,y'}, c: 'é'}"), enc);
        byte[] mongo = enc.toBytes();
        assertThat(mongo).isEqualTo(new KeyEncoder().addString("x,y").addString("é").toBytes());
    }

    @Test
    void valueBytesAreCanonicalLittleEndian() {
        new DocumentKeyEncoder(new KeySpec(List.of("i", "l", "b", "n"))).encode(
                RawBsonDocument.parse("{i: 258, l: {$numberLong: '1'}, b: true, n: null}"), enc);
        assertThat(enc.toBytes()).containsExactly(
                0x10, 4, 2, 1, 0, 0,
                0x12, 8, 1, 0, 0, 0, 0, 0, 0, 0,
                0x08, 1, 1,
                0x0A, 0);
    }

    @Test
    void missingOrUnreachableKeyFieldIsAReason() {
        DocumentKeyEncoder keys = new DocumentKeyEncoder(new KeySpec(List.of("a.b")));
        assertThat(keys.encode(RawBsonDocument.parse("{_id: 1, a: {c: 1}}"), enc)).isEqualTo("missing key field 'a.b'");
        assertThat(keys.encode(RawBsonDocument.parse("{_id: 1}"), enc)).isEqualTo("missing key field 'a.b'");
        assertThat(keys.encode(RawBsonDocument.parse("{_id: 1, a: [{b: 1}]}"), enc))
                .isEqualTo("key field 'a.b' is unreachable: 'a' is array, not object");
        assertThatThrownBy(() -> new DocumentKeyEncoder(KeySpec.wholeRecord())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readerRejectsDocumentsWithoutTheKeyAndCarriesOn() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(); MongoClient client = MongoConnection.open(mongo.connectionString())) {
            var raw = client.getDatabase("db").getCollection("c", BsonDocument.class);
            List<BsonDocument> docs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                docs.add(i % 100 == 7 ? BsonDocument.parse("{_id: " + i + "}") : BsonDocument.parse("{_id: " + i + ", email: 'e" + (i % 300) + "'}"));
            }
            raw.insertMany(docs);
            var coll = MongoConnection.collection(client, "db", "c");
            MongoPartition all = new MongoPartition(0, "db.c", null, null, new BsonDocument());
            Queue<CollectingSink.Seen> seen = new ConcurrentLinkedQueue<>();
            Queue<Reject> rejects = new ConcurrentLinkedQueue<>();
            UnitResult r = new MongoPartitionReader(coll, new KeySpec(List.of("email")), MongoPartitionReader.Options.DEFAULTS)
                    .read(all, new CollectingSink(seen), rejects::add);

            assertThat(r.records()).isEqualTo(990);
            assertThat(r.rejected()).isEqualTo(10);
            assertThat(seen).hasSize(990);
            assertThat(rejects).hasSize(10).allSatisfy(rej -> {
                assertThat(rej.source()).isEqualTo("db.c");
                assertThat(rej.reason()).isEqualTo("missing key field 'email'");
                assertThat(rej.id()).matches("(\\d0)?7");
                assertThat(rej.raw()).isEqualTo("{\"_id\": " + rej.id() + "}");
            });
            assertThat(seen.stream().map(CollectingSink.Seen::id).map(BsonValue::asInt32).mapToInt(v -> v.getValue()))
                    .doesNotContain(7, 107, 907);
        }
    }
}
