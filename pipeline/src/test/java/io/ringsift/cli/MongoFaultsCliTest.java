package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.key.KeySpec;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.MongoConnection;
import io.ringsift.source.mongo.MongoPartition;
import io.ringsift.source.mongo.MongoPartitionReader;
import io.ringsift.source.mongo.MongoSourceException;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import io.ringsift.source.mongo.FaultProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest mongo --uri} through a TCP proxy that cuts, refuses or stalls connections to the
 * embedded server: a server that comes back gives a complete, exact run; one that does not (or
 * stops answering) gives exit 3, one line naming the partition, an incomplete report and no filter.
 */
@Timeout(120)
class MongoFaultsCliTest {
    private static final int ROWS = 20_000;

    @TempDir
    static Path dir;
    private static EmbeddedMongo mongo;
    private static String collection;
    private static long exactDuplicates;

    @BeforeAll
    static void load() {
        Path f = dir.resolve("orders.jsonl");
        Cli.Run g = Cli.run("generate", "jsonl", "--rows", ROWS, "--dup-rate", 0.25, "--seed", 3, "-o", f);
        assertThat(g.exitCode()).as(g.err()).isZero();
        Matcher m = Pattern.compile("duplicate rows (\\d+)").matcher(g.out());
        assertThat(m.find()).as(g.out()).isTrue();
        exactDuplicates = Long.parseLong(m.group(1));
        mongo = EmbeddedMongo.start();
        collection = mongo.load(f);
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    private static Cli.Run ingest(FaultProxy proxy, Path out, Object... more) {
        Object[] base = {"ingest", "mongo", "-q", "--uri", proxy.connectionString(), "--db", EmbeddedMongo.DATABASE,
                "--collection", collection, "--key", "key", "--fpp", "1e-9", "--readers", 2, "--handlers", 2,
                "--partitions", 4, "--cursor-batch", 200, "--out", out};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    private static void assertFailed(Cli.Run r, Path out) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).containsPattern("ringsift: reader failed on ringsift\\." + collection + " partition \\d+ _id ");
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("failed");
        assertThat(out.resolve("filter.bf")).doesNotExist();
        NoThreadsLeft.check();
    }

    @Test
    void connectionsCutThreeTimesMidScanGiveACompleteExactRun() throws Exception {
        // the generated documents are ~400 bytes on the wire: a cut every 1.5 MB lands mid-partition
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 3)) {
            Path out = dir.resolve("cut");
            Cli.Run r = ingest(proxy, out, "--retries", 5);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(proxy.cutsDone()).isGreaterThanOrEqualTo(2);
            JsonNode rep = Cli.report(out);
            assertThat(rep.get("complete").asBoolean()).isTrue();
            assertThat(rep.get("records").asLong()).isEqualTo(ROWS);
            assertThat(rep.get("rejected").asLong()).isZero();
            // at fpp 1e-9 the Bloom answer is the exact answer: nothing lost, nothing read twice
            assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(exactDuplicates);
            assertThat(rep.get("partitions").get("retries").asLong()).isPositive();
            assertThat(out.resolve("filter.bf")).exists();
            NoThreadsLeft.check();
        }
    }

    @Test
    void aServerThatNeverComesBackIsExit3NamingThePartitionWithinABound() throws Exception {
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 1).refuseAfterLastCut()) {
            Path out = dir.resolve("gone");
            long t0 = System.nanoTime();
            Cli.Run r = ingest(proxy, out, "--retries", 2, "--server-timeout", 1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
            assertFailed(r, out);
            assertThat(r.err()).contains("read failed after 2 retries; last _id read: ");
        }
    }

    /**
     * Regression: a server that accepts and then never answers blocked the run for ever (the CLI's
     * client had no socket read timeout). Now {@code --socket-timeout} bounds each read.
     */
    @Test
    void aServerThatStopsAnsweringEndsWithinABound() throws Exception {
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 1).stallAfterCut()) {
            Path out = dir.resolve("stall");
            long t0 = System.nanoTime();
            CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> ingest(proxy, out, "--retries", 1, "--server-timeout", 1, "--socket-timeout", 2));
            Cli.Run r = run.get(60, TimeUnit.SECONDS);
            assertThat(proxy.stalled()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
            assertFailed(r, out);
        }
    }

    /** With a socket read timeout, a stalled server is a transient error, retried, then a failure naming the partition. */
    @Test
    void aSocketReadTimeoutBoundsAStalledServer() throws Exception {
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 1).stallAfterCut();
             MongoClient client = MongoConnection.open(proxy.connectionString(),
                     new MongoConnection.Options(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, EmbeddedMongo.DATABASE, collection);
            MongoPartitionReader reader = new MongoPartitionReader(coll, new KeySpec(List.of("key")),
                    new MongoPartitionReader.Options(200, 1, Duration.ofMillis(10), null));
            MongoPartition all = new MongoPartition(0, "ringsift." + collection, null, null, new BsonDocument());
            RecordBatch batch = new RecordBatch(256);
            RecordSink sink = new RecordSink() {
                @Override
                public RecordBatch batch() {
                    return batch;
                }

                @Override
                public void publish(int unit) {
                    batch.reset(unit);
                }

                @Override
                public boolean stopRequested() {
                    return false;
                }
            };
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> reader.read(all, sink, rej -> { }))
                    .isInstanceOf(MongoSourceException.class)
                    .hasMessageStartingWith("ringsift." + collection + " partition 0 _id [-inf, +inf): read failed after 1 retries; last _id read: ")
                    .hasMessageContaining("MongoSocketReadTimeoutException");
            assertThat(proxy.stalled()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void maxRateThrottlesTheWholeRunAndStaysExact() throws Exception {
        Path out = dir.resolve("rate");
        long t0 = System.nanoTime();
        Cli.Run r = Cli.run("ingest", "mongo", "-q", "--uri", mongo.connectionString(), "--db", EmbeddedMongo.DATABASE,
                "--collection", collection, "--key", "key", "--fpp", "1e-9", "--readers", 2, "--max-rate", 10_000, "--out", out);
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 20,000 documents at 10,000/s shared by both readers: the first permits come at once, the rest take ~1.9 s
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(1500));
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(ROWS);
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(exactDuplicates);
    }
}
