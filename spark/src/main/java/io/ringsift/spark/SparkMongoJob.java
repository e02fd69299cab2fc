package io.ringsift.spark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.filter.FilterParams;
import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.DocumentFieldWalker;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.mongo.MongoConnection;
import io.ringsift.source.mongo.MongoPartition;
import io.ringsift.source.mongo.MongoPartitionReader;
import io.ringsift.source.mongo.PartitionPlanner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * {@code ingest mongo} on Spark. The driver connects, checks the collection and plans {@code _id}
 * ranges with the local {@link PartitionPlanner} (the same strategies, falling back to min/max
 * interpolation, {@code $sample} and {@code skip} where a server lacks {@code splitVector} and
 * {@code $bucketAuto}). One map task reads one range ({@link MongoMapInput}); the ranges are handed
 * to Spark in a shuffled order (fixed seed), so the executors that start together read ranges
 * spread over the {@code _id} space rather than neighbours (which on a sharded collection live on
 * one shard). From the key hashes on, it is the CSV run's job ({@link SparkIngest}).
 */
public final class SparkMongoJob {
    /** Seed of the range order: fixed, so a rerun hands Spark the same tasks in the same order. */
    static final long RANGE_ORDER_SEED = 0x5EED_0F_1D5L;

    /**
     * @param ranges      {@code _id} ranges, one map task each (null: 4 x spark.default.parallelism, as locally 4 x readers)
     * @param partitions  reduce partitions (null: the context's default parallelism)
     * @param exactMemory bytes the exact key sets may take, all partitions together (null: the local default share of each executor's heap, over its cores)
     * @param maxRate     documents per second, all tasks together (null: no limit)
     * @param maxDepth    field path depth, 0 for all
     */
    public record Settings(String uri, String db, String collection, BsonDocument query, KeySpec key, String out, double fpp,
                           Long expectedKeys, Long exactMemory, StatsLevel stats, long maxRejects, Integer partitions, Integer ranges,
                           Double maxRate, int cursorBatch, int retries, Duration serverTimeout, Duration socketTimeout, int maxDepth) {
        public Settings {
            new FilterParams(1, fpp);   // states the fpp rule and the offending value
            new MongoPartitionReader.Options(cursorBatch, retries, MongoPartitionReader.Options.DEFAULTS.backoff(), null);
            if (partitions != null && partitions < 1) {
                throw new IllegalArgumentException("Partitions (" + partitions + ") must be >= 1");
            }
            if (ranges != null && ranges < 1) {
                throw new IllegalArgumentException("Ranges (" + ranges + ") must be >= 1");
            }
            if (maxRate != null && !(maxRate > 0)) {
                throw new IllegalArgumentException("Max rate (" + maxRate + " docs/s) must be > 0");
            }
            if (key.isWholeRecord()) {
                throw new IllegalArgumentException("A document key needs at least one field path (e.g. _id)");
            }
            query = query == null ? new BsonDocument() : query;
        }

        MongoConnection.Options connection() {
            return new MongoConnection.Options(serverTimeout, MongoConnection.Options.DEFAULTS.connect(), socketTimeout);
        }
    }

    private SparkMongoJob() {
    }

    public static SparkIngest.Result run(JavaSparkContext sc, Settings s) throws IOException {
        Path out = new Path(s.out());
        FileSystem fs = SparkIngest.fileSystem(out, sc.hadoopConfiguration());
        out = fs.makeQualified(out);
        SparkIngest.prepare(fs, out);
        int slots = Math.max(1, sc.defaultParallelism());
        int partitions = s.partitions() != null ? s.partitions() : slots;
        try (MongoClient client = MongoConnection.open(s.uri(), s.connection())) {
            MongoCollection<RawBsonDocument> coll = MongoConnection.collection(client, s.db(), s.collection());
            String namespace = s.db() + "." + s.collection();
            PartitionPlanner.Plan plan = new PartitionPlanner(client, coll).plan(s.ranges() != null ? s.ranges() : 4 * slots, s.query());
            int depth = s.maxDepth() <= 0 ? DocumentFieldWalker.UNLIMITED : s.maxDepth();
            // the driver's view of the input: what the local job reports about it (sources, partitions, fields)
            MongoInput input = new MongoInput(namespace, coll, plan, s.key(), MongoPartitionReader.Options.DEFAULTS, depth, null);
            long expected = s.expectedKeys() != null ? s.expectedKeys() : input.estimatedKeys();
            FilterParams params = new FilterParams(expected, s.fpp());
            long exactBytes = s.exactMemory() != null ? s.exactMemory() / partitions : -1;
            boolean profile = s.stats() != StatsLevel.NONE;
            TaskSettings ts = new TaskSettings(partitions, params, exactBytes, profile ? new ProfileKind.Paths(depth) : null, out.toString());
            List<SparkRange> ranges = new ArrayList<>();
            for (MongoPartition p : plan.partitions()) {
                ranges.add(SparkRange.of(p));
            }
            Collections.shuffle(ranges, new Random(RANGE_ORDER_SEED));
            // --max-rate is for all tasks together: split evenly over those that can run at once
            Double perTask = s.maxRate() == null ? null : s.maxRate() / Math.min(ranges.size(), slots);
            MongoConnection.Options c = s.connection();
            MongoMapInput tasks = new MongoMapInput(s.uri(), c.serverSelection().toMillis(), c.connect().toMillis(),
                    c.socketRead().toMillis(), s.db(), s.collection(), namespace, s.key().fields(), s.cursorBatch(), s.retries(),
                    MongoPartitionReader.Options.DEFAULTS.backoff().toMillis(), perTask, profile ? depth : -1);
            HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());
            SparkIngest.Reduced reduced = SparkIngest.reduce(sc, "ringsift: ingest " + namespace + ", " + ranges.size() + " _id ranges ("
                    + plan.strategy().name().toLowerCase(java.util.Locale.ROOT) + ") into " + partitions + " key partitions", ranges, tasks,
                    ts, conf);
            SparkIngest.Run run = new SparkIngest.Run("ingest mongo", s.key(), params, s.maxRejects(), partitions, input, input::sources);
            return SparkIngest.finish(sc, fs, out, run, reduced);
        }
    }
}
