package io.ringsift.spark;

import io.ringsift.filter.BloomChain;
import io.ringsift.key.KeyHash;
import io.ringsift.partial.FieldProfile;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.source.UnitResult;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Spark stage 2, map side, for any input: reads units with the stages' readers ({@link MapInput}:
 * CSV chunks, {@code _id} ranges), keeps field statistics for the unit, and routes every key hash
 * to reduce partition {@link KeyHash#partition}{@code (hi, P)}: the function that routes rows to
 * local handlers, so each reduce partition owns the keys one of P local handlers would.
 *
 * <p>What is shuffled: per (unit, partition), blocks of up to {@link #BLOCK} hashes as one
 * {@code long[]} (lo, hi interleaved): 16 bytes a record plus a few bytes a block; and per unit one
 * {@link UnitFigures}. The hashes of one unit are held until the unit is read (16 bytes a record:
 * ~21 MB for a 128 MB chunk of 100-byte records).
 */
final class MapSide<T> implements PairFlatMapFunction<Iterator<T>, Integer, Object> {
    @Serial
    private static final long serialVersionUID = 2L;
    /** Hashes per shuffled block. */
    static final int BLOCK = 4096;
    /** Test hook: a task-local property naming a unit whose first attempt fails half-way through its output. */
    static final String FAIL_ONCE = "ringsift.test.failChunkOnce";

    private final TaskSettings s;
    private final HadoopConf conf;
    private final MapInput<T> input;

    MapSide(TaskSettings s, HadoopConf conf, MapInput<T> input) {
        this.s = s;
        this.conf = conf;
        this.input = input;
    }

    @Override
    public Iterator<Tuple2<Integer, Object>> call(Iterator<T> units) throws Exception {
        List<Tuple2<Integer, Object>> out = new ArrayList<>();
        MapInput.Reader<T> reader = input.newReader();
        boolean failOnce = false;
        while (units.hasNext()) {
            T u = units.next();
            read(u, reader, out);
            failOnce |= failsOnce(input.unit(u));
        }
        return failOnce ? failingHalfWay(out) : out.iterator();
    }

    private void read(T u, MapInput.Reader<T> reader, List<Tuple2<Integer, Object>> out) throws Exception {
        int id = input.unit(u);
        Router router = new Router(s.partitions(), out, input.newProfile(u));
        Path dir = new Path(s.out());
        FileSystem fs = SparkIngest.fileSystem(dir, conf.get());
        TaskContext task = TaskContext.get();
        long attempt = task == null ? 0 : task.taskAttemptId();
        UnitResult r;
        try (RejectParts.Writer rejects = new RejectParts.Writer(fs, dir, id, input.source(u), attempt);
             CheckParts.Writer fresh = s.keepNew() ? new CheckParts.Writer(fs, new Path(dir, CheckParts.NEW_DIR), id, attempt) : null;
             CheckParts.Writer seen = s.keepSeen() ? new CheckParts.Writer(fs, new Path(dir, CheckParts.SEEN_DIR), id, attempt) : null) {
            router.check(s.reference(), fresh, seen);
            r = reader.read(u, router, rejects);
            rejects.finish();
            if (fresh != null) {
                fresh.finish();
            }
            if (seen != null) {
                seen.finish();
            }
        }
        router.flush();
        byte[] profile = router.profile == null ? null : ProfileKind.toBytes(router.profile);
        // the unit's figures go to one reduce partition, picked by unit id so they spread out
        out.add(new Tuple2<>(id % s.partitions(), new UnitFigures(id, r.records(), r.rejected(), r.bytes(), r.retries(), profile)));
    }

    private static boolean failsOnce(int unit) {
        TaskContext t = TaskContext.get();
        return t != null && t.attemptNumber() == 0 && String.valueOf(unit).equals(t.getLocalProperty(FAIL_ONCE));
    }

    /** The test hook: hands Spark's shuffle writer half the output, then fails, as a lost executor would. */
    private static Iterator<Tuple2<Integer, Object>> failingHalfWay(List<Tuple2<Integer, Object>> out) {
        Iterator<Tuple2<Integer, Object>> it = out.iterator();
        int half = out.size() / 2;
        return new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Tuple2<Integer, Object> next() {
                if (given++ >= half || !it.hasNext()) {
                    throw new IllegalStateException("test hook " + FAIL_ONCE + ": first attempt fails after " + half + " records");
                }
                return it.next();
            }
        };
    }

    /**
     * The reader's record sink: each published batch is split by key partition into hash blocks
     * and its rows go to the unit's field profile. Nothing is kept of a batch after publish.
     */
    private static final class Router implements RecordSink {
        private final int partitions;
        private final List<Tuple2<Integer, Object>> out;
        final FieldProfile profile;
        private final RecordBatch batch = new RecordBatch(1024);
        private final long[][] blocks;
        private final int[] fill;
        private BloomChain reference;
        private CheckParts.Writer fresh;
        private CheckParts.Writer seen;

        Router(int partitions, List<Tuple2<Integer, Object>> out, FieldProfile profile) {
            this.partitions = partitions;
            this.out = out;
            this.profile = profile;
            this.blocks = new long[partitions][];
            this.fill = new int[partitions];
        }

        /** A check with --new/--seen: each row goes to the part its answer names, the answer a reduce task gives too. */
        void check(ReferenceFilter filter, CheckParts.Writer fresh, CheckParts.Writer seen) {
            this.reference = fresh == null && seen == null ? null : filter.chain();
            this.fresh = fresh;
            this.seen = seen;
        }

        @Override
        public RecordBatch batch() {
            return batch;
        }

        @Override
        public void publish(int unit) {
            for (int r = 0, n = batch.size(); r < n; r++) {
                int p = KeyHash.partition(batch.hashHi[r], partitions);
                long[] b = blocks[p];
                if (b == null) {
                    b = blocks[p] = new long[2 * BLOCK];
                }
                b[fill[p]++] = batch.hashLo[r];
                b[fill[p]++] = batch.hashHi[r];
                if (fill[p] == b.length) {
                    out.add(new Tuple2<>(p, b));
                    blocks[p] = null;
                    fill[p] = 0;
                }
                if (profile != null) {
                    profile.accept(batch.row(r), batch.unitId());
                }
                if (reference != null) {
                    CheckParts.Writer w = reference.mightContain(batch.hashLo[r], batch.hashHi[r]) ? seen : fresh;
                    if (w != null) {
                        try {
                            w.write(batch.raw[r]);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write a check part: " + e.getMessage(), e);
                        }
                    }
                }
            }
            batch.reset(unit);
        }

        @Override
        public boolean stopRequested() {
            return false;
        }

        void flush() {
            for (int p = 0; p < partitions; p++) {
                if (fill[p] > 0) {
                    out.add(new Tuple2<>(p, java.util.Arrays.copyOf(blocks[p], fill[p])));
                    blocks[p] = null;
                    fill[p] = 0;
                }
            }
        }
    }
}
