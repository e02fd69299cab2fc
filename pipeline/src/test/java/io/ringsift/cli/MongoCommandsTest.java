package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest mongo} and {@code fields} through the real driver against the embedded server. */
@Timeout(120)
class MongoCommandsTest {
    @TempDir
    Path dir;

    /** 3000 documents; every 10th repeats the sku of the document 9 before it; every 100th (i % 100 == 50) lacks the key field. */
    private Path orders() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String sku = "sku-" + (10_000 + (i % 10 == 9 ? i - 9 : i));
            String key = i % 100 == 50 ? "" : "\"sku\": \"" + sku + "\", ";
            lines.add("{\"_id\": " + i + ", " + key + "\"qty\": " + (i % 7) + ", \"items\": [{\"n\": " + i + "}, {\"n\": \"x\"}]}");
        }
        Path f = dir.resolve("orders.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test
    void ingestMongoCountsDuplicatesRejectsAndPartitions() throws IOException {
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", orders(), "--key", "sku", "--out", out, "--readers", 2,
                "--handlers", 2, "--partitions", 7, "--fpp", "1e-6");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(2970);
        assertThat(rep.get("rejected").asLong()).isEqualTo(30);
        // 300 repeats, less the 30 whose original (i - 9, with i % 100 == 59) was rejected for having no sku
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(270);
        assertThat(rep.get("partitions").get("count").asInt()).isEqualTo(7);
        assertThat(rep.get("partitions").get("strategy").asText()).isEqualTo("numeric_interpolation");
        assertThat(rep.get("sources").get(0).get("path").asText()).isEqualTo("ringsift.orders");
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(31);
        assertThat(rejects.get(1)).contains("missing key field 'sku'");
        JsonNode fields = rep.get("fields");
        assertThat(fields.findValuesAsText("path")).containsExactly("_id", "items", "items.n", "qty", "sku");
        JsonNode itemsN = fields.get(2);
        // field statistics describe accepted documents only
        assertThat(itemsN.get("documents").asLong()).isEqualTo(2970);
        assertThat(itemsN.get("types").get("int").asLong()).isEqualTo(2970);
        assertThat(itemsN.get("types").get("string").asLong()).isEqualTo(2970);
    }

    @Test
    void checkSplitsDocumentsIntoNewAndSeenJsonLinesInIdOrder() throws IOException {
        Path out = dir.resolve("base");
        assertThat(Cli.run("ingest", "mongo", "--embedded", orders(), "--key", "sku", "--out", out, "-q", "--fpp", "1e-6").exitCode()).isZero();
        // today's documents: even ids repeat an sku from the base, odd ids are new
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String sku = i % 2 == 0 ? "sku-" + (10_000 + i * 3) : "new-" + i;
            lines.add("{\"_id\": " + i + ", \"sku\": \"" + sku + "\", \"n\": {\"$numberLong\": \"" + i + "\"}}");
        }
        Path today = dir.resolve("today.jsonl");
        Files.write(today, lines);
        Path newOut = dir.resolve("new.jsonl");
        Path seenOut = dir.resolve("seen.jsonl");
        Cli.Run r = Cli.run("check", "--filter", out.resolve("filter.bf"), "--embedded", today, "--new", newOut, "--seen", seenOut,
                "--out", dir.resolve("rep"), "--partitions", 5, "--readers", 2, "--handlers", 2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<org.bson.BsonDocument> seen = Files.readAllLines(seenOut).stream().map(org.bson.BsonDocument::parse).toList();
        List<org.bson.BsonDocument> fresh = Files.readAllLines(newOut).stream().map(org.bson.BsonDocument::parse).toList();
        // even ids carry sku-(10000 + 3i), all in the base (3i ending in 50 was rejected there, but document 3i + 9 repeats it)
        assertThat(seen).hasSize(200).allMatch(d -> d.getString("sku").getValue().startsWith("sku-"));
        assertThat(fresh).hasSize(200).allMatch(d -> d.getString("sku").getValue().startsWith("new-"));
        // documents keep their types and come out in _id order within each output
        assertThat(seen.get(0).get("n").isInt64()).isTrue();
        assertThat(seen.stream().map(d -> d.getInt32("_id").getValue()).toList()).isSorted();
        assertThat(fresh.stream().map(d -> d.getInt32("_id").getValue()).toList()).isSorted();
        assertThat(Cli.report(dir.resolve("rep")).get("check").get("seenRecords").asLong()).isEqualTo(seen.size());
    }

    @Test
    void duplicateKeysAreCountedAcrossPartitionsAndHandlers() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lines.add("{\"_id\": {\"$oid\": \"" + String.format("%024x", 0x5f00000000000000L + i * 977L) + "\"}, \"email\": \"u" + (i % 1500) + "@x\"}");
        }
        Path f = dir.resolve("users.jsonl");
        Files.write(f, lines);
        for (int handlers : new int[] {1, 3}) {
            Path out = dir.resolve("o" + handlers);
            Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--key", "email", "--out", out, "--handlers", handlers,
                    "--readers", 2, "--fpp", "1e-6", "--quiet");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Cli.report(out).get("duplicateRecords").asLong()).isEqualTo(500);
            assertThat(Cli.report(out).get("partitions").get("strategy").asText()).isEqualTo("object_id_interpolation");
        }
    }

    @Test
    void fieldsPrintsPathsAndWritesJson() throws IOException {
        Path json = dir.resolve("fields.json");
        Cli.Run r = Cli.run("fields", "--embedded", orders(), "--json", json, "--max-depth", 1, "--stream");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ringsift.orders: 3,000 documents, 4 field paths").contains("items").doesNotContain("items.n");
        assertThat(r.err()).contains("new field: _id").contains("new field: sku");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("documents").asLong()).isEqualTo(3000);
        assertThat(j.get("fields").findValuesAsText("path")).containsExactly("_id", "items", "qty", "sku");
        assertThat(j.get("fields").get(3).get("documents").asLong()).isEqualTo(2970);
    }

    @Test
    void queryRestrictsTheScan() throws IOException {
        Path out = dir.resolve("q");
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", orders(), "--key", "_id", "--query", "{\"qty\": 3}", "--out", out, "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.report(out).get("records").asLong()).isEqualTo(3000 / 7 + (3000 % 7 > 3 ? 1 : 0));
    }

    @Test
    void emptyCollectionGivesAValidReport() throws IOException {
        Path f = dir.resolve("nothing.jsonl");
        Files.writeString(f, "");
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--out", out, "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.report(out).get("records").asLong()).isZero();
        assertThat(out.resolve("filter.bf")).exists();
    }

    @Test
    void unreachableServerIsOneLineNamingTheHostWithExit3() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Cli.Run r = Cli.run("ingest", "mongo", "--uri", "mongodb://127.0.0.1:" + port, "--db", "d", "--collection", "c",
                "--server-timeout", 1, "--out", dir.resolve("o"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("ringsift: cannot reach MongoDB at 127.0.0.1:" + port + " within 1 s");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    }

    @Test
    void malformedJsonlNamesTheLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"_id\": 1}\n{\"_id\": 2}\n{\"_id\": 3, oops\n");
        Cli.Run r = Cli.run("fields", "--embedded", f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("ringsift: " + f + ":3: ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownCollectionIsAClearError() throws IOException {
        Cli.Run r = Cli.run("fields", "--embedded", orders(), "--collection", "nope");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nope").contains("orders");
    }

    @Test
    void missingConnectionOptionsAreAUsageError() {
        Cli.Run r = Cli.run("ingest", "mongo", "--out", dir.resolve("o"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--embedded");
    }

    @Test
    void demoRunsEverythingOnTheSamples() {
        Path samples = Path.of("..", "samples");
        Cli.Run r = Cli.run("demo", "--samples", samples, "--out", dir.resolve("demo"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ringsift ingest csv: complete").contains("ringsift ingest mongo: complete")
                .contains("ringsift.people: 200 documents");
        assertThat(dir.resolve("demo/csv/filter.bf")).exists();
        assertThat(dir.resolve("demo/mongo/fields.json")).exists();
    }
}
