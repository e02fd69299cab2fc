package io.ringsift.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {
    @TempDir
    Path dir;

    @Test
    void loadsExtendedJsonLinesIntoCollectionNamedAfterFile() throws IOException {
        Path file = dir.resolve("people.jsonl");
        Files.writeString(file, """
                {"_id": {"$oid": "65a000000000000000000001"}, "n": {"$numberLong": "7"}, "at": {"$date": "2024-01-02T03:04:05Z"}}

                {"_id": 2, "price": {"$numberDecimal": "1.50"}, "tags": ["a", "b"]}
                   \t
                {"name": "no id: the driver adds an ObjectId"}
                """);
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            assertThat(mongo.port()).isPositive();
            assertThat(mongo.load(file)).isEqualTo("people");
            MongoCollection<RawBsonDocument> c = MongoConnection.collection(mongo.client(), EmbeddedMongo.DATABASE, "people");
            List<RawBsonDocument> docs = c.find().into(new ArrayList<>());
            assertThat(docs).hasSize(3);
            assertThat(docs.get(0).get("n").isInt64()).isTrue();
            assertThat(docs.get(0).get("at").isDateTime()).isTrue();
            assertThat(docs.get(1).get("price").isDecimal128()).isTrue();
            assertThat(docs.get(2).get("_id").isObjectId()).isTrue();
        }
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"_id\": 1}\n\n{\"_id\": 2, \"x\": }\n{\"_id\": 3}\n");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            assertThatThrownBy(() -> mongo.load(file))
                    .isInstanceOf(MongoSourceException.class)
                    .hasMessageStartingWith(file + ":3: ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void lineThatIsNotADocumentIsRejectedWithItsLine() throws IOException {
        Path file = dir.resolve("arr.jsonl");
        Files.writeString(file, "{\"_id\": 1}\n[1, 2]\n");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            assertThatThrownBy(() -> mongo.load(file)).isInstanceOf(MongoSourceException.class).hasMessageStartingWith(file + ":2: ");
        }
    }

    @Test
    void duplicateIdNamesTheLineOfTheDuplicate() throws IOException {
        Path file = dir.resolve("dup.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            sb.append("{\"_id\": ").append(i == 1200 ? 5 : i).append("}\n");
        }
        Files.writeString(file, sb);
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            assertThatThrownBy(() -> mongo.load(file)).isInstanceOf(MongoSourceException.class)
                    .hasMessageStartingWith(file + ":1201: ").hasMessageContaining("duplicate key");
        }
    }

    @Test
    void emptyFileMakesAnEmptyCollection() throws IOException {
        Path file = dir.resolve("nothing.jsonl");
        Files.writeString(file, "\n\n");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            mongo.load(file);
            assertThat(MongoConnection.collection(mongo.client(), EmbeddedMongo.DATABASE, "nothing").countDocuments()).isZero();
        }
    }

    @Test
    void restartOnSamePortKeepsTheData() throws IOException {
        Path file = dir.resolve("keep.jsonl");
        Files.writeString(file, "{\"_id\": 1}\n{\"_id\": 2}\n");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            mongo.load(file);
            int port = mongo.port();
            mongo.stop();
            assertThatThrownBy(() -> MongoConnection.open(mongo.connectionString(),
                    MongoConnection.Options.DEFAULTS.withServerSelection(Duration.ofMillis(300))))
                    .isInstanceOf(MongoSourceException.class);
            mongo.restart();
            assertThat(mongo.port()).isEqualTo(port);
            try (var client = MongoConnection.open(mongo.connectionString())) {
                assertThat(client.getDatabase(EmbeddedMongo.DATABASE).getCollection("keep", BsonDocument.class).countDocuments()).isEqualTo(2);
            }
        }
    }

    @Test
    void samplesLoad() {
        Path samples = Path.of("..", "samples", "people.jsonl");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            assertThat(mongo.load(samples)).isEqualTo("people");
            assertThat(mongo.client().getDatabase(EmbeddedMongo.DATABASE).getCollection("people").countDocuments()).isEqualTo(200);
        }
    }
}
