package io.ringsift.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringsift.filter.BloomChain;
import io.ringsift.reduce.MergedFilter;
import io.ringsift.filter.FilterHeader;
import io.ringsift.filter.FilterParams;
import io.ringsift.job.CsvInput;
import io.ringsift.job.ExitCodes;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.report.Warnings;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvUnit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code ingest csv} on Spark: plan (stage 1 + prefix pass), map tasks read chunks and shuffle
 * 16-byte key hashes to P reduce partitions, each builds a handler's {@code Partial}, partials
 * merge by {@code treeReduce}; the driver writes filter.bf, report.json and rejects.csv exactly
 * as the local job does. Every path goes through Hadoop's FileSystem (file://, hdfs://, s3a://).
 */
public final class SparkCsvJob {
    public static final String FILTER_FILE = "filter.bf";
    public static final String REPORT_FILE = "report.json";
    public static final String REJECTS_FILE = "rejects.csv";
    /** Default chunk size: one map task reads about this many bytes (Hadoop's usual block size). */
    public static final long DEFAULT_CHUNK_BYTES = 128L << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    /**
     * @param partitions  reduce partitions (null: the context's default parallelism)
     * @param exactMemory bytes the exact key sets may take, all partitions together (null: the local default share of each executor's heap, over its cores)
     */
    public record Settings(List<String> files, String out, KeySpec key, CsvDialect dialect, CsvParser parser, double fpp,
                           Long expectedKeys, Long exactMemory, StatsLevel stats, long maxRejects, Integer partitions,
                           long chunkBytes) {
        public Settings {
            files = List.copyOf(files);
            new FilterParams(1, fpp);   // states the fpp rule and the offending value
            if (chunkBytes < 1) {
                throw new IllegalArgumentException("Chunk size (" + chunkBytes + ") must be >= 1");
            }
            if (partitions != null && partitions < 1) {
                throw new IllegalArgumentException("Partitions (" + partitions + ") must be >= 1");
            }
        }
    }

    /** What a run produced: the exit code, the report as written, and its spark block. */
    public record Result(int exitCode, Report report, String applicationId, int partitions, long shuffleBytes, Path reportPath,
                         Path filterPath, Path rejectsPath) {}

    private SparkCsvJob() {
    }

    public static Result run(JavaSparkContext sc, Settings s) throws CsvInputException, IOException {
        Path out = new Path(s.out());
        FileSystem fs = fileSystem(out, sc.hadoopConfiguration());
        out = fs.makeQualified(out);
        prepare(fs, out);
        ChunkPlanner.Plan plan = ChunkPlanner.plan(sc, s.files(), s.dialect(), s.key(), s.chunkBytes());
        int partitions = s.partitions() != null ? s.partitions() : Math.max(1, sc.defaultParallelism());
        // without --expected-keys: the line ends the summaries counted, plus one per file for a last line
        // without one: an upper bound on the records
        long expected = s.expectedKeys() != null ? s.expectedKeys() : Math.max(1000, plan.lineEnds() + plan.files().size());
        FilterParams params = new FilterParams(expected, s.fpp());
        long exactBytes = s.exactMemory() != null ? s.exactMemory() / partitions : -1;
        TaskSettings ts = TaskSettings.of(s.dialect(), s.parser(), s.stats(), partitions, params, exactBytes, plan.fields(),
                plan.files(), out.toString());
        HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());

        ShuffleMeter meter = new ShuffleMeter();
        sc.sc().addSparkListener(meter);
        long t0 = System.nanoTime();
        PartResult merged = null;
        String failure = null;
        try {
            sc.setJobDescription("ringsift: ingest " + plan.chunks().size() + " CSV chunks into " + partitions + " key partitions");
            merged = sc.parallelize(plan.chunks(), plan.chunks().size())
                    .mapPartitionsToPair(new MapSide(ts, conf))
                    .partitionBy(new KeyPartitioner(partitions))
                    .mapPartitions(new ReduceSide(ts))
                    .treeReduce((a, b) -> a.merge(b), 2);
        } catch (RuntimeException e) {
            failure = "spark job failed: " + rootMessage(e);
        } finally {
            sc.setJobDescription(null);
            try {
                // listener events are delivered asynchronously: wait until the meter has seen every task end
                sc.sc().listenerBus().waitUntilEmpty(60_000);
            } catch (java.util.concurrent.TimeoutException e) {
                // shuffleBytes may then miss the last tasks; the run itself is unaffected
            }
            sc.sc().removeSparkListener(meter);
        }
        long elapsedNanos = System.nanoTime() - t0;

        List<CsvFile> csvFiles = plan.files().stream().map(SparkFile::toCsvFile).toList();
        List<CsvUnit> units = new ArrayList<>();
        for (SparkChunk c : plan.chunks()) {
            units.add(new CsvUnit(c.id(), csvFiles.get(c.file()), c.start(), c.end(), c.firstLine()));
        }
        CsvInput input = new CsvInput(new CsvPlan(csvFiles, units, plan.fields(), plan.planMillis()), s.dialect(), s.parser(), false);

        long records = 0;
        long rejected = 0;
        long bytes = 0;
        Map<String, long[]> bySource = new LinkedHashMap<>();
        plan.files().forEach(f -> bySource.putIfAbsent(f.source(), new long[3]));
        if (merged != null) {
            for (var e : merged.chunks.entrySet()) {
                long[] v = e.getValue();
                long[] acc = bySource.get(plan.files().get(plan.chunks().get(e.getKey()).file()).source());
                for (int i = 0; i < 3; i++) {
                    acc[i] += v[i];
                }
                records += v[0];
                rejected += v[1];
                bytes += v[2];
            }
        }
        Path rejectsPath = merged == null ? null : RejectParts.merge(fs, out, rejected);
        String stopReason = null;
        int exit = ExitCodes.OK;
        if (failure != null) {
            stopReason = "failed";
            exit = ExitCodes.INPUT;
        } else if (s.maxRejects() >= 0 && rejected > s.maxRejects()) {
            stopReason = "too_many_rejects";
            failure = rejected + " records rejected, more than --max-rejects " + s.maxRejects();
            exit = ExitCodes.TOO_MANY_REJECTS;
        }
        boolean complete = failure == null;

        Report.Builder report = Report.builder("ingest csv", s.key().describe())
                .outcome(complete, stopReason, failure)
                .records(records, rejected);
        KeyCounts counts = merged == null ? null : merged.partial.counts();
        Path filterPath = null;
        if (complete) {
            BloomChain chain = merged.partial.bloom();
            filterPath = new Path(out, FILTER_FILE);
            MergedFilter filterFile = MergedFilter.ofRun(s.key(), FilterHeader.SOURCE_CSV, chain, records, counts.duplicateRecords(),
                    counts.method(), Instant.now());
            writeAtomically(fs, filterPath, filterFile::writeTo);
            report.filter(Report.Filter.of(filterPath.toString(), chain, params)).warnings(Warnings.forFilter(chain, params));
        }
        if (counts != null) {
            report.counts(counts, counts.exactMemoryBytes()).warnings(Warnings.forCounts(counts, counts.exactMemoryBytes()));
        }
        List<Report.Source> sources = new ArrayList<>();
        bySource.forEach((path, a) -> sources.add(new Report.Source(path, a[0], a[1], a[2])));
        Report built = report.sources(sources)
                .fields(merged == null ? null : input.fields(merged.profile, s.key(), counts))
                .timing(Report.Timing.of(elapsedNanos, records, bytes, plan.chunks().size(), partitions,
                        s.parser().name().toLowerCase(Locale.ROOT), plan.planMillis()))
                .build();
        ObjectNode json = JSON.valueToTree(built);
        ObjectNode spark = json.putObject("spark");
        spark.put("applicationId", sc.sc().applicationId());
        spark.put("partitions", partitions);
        spark.put("shuffleBytes", meter.bytes());
        Path reportPath = new Path(out, REPORT_FILE);
        writeAtomically(fs, reportPath, o -> JSON.writeValue(o, json));
        return new Result(exit, built, sc.sc().applicationId(), partitions, meter.bytes(), reportPath, filterPath, rejectsPath);
    }

    /** The file system of {@code p}; a local one writes no {@code .crc} side files, so an output directory looks as a local run's does. */
    static FileSystem fileSystem(Path p, org.apache.hadoop.conf.Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            local.setWriteChecksum(false);
            local.setVerifyChecksum(false);
        }
        return fs;
    }

    /** Creates the output directory, proves it writable and removes an earlier run's outputs, before any work. */
    private static void prepare(FileSystem fs, Path out) throws IOException {
        try {
            fs.mkdirs(out);
            Path probe = new Path(out, ".ringsift-probe-" + System.nanoTime());
            fs.create(probe, true).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new IOException("output directory " + out + " is not writable: " + e.getMessage(), e);
        }
        for (String name : List.of(FILTER_FILE, REPORT_FILE, REJECTS_FILE)) {
            fs.delete(new Path(out, name), false);
        }
        fs.delete(new Path(out, RejectParts.DIR), true);
    }

    interface Body {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Writes under a temp name in the same directory, then renames: a reader never sees a half file under the real name. */
    static void writeAtomically(FileSystem fs, Path target, Body body) throws IOException {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (FSDataOutputStream o = fs.create(tmp, true)) {
            body.write(o);
            o.hsync();
        } catch (IOException | RuntimeException e) {
            fs.delete(tmp, false);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    /** The first line of the innermost cause: the task's own error (file and line), not Spark's stage bookkeeping. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName()
                : t instanceof IOException || t instanceof IllegalArgumentException ? t.getMessage()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
