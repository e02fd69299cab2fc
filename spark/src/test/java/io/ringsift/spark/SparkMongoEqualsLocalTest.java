package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.cli.Main;
import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.FaultProxy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code SparkMain ingest mongo} on a collection of the embedded server gives what the local
 * {@code ingest mongo} gives: records, rejects with their _id, duplicates, distinct keys, every
 * field path with its types, the filter's bits; whatever the number of _id ranges (map tasks) and
 * reduce partitions. Neither run is given {@code --expected-keys}: both size the filter from the
 * collection's estimated count. A range read twice (Spark's retry) counts once; a server that
 * goes away mid-run is exit 3 naming the range.
 */
@Timeout(240)
class SparkMongoEqualsLocalTest {
    @TempDir
    static Path dir;
    static EmbeddedMongo mongo;
    static String collection;
    static Path local;

    @BeforeAll
    static void loadAndRunLocally() throws IOException {
        Path f = dir.resolve("orders.jsonl");
        assertThat(Main.run("generate", "jsonl", "--rows", "2500", "--dup-rate", "0.2", "--columns", "6", "--seed", "11", "-o",
                f.toString())).isZero();
        // documents without the key: rejects; ObjectIds before and after the generated ones, so the first and last range have some
        StringBuilder rejects = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            String oid = (i < 3 ? "5e0be100c472d5a180ffff0" : "5e0be100c472d5a18180000") + i;
            rejects.append("{\"_id\": {\"$oid\": \"").append(oid).append("\"}, \"other\": [1, {\"deep\": true}]}\n");
        }
        Files.writeString(f, rejects, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        mongo = EmbeddedMongo.start();
        collection = mongo.load(f);
        local = dir.resolve("local");
        assertThat(Main.run("ingest", "mongo", "--uri", mongo.connectionString(), "--db", EmbeddedMongo.DATABASE, "--collection",
                collection, "--key", "key", "--out", local.toString(), "--readers", "2", "--handlers", "2", "--partitions", "5",
                "-q")).isZero();
    }

    @AfterAll
    static void stop() {
        ExecutorMongo.closeAll();   // local mode: the tasks' clients live in this JVM; their server goes now
        if (mongo != null) {
            mongo.close();
        }
    }

    private static List<String> args(String uri, Path out, Object... more) {
        List<String> a = new ArrayList<>(List.of("ingest", "mongo", "--uri", uri, "--db", EmbeddedMongo.DATABASE, "--collection",
                collection, "--key", "key", "--out", out.toString(), "-q"));
        for (Object m : more) {
            a.add(String.valueOf(m));
        }
        return a;
    }

    @ParameterizedTest(name = "{0} partitions, {1} ranges")
    @CsvSource({"1, 1", "8, 6"})
    void sameAsLocal(int partitions, int ranges) throws IOException {
        Path out = dir.resolve("spark-" + partitions + "-" + ranges);
        assertThat(SparkMain.run(LocalSpark.context(), args(mongo.connectionString(), out, "--partitions", partitions, "--ranges", ranges)
                .toArray(String[]::new))).isZero();

        Outputs.assertSameDocuments(out, local);
        JsonNode report = Outputs.report(out);
        assertThat(report.get("rejected").asLong()).isEqualTo(7);
        assertThat(report.get("records").asLong()).isEqualTo(2500);
        assertThat(report.get("duplicateRecords").asLong()).isPositive();
        assertThat(report.get("partitions").get("count").asInt()).isEqualTo(ranges);
        if (ranges > 1) {
            assertThat(report.get("partitions").get("strategy")).as("the local planner's strategy")
                    .isEqualTo(Outputs.report(local).get("partitions").get("strategy"));
        }
        assertThat(report.get("timing").get("readers").asInt()).as("map tasks (ranges)").isEqualTo(ranges);
        assertThat(report.get("spark").get("partitions").asInt()).isEqualTo(partitions);
        // every accepted document's 16-byte key hash crosses the shuffle; a key repeated within one block compresses
        assertThat(report.get("spark").get("shuffleBytes").asLong()).isGreaterThanOrEqualTo(16 * report.get("distinctKeysEstimate").asLong());
        assertThat(report.get("fields").findValuesAsText("path")).contains("_id", "key", "customer.address.city")
                .as("rejected documents are not profiled, as locally").doesNotContain("other");
        assertThat(Main.run("info", out.resolve("filter.bf").toString())).isZero();
    }

    @Test
    void aRangeThatFailsOnceIsRetriedWithoutDoubleCounting() throws IOException {
        JavaSparkContext sc = LocalSpark.context();
        Path out = dir.resolve("retried");
        // range 0 holds 3 rejects: its part file is written twice
        LocalSpark.FailingOnce run = LocalSpark.runFailingOnce("0",
                () -> SparkMain.run(sc, args(mongo.connectionString(), out, "--partitions", 3, "--ranges", 4).toArray(String[]::new)));
        assertThat(run.exitCode()).isZero();
        assertThat(run.failedAttempts()).as("failed task attempts").isEqualTo(1);
        Outputs.assertSameDocuments(out, local);
    }

    @Test
    void serverGoneMidRunIsExitThreeNamingTheRange() throws IOException {
        Path out = dir.resolve("gone");
        StringWriter err = new StringWriter();
        // planning reads a few kB; the documents are about 900 kB: the proxy cuts every connection at 100 kB, then refuses
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 100_000, 1).refuseAfterLastCut()) {
            int code = SparkMain.run(LocalSpark.context(), new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    args(proxy.connectionString(), out, "--partitions", 2, "--ranges", 4, "--retries", 1, "--server-timeout", 1,
                            "--cursor-batch", 100).toArray(String[]::new));
            assertThat(code).as(err.toString()).isEqualTo(3);
            assertThat(proxy.cutsDone()).isEqualTo(1);
        }
        String message = err.toString().strip();
        assertThat(message.lines()).as(message).hasSize(1);
        assertThat(message).contains("ringsift." + collection + " partition ").contains("_id [").contains("read failed");
        assertThat(out.resolve("filter.bf")).doesNotExist();
        JsonNode report = Outputs.report(out);
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("stopReason").asText()).isEqualTo("failed");
    }
}
