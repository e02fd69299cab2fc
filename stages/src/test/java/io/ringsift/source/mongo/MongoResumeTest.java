package io.ringsift.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.key.KeySpec;
import io.ringsift.source.UnitResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A reader whose connection is cut mid-partition resumes after the last _id: nothing lost, nothing doubled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoResumeTest {
    private static final int N = 20_000;
    private static final KeySpec ID = new KeySpec(List.of("_id"));
    private static final MongoPartitionReader.Options FAST_RETRIES =
            new MongoPartitionReader.Options(500, 5, Duration.ofMillis(20), null);

    private EmbeddedMongo mongo;
    private final List<BsonValue> ids = TestCollections.objectIds(N, 7);

    @BeforeAll
    void start() {
        mongo = EmbeddedMongo.start();
        TestCollections.insert(mongo.client().getDatabase(EmbeddedMongo.DATABASE).getCollection("docs", BsonDocument.class), ids);
    }

    @AfterAll
    void stop() {
        mongo.close();
    }

    private static MongoClient client(String uri, Duration selection) {
        return MongoConnection.open(uri, MongoConnection.Options.DEFAULTS.withServerSelection(selection));
    }

    private static MongoPartition wholeCollection() {
        return new MongoPartition(3, "ringsift.docs", null, null, new BsonDocument());
    }

    @Test
    void connectionCutThreeTimesMidPartitionResumesWithNothingLostOrDoubled() throws Exception {
        // each document is ~70 bytes on the wire: a cut every 300 kB lands inside the partition
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 300_000, 3);
             MongoClient client = client(proxy.connectionString(), Duration.ofSeconds(5))) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, EmbeddedMongo.DATABASE, "docs");
            Queue<CollectingSink.Seen> seen = new ConcurrentLinkedQueue<>();

            UnitResult r = new MongoPartitionReader(coll, ID, FAST_RETRIES).read(wholeCollection(), new CollectingSink(seen), rej -> {});

            assertThat(proxy.cutsDone()).isEqualTo(3);
            assertThat(r.retries()).isPositive().isLessThanOrEqualTo(3);
            assertThat(r.records()).isEqualTo(N);
            assertReadOnce(seen);
        }
    }

    @Test
    void serverStoppedAndRestartedOnSamePortResumes() throws Exception {
        try (MongoClient client = client(mongo.connectionString(), Duration.ofSeconds(5))) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, EmbeddedMongo.DATABASE, "docs");
            Queue<CollectingSink.Seen> seen = new ConcurrentLinkedQueue<>();
            AtomicBoolean stopped = new AtomicBoolean();
            // after 5000 documents, pull the server away; bring it back 300 ms later
            CollectingSink sink = new CollectingSink(seen, published -> {
                if (published >= 5000 && stopped.compareAndSet(false, true)) {
                    mongo.stop();
                    Thread restarter = new Thread(() -> {
                        sleep(300);
                        mongo.restart();
                    });
                    restarter.start();
                }
            });

            UnitResult r = new MongoPartitionReader(coll, ID, FAST_RETRIES).read(wholeCollection(), sink, rej -> {});

            assertThat(stopped).isTrue();
            assertThat(r.retries()).isPositive();
            assertThat(r.records()).isEqualTo(N);
            assertReadOnce(seen);
        } finally {
            mongo.restart();   // no-op when running
        }
    }

    @Test
    void serverThatNeverComesBackEndsInAnErrorNamingThePartition() throws Exception {
        try (FaultProxy proxy = new FaultProxy(mongo.port(), 200_000, 1).refuseAfterLastCut();
             MongoClient client = client(proxy.connectionString(), Duration.ofMillis(300))) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, EmbeddedMongo.DATABASE, "docs");
            MongoPartitionReader reader = new MongoPartitionReader(coll, ID, new MongoPartitionReader.Options(500, 2, Duration.ofMillis(10), null));
            long t0 = System.nanoTime();

            assertThatThrownBy(() -> reader.read(wholeCollection(), new CollectingSink(new ConcurrentLinkedQueue<>()), rej -> {}))
                    .isInstanceOf(MongoSourceException.class)
                    .hasMessageStartingWith("ringsift.docs partition 3 _id [-inf, +inf): read failed after 2 retries; last _id read: {\"$oid\": ")
                    .hasMessageNotContaining("\n");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void maxRateThrottlesReaders() throws Exception {
        try (MongoClient client = client(mongo.connectionString(), Duration.ofSeconds(5))) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, EmbeddedMongo.DATABASE, "docs");
            var limited = new MongoPartitionReader.Options(500, 0, Duration.ofMillis(10), MongoPartitionReader.Options.maxRate(4000));
            MongoPartition someIds = new MongoPartition(0, "ringsift.docs", null, null, BsonDocument.parse("{group: {$in: [1, 2]}}"));
            long t0 = System.nanoTime();
            UnitResult r = new MongoPartitionReader(coll, ID, limited).read(someIds, new CollectingSink(new ConcurrentLinkedQueue<>()), rej -> {});
            assertThat(r.records()).isEqualTo(N / 5);
            // 4000 documents at 4000/s: the limiter hands out the first chunk at once, the rest take ~0.9 s
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(700));
        }
    }

    private void assertReadOnce(Queue<CollectingSink.Seen> seen) {
        List<BsonValue> read = seen.stream().map(CollectingSink.Seen::id).toList();
        assertThat(new HashSet<>(read)).containsExactlyInAnyOrderElementsOf(new HashSet<>(ids));
        assertThat(read).hasSize(N);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
