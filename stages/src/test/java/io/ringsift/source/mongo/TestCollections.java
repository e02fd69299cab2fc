package io.ringsift.source.mongo;

import com.mongodb.client.MongoCollection;
import io.ringsift.key.KeySpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonBoolean;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import io.ringsift.source.UnitResult;
import org.bson.types.ObjectId;

/** Generated _id sets with deliberately skewed distributions, and a parallel read harness. */
final class TestCollections {
    private TestCollections() {}

    /** 90% of ids within one minute, the rest spread over ten years. */
    static List<BsonValue> objectIds(int n, long seed) {
        Random rnd = new Random(seed);
        int base = 1_600_000_000;
        List<BsonValue> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int ts = i % 10 == 0 ? base + rnd.nextInt(315_360_000) : base + 100_000_000 + rnd.nextInt(60);
            byte[] b = ByteBuffer.allocate(12).putInt(ts).putLong(rnd.nextLong()).array();
            ids.add(new BsonObjectId(new ObjectId(b)));
        }
        return ids;
    }

    /** 90% dense int32 ids, the rest int64 far above and doubles far below: one numeric bracket, three types. */
    static List<BsonValue> numbers(int n, long seed) {
        Random rnd = new Random(seed);
        List<BsonValue> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 20 == 0) {
                ids.add(new BsonInt64((1L << 40) + (long) i * 1_000_003L + rnd.nextInt(1000)));
            } else if (i % 20 == 1) {
                ids.add(new BsonDouble(-1e9 - i - 0.5));
            } else {
                ids.add(new BsonInt32(1_000_000 + i));
            }
        }
        return ids;
    }

    /** 90% share a prefix and a narrow range; the rest random, some sorting below and some above. */
    static List<BsonValue> strings(int n, long seed) {
        Random rnd = new Random(seed);
        List<BsonValue> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = switch (i % 20) {
                case 0 -> "A-" + Long.toHexString(rnd.nextLong()) + "-" + i;
                case 1 -> "zz-" + Long.toHexString(rnd.nextLong()) + "-" + i;
                default -> String.format("user-%08d", 100_000 + i);
            };
            ids.add(new BsonString(s));
        }
        return ids;
    }

    /** Every common _id type at once, so ranges cross type brackets. */
    static List<BsonValue> mixed(int n, long seed) {
        Random rnd = new Random(seed);
        List<BsonValue> ids = new ArrayList<>(n);
        ids.add(BsonNull.VALUE);
        ids.add(BsonBoolean.TRUE);
        ids.add(BsonBoolean.FALSE);
        for (int i = 0; ids.size() < n; i++) {
            ids.add(switch (i % 7) {
                case 0 -> new BsonInt32(i);
                case 1 -> new BsonString("s" + i);
                case 2 -> new BsonObjectId(new ObjectId());
                case 3 -> new BsonInt64((1L << 40) + i);
                case 4 -> new BsonDouble(-i - 0.25);
                case 5 -> new BsonDateTime(1_000_000L * i + rnd.nextInt(1000));
                default -> new BsonDocument("k", new BsonInt32(i));
            });
        }
        return ids;
    }

    static void insert(MongoCollection<BsonDocument> coll, List<BsonValue> ids) {
        List<BsonDocument> batch = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            batch.add(new BsonDocument("_id", ids.get(i)).append("group", new BsonInt32(i % 10)).append("email", new BsonString("u" + (i % 997) + "@x")));
            if (batch.size() == 1000) {
                coll.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            coll.insertMany(batch);
        }
    }

    record Run(List<CollectingSink.Seen> seen, List<UnitResult> results) {}

    /** Reads all partitions with {@code readers} threads taking partitions from one queue. */
    static Run readAll(MongoCollection<?> coll, List<MongoPartition> partitions, int readers) throws Exception {
        Queue<MongoPartition> todo = new ConcurrentLinkedQueue<>(partitions);
        Queue<CollectingSink.Seen> seen = new ConcurrentLinkedQueue<>();
        Queue<UnitResult> results = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                fs.add(pool.submit(() -> {
                    MongoPartitionReader reader = new MongoPartitionReader(coll, new KeySpec(List.of("_id")), MongoPartitionReader.Options.DEFAULTS);
                    CollectingSink sink = new CollectingSink(seen);
                    MongoPartition p;
                    while ((p = todo.poll()) != null) {
                        results.add(reader.read(p, sink, rej -> { throw new AssertionError("unexpected reject " + rej); }));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(new ArrayList<>(seen), new ArrayList<>(results));
    }
}
