package io.ringsift.spark;

import io.ringsift.key.KeyHash;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.source.UnitResult;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Spark stage 2, map side: reads chunks with the stages' {@link CsvUnitReader} (framing, parsing,
 * rejects with their lines, the key encoded and hashed once), keeps field statistics for the
 * chunk, and routes every key hash to reduce partition {@link KeyHash#partition}{@code (hi, P)}:
 * the function that routes rows to local handlers, so each reduce partition owns the keys one of
 * P local handlers would.
 *
 * <p>What is shuffled: per (chunk, partition), blocks of up to {@link #BLOCK} hashes as one
 * {@code long[]} (lo, hi interleaved): 16 bytes a record plus a few bytes a block. The hashes of one
 * chunk are held until the chunk is read (16 bytes a record: ~21 MB for a 128 MB chunk of
 * 100-byte records).
 */
final class MapSide implements PairFlatMapFunction<Iterator<SparkChunk>, Integer, Object> {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Hashes per shuffled block. */
    static final int BLOCK = 4096;
    /** Test hook: a task-local property naming a chunk whose first attempt fails half-way through its output. */
    static final String FAIL_ONCE = "ringsift.test.failChunkOnce";

    private final TaskSettings s;
    private final HadoopConf conf;

    MapSide(TaskSettings s, HadoopConf conf) {
        this.s = s;
        this.conf = conf;
    }

    @Override
    public Iterator<Tuple2<Integer, Object>> call(Iterator<SparkChunk> chunks) throws Exception {
        List<Tuple2<Integer, Object>> out = new ArrayList<>();
        CsvUnitReader reader = new CsvUnitReader(s.dialect(), s.parser(), false, null, s.stats() != io.ringsift.partial.StatsLevel.NONE);
        boolean failOnce = false;
        while (chunks.hasNext()) {
            SparkChunk c = chunks.next();
            read(c, reader, out);
            failOnce |= failsOnce(c);
        }
        return failOnce ? failingHalfWay(out) : out.iterator();
    }

    private void read(SparkChunk c, CsvUnitReader reader, List<Tuple2<Integer, Object>> out) throws IOException {
        SparkFile f = s.files().get(c.file());
        CsvUnit unit = new CsvUnit(c.id(), f.toCsvFile(), c.start(), c.end(), c.firstLine());
        Router router = new Router(s.partitions(), out, profile(c, f));
        Path path = new Path(f.uri());
        FileSystem fs = SparkCsvJob.fileSystem(path, conf.get());
        TaskContext task = TaskContext.get();
        long attempt = task == null ? 0 : task.taskAttemptId();
        UnitResult r;
        try (RejectParts.Writer rejects = new RejectParts.Writer(fs, new Path(s.out()), c.id(), f.source(), attempt);
             FSDataInputStream in = fs.open(path)) {
            in.seek(c.start());
            r = reader.read(unit, in, router, rejects);
            rejects.finish();
        }
        router.flush();
        byte[] profile = null;
        if (router.profile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(bytes)) {
                router.profile.writeTo(d);
            }
            profile = bytes.toByteArray();
        }
        // the chunk's figures go to one reduce partition, picked by chunk id so they spread out
        out.add(new Tuple2<>(c.id() % s.partitions(), new ChunkResult(c.id(), r.records(), r.rejected(), r.bytes(), profile)));
    }

    /** A profile for this chunk alone: unit ids index the column mapping, so only this chunk's entry is filled. */
    private CsvFieldProfile profile(SparkChunk c, SparkFile f) {
        if (s.stats() == io.ringsift.partial.StatsLevel.NONE) {
            return null;
        }
        int[][] map = new int[c.id() + 1][];
        map[c.id()] = f.fieldIndexes();
        return new CsvFieldProfile(s.fields(), map, s.stats());
    }

    private static boolean failsOnce(SparkChunk c) {
        TaskContext t = TaskContext.get();
        return t != null && t.attemptNumber() == 0 && String.valueOf(c.id()).equals(t.getLocalProperty(FAIL_ONCE));
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
     * and its rows go to the chunk's field profile. Nothing is kept of a batch after publish.
     */
    private static final class Router implements RecordSink<ByteRow> {
        private final int partitions;
        private final List<Tuple2<Integer, Object>> out;
        final CsvFieldProfile profile;
        private final RecordBatch<ByteRow> batch = new RecordBatch<>(1024);
        private final long[][] blocks;
        private final int[] fill;

        Router(int partitions, List<Tuple2<Integer, Object>> out, CsvFieldProfile profile) {
            this.partitions = partitions;
            this.out = out;
            this.profile = profile;
            this.blocks = new long[partitions][];
            this.fill = new int[partitions];
        }

        @Override
        public RecordBatch<ByteRow> batch() {
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
