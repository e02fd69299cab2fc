package io.ringsift.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.source.UnitResult;
import io.ringsift.source.mongo.PartitionPlanner.Strategy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document is read exactly once, whatever the _id types, skew, strategy and reader count. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoPartitionReadTest {
    private static final int N = 20_000;

    private EmbeddedMongo mongo;
    private MongoClient client;
    private final Map<String, List<BsonValue>> ids = Map.of(
            "oids", TestCollections.objectIds(N, 1),
            "numbers", TestCollections.numbers(N, 2),
            "strings", TestCollections.strings(N, 3),
            "mixed", TestCollections.mixed(5_000, 4));

    @BeforeAll
    void start() {
        mongo = EmbeddedMongo.start();
        client = MongoConnection.open(mongo.connectionString());
        ids.forEach((name, list) -> TestCollections.insert(
                client.getDatabase(EmbeddedMongo.DATABASE).getCollection(name, BsonDocument.class), list));
    }

    @AfterAll
    void stop() {
        client.close();
        mongo.close();
    }

    private MongoCollection<RawBsonDocument> coll(String name) {
        return MongoConnection.collection(client, EmbeddedMongo.DATABASE, name);
    }

    static Stream<Arguments> collectionsAndReaders() {
        return Stream.of("oids", "numbers", "strings", "mixed")
                .flatMap(c -> Stream.of(1, 2, 8).map(r -> Arguments.of(c, r)));
    }

    @ParameterizedTest(name = "{0} with {1} readers")
    @MethodSource("collectionsAndReaders")
    void everyDocumentReadExactlyOnce(String name, int readers) throws Exception {
        PartitionPlanner.Plan plan = new PartitionPlanner(client, coll(name)).plan(4 * readers, new BsonDocument());
        assertThat(plan.partitions()).hasSizeGreaterThan(1);

        TestCollections.Run run = TestCollections.readAll(coll(name), plan.partitions(), readers);

        assertExactlyOnce(run, ids.get(name));
        assertThat(run.results()).hasSize(plan.partitions().size());
        assertThat(run.results().stream().mapToLong(UnitResult::records).sum()).isEqualTo(ids.get(name).size());
        assertThat(run.results().stream().mapToLong(UnitResult::bytes).sum()).isPositive();
    }

    @Test
    void embeddedServerPlansWithTheFallbacksAndSaysWhy() {
        assertThat(new PartitionPlanner(client, coll("oids")).plan(8, new BsonDocument()).strategy()).isEqualTo(Strategy.OBJECT_ID_INTERPOLATION);
        assertThat(new PartitionPlanner(client, coll("numbers")).plan(8, new BsonDocument()).strategy()).isEqualTo(Strategy.NUMERIC_INTERPOLATION);
        PartitionPlanner.Plan strings = new PartitionPlanner(client, coll("strings")).plan(8, new BsonDocument());
        // SKIP when the embedded $sample trips over its own random comparator (see boundariesRetryingEmbeddedSample)
        assertThat(strings.strategy()).isIn(Strategy.SAMPLE, Strategy.SKIP);
        assertThat(strings.notes()).anySatisfy(n -> assertThat(n).startsWith("SPLIT_VECTOR").contains("splitVector"))
                .anySatisfy(n -> assertThat(n).startsWith("BUCKET_AUTO").contains("$bucketAuto"));
        assertThat(strings.estimated()).isEqualTo(N);
    }

    static Stream<Arguments> strategiesAndCollections() {
        return Stream.of(Strategy.OBJECT_ID_INTERPOLATION, Strategy.SAMPLE, Strategy.SKIP)
                .flatMap(s -> Stream.of("oids", "numbers", "strings", "mixed").map(c -> Arguments.of(s, c)));
    }

    /** Each fallback on its own, including cross-type ranges (mixed) where naive $lt/$gte would drop documents. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("strategiesAndCollections")
    void eachStrategyCoversEverythingOnce(Strategy strategy, String name) throws Exception {
        PartitionPlanner planner = new PartitionPlanner(client, coll(name));
        PartitionPlanner.Bounds bounds = boundariesRetryingEmbeddedSample(planner, strategy, 12, ids.get(name).size());
        if (bounds == null) {
            assertThat(name).as("interpolation applies to ObjectId and numeric ids only").isIn("strings", "mixed");
            return;
        }
        assertThat(bounds.values()).hasSizeGreaterThan(3);
        List<MongoPartition> parts = planner.partitionsFor(bounds.values(), new BsonDocument());
        assertExactlyOnce(TestCollections.readAll(coll(name), parts, 3), ids.get(name));
    }

    @Test
    void skipSamplingBalancesSkewedIds() throws Exception {
        PartitionPlanner planner = new PartitionPlanner(client, coll("numbers"));
        List<MongoPartition> parts = planner.partitionsFor(planner.boundaries(Strategy.SKIP, 10, N).values(), new BsonDocument());
        TestCollections.Run run = TestCollections.readAll(coll("numbers"), parts, 2);
        assertThat(run.results()).hasSize(10)
                .allSatisfy(r -> assertThat(r.records()).isBetween((long) N / 10 - 1, (long) N / 10 + 1));
    }

    @Test
    void queryRestrictsEveryPartition() throws Exception {
        BsonDocument query = BsonDocument.parse("{group: 3}");
        PartitionPlanner.Plan plan = new PartitionPlanner(client, coll("mixed")).plan(6, query);
        TestCollections.Run run = TestCollections.readAll(coll("mixed"), plan.partitions(), 2);
        List<BsonValue> all = ids.get("mixed");
        List<BsonValue> expected = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 10 == 3).mapToObj(all::get).toList();
        assertExactlyOnce(run, expected);
        assertThat(plan.partitions()).allSatisfy(p -> assertThat(p.describe()).contains("where {\"group\": 3}"));
    }

    @Test
    void emptyCollectionGivesOnePartitionAndNoDocuments() throws Exception {
        client.getDatabase(EmbeddedMongo.DATABASE).createCollection("empty");
        PartitionPlanner.Plan plan = new PartitionPlanner(client, coll("empty")).plan(8, new BsonDocument());
        assertThat(plan.strategy()).isEqualTo(Strategy.SINGLE);
        assertThat(plan.partitions()).hasSize(1);
        assertThat(plan.partitions().get(0).describe()).isEqualTo("ringsift.empty partition 0 _id [-inf, +inf)");
        TestCollections.Run run = TestCollections.readAll(coll("empty"), plan.partitions(), 2);
        assertThat(run.seen()).isEmpty();
        assertThat(run.results()).singleElement().satisfies(r -> assertThat(r.records()).isZero());
    }

    /**
     * mongo-java-server 1.47 implements $sample as a sort by a comparator returning random numbers,
     * which TimSort now and then rejects ("Comparison method violates its general contract!"). The
     * planner falls back to SKIP then; to test SAMPLE itself, ask again.
     */
    private static PartitionPlanner.Bounds boundariesRetryingEmbeddedSample(PartitionPlanner planner, Strategy s, int p, long n) {
        for (int attempt = 1; ; attempt++) {
            try {
                return planner.boundaries(s, p, n);
            } catch (com.mongodb.MongoCommandException e) {
                if (attempt == 10 || !e.getErrorMessage().contains("Comparison method violates")) {
                    throw e;
                }
            }
        }
    }

    static void assertExactlyOnce(TestCollections.Run run, List<BsonValue> expected) {
        List<BsonValue> read = run.seen().stream().map(CollectingSink.Seen::id).toList();
        Set<BsonValue> distinct = new HashSet<>(read);
        assertThat(distinct).as("documents read").containsExactlyInAnyOrderElementsOf(new HashSet<>(expected));
        assertThat(read).as("no document twice").hasSameSizeAs(distinct);
        // every row arrived in a batch tagged with the unit that read it
        Map<Integer, Long> perUnit = run.seen().stream().collect(Collectors.groupingBy(CollectingSink.Seen::unit, Collectors.counting()));
        for (UnitResult r : run.results()) {
            assertThat(perUnit.getOrDefault(r.unit(), 0L)).as("rows of unit %d", r.unit()).isEqualTo(r.records());
        }
    }
}
