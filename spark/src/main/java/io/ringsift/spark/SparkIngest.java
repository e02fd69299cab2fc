package io.ringsift.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.job.CheckJob;
import io.ringsift.job.ExitCodes;
import io.ringsift.job.JobInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.KeyCounts;
import io.ringsift.reduce.MergedFilter;
import io.ringsift.report.Report;
import io.ringsift.report.Warnings;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import io.ringsift.source.mongo.MongoSourceException;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's part of an ingest on Spark, whatever the input: one job (map tasks read units and
 * shuffle 16-byte key hashes to P reduce partitions, each builds a handler's {@code Partial},
 * partials merge by {@code treeReduce}), then filter.bf, report.json and rejects.csv written
 * exactly as the local job writes them. Every path goes through Hadoop's FileSystem.
 */
final class SparkIngest {
    static final String FILTER_FILE = "filter.bf";
    static final String REPORT_FILE = "report.json";
    static final String REJECTS_FILE = "rejects.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private SparkIngest() {
    }

    /** What a run produced: the exit code, the report as written, and its spark block. */
    record Result(int exitCode, Report report, String applicationId, int partitions, long shuffleBytes, Path reportPath,
                  Path filterPath, Path rejectsPath) {}

    /**
     * The job's outcome.
     *
     * @param merged  every partition's result merged, or null when the job failed
     * @param failure the task's own error (its first line), or null
     */
    record Reduced(PartResult merged, String failure, long elapsedNanos, long shuffleBytes) {}

    /**
     * What the report needs besides the merged result.
     *
     * @param command    "ingest csv", "ingest mongo"
     * @param input      the local job's input on the driver: key source, fields, partitions, parser and plan time blocks
     * @param sources    the sources block from the units' results (in the input's unit order, null for a unit not read)
     * @param maxRejects -1 for no limit
     * @param reference  a check's filter (no filter is written; the report has a check block), or null for an ingest
     * @param referenceName the check's {@code --filter} as the user gave it, or null
     * @param outputs    a check's --new/--seen files
     */
    record Run(String command, KeySpec key, FilterParams params, long maxRejects, int partitions, JobInput<? extends WorkUnit, ?> input,
               Function<List<UnitResult>, List<Report.Source>> sources, LoadedFilter reference, String referenceName,
               CheckOutputs outputs) {
        Run(String command, KeySpec key, FilterParams params, long maxRejects, int partitions, JobInput<? extends WorkUnit, ?> input,
            Function<List<UnitResult>, List<Report.Source>> sources) {
            this(command, key, params, maxRejects, partitions, input, sources, null, null, new CheckOutputs(null, null, new byte[0]));
        }
    }

    /**
     * A check's {@code --new} and {@code --seen} (either may be null): written from the map tasks'
     * parts once the run is complete, under {@code header}.
     */
    record CheckOutputs(String newName, String seenName, byte[] header) {
    }

    /**
     * Runs the job: one map task per unit, in the order given (map tasks start roughly in that order).
     */
    static <T extends Serializable> Reduced reduce(JavaSparkContext sc, String description, List<T> units, MapInput<T> input,
                                                   TaskSettings ts, HadoopConf conf) {
        ShuffleMeter meter = new ShuffleMeter();
        sc.sc().addSparkListener(meter);
        long t0 = System.nanoTime();
        PartResult merged = null;
        String failure = null;
        try {
            sc.setJobDescription(description);
            merged = sc.parallelize(units, Math.max(1, units.size()))
                    .mapPartitionsToPair(new MapSide<>(ts, conf, input))
                    .partitionBy(new KeyPartitioner(ts.partitions()))
                    .mapPartitions(new ReduceSide(ts))
                    .treeReduce((a, b) -> a.merge(b), 2);
        } catch (Exception e) {
            // a failed job is a SparkException, which Scala throws undeclared: RuntimeException alone would miss it
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
        return new Reduced(merged, failure, System.nanoTime() - t0, meter.bytes());
    }

    /** Writes rejects.csv (when small), filter.bf (when complete) and report.json with its spark block. */
    static Result finish(JavaSparkContext sc, FileSystem fs, Path out, Run run, Reduced red) throws IOException {
        PartResult merged = red.merged();
        long records = 0;
        long rejected = 0;
        long bytes = 0;
        if (merged != null) {
            for (long[] v : merged.units.values()) {
                records += v[0];
                rejected += v[1];
                bytes += v[2];
            }
        }
        Path rejectsPath = merged == null ? null : RejectParts.merge(fs, out, rejected);
        String failure = red.failure();
        if (failure == null && !(run.maxRejects() >= 0 && rejected > run.maxRejects())) {
            // complete: the check's outputs appear, as locally, only for a whole input
            CheckOutputs o = run.outputs();
            try {
                for (String[] t : new String[][] {{o.newName(), CheckParts.NEW_DIR}, {o.seenName(), CheckParts.SEEN_DIR}}) {
                    if (t[0] != null) {
                        Path target = new Path(t[0]);
                        CheckParts.assemble(fileSystem(target, sc.hadoopConfiguration()), new Path(out, t[1]), o.header(), target);
                    }
                }
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        fs.delete(new Path(out, CheckParts.NEW_DIR), true);
        fs.delete(new Path(out, CheckParts.SEEN_DIR), true);
        String stopReason = null;
        int exit = ExitCodes.OK;
        if (failure != null) {
            stopReason = "failed";
            exit = ExitCodes.INPUT;
        } else if (run.maxRejects() >= 0 && rejected > run.maxRejects()) {
            stopReason = "too_many_rejects";
            failure = rejected + " records rejected, more than --max-rejects " + run.maxRejects();
            exit = ExitCodes.TOO_MANY_REJECTS;
        }
        boolean complete = failure == null;

        KeyCounts counts = merged == null ? null : merged.partial.counts();
        Path filterPath = null;
        Report.Builder builder = Report.builder(run.command(), run.key().describe())
                .outcome(complete, stopReason, failure)
                .records(records, rejected);
        if (run.reference() != null) {
            // as the local check: no filter written, the answers and their bound in a check block
            BloomChain reference = run.reference().chain();
            double filterFpp = reference.fppAtFill();
            if (filterFpp > 2 * run.params().fpp()) {
                builder.warnings(Warnings.forFilter(reference, run.params()));
            }
            long seen = merged == null ? 0 : merged.partial.seenRecords();
            builder.check(CheckJob.bloomCheck(run.referenceName(), records - seen, seen, run.outputs().newName(),
                    run.outputs().seenName(), false, filterFpp));
        } else if (complete) {
            BloomChain chain = merged.partial.bloom();
            filterPath = new Path(out, FILTER_FILE);
            MergedFilter filterFile = MergedFilter.ofRun(run.key(), run.input().keySource(), chain, records,
                    counts.duplicateRecords(), counts.method(), Instant.now());
            writeAtomically(fs, filterPath, filterFile::writeTo);
            builder.filter(Report.Filter.of(filterPath.toString(), chain, run.params()))
                    .warnings(Warnings.forFilter(chain, run.params()));
        }
        if (counts != null) {
            builder.counts(counts, counts.exactMemoryBytes()).warnings(Warnings.forCounts(counts, counts.exactMemoryBytes()));
        }
        List<UnitResult> results = new ArrayList<>();
        for (WorkUnit u : run.input().units()) {
            long[] v = merged == null ? null : merged.units.get(u.id());
            results.add(v == null ? null : new UnitResult(u.id(), v[0], v[1], v[2], (int) v[3]));
        }
        Report report = builder.sources(run.sources().apply(results))
                .partitions(run.input().partitions(results))
                .fields(merged == null ? null : run.input().fields(merged.profile, run.key(), counts))
                .timing(Report.Timing.of(red.elapsedNanos(), records, bytes, run.input().units().size(), run.partitions(),
                        run.input().parser(), run.input().planMillis()))
                .build();
        ObjectNode json = JSON.valueToTree(report);
        ObjectNode spark = json.putObject("spark");
        spark.put("applicationId", sc.sc().applicationId());
        spark.put("partitions", run.partitions());
        spark.put("shuffleBytes", red.shuffleBytes());
        Path reportPath = new Path(out, REPORT_FILE);
        writeAtomically(fs, reportPath, o -> JSON.writeValue(o, json));
        return new Result(exit, report, sc.sc().applicationId(), run.partitions(), red.shuffleBytes(), reportPath, filterPath,
                rejectsPath);
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
    static void prepare(FileSystem fs, Path out) throws IOException {
        prepare(fs, out, true);
    }

    /**
     * @param clearFilter false for a check: its {@code --out} may be the directory of the ingest
     *                    whose filter it reads (as locally, a check clears only its own outputs)
     */
    static void prepare(FileSystem fs, Path out, boolean clearFilter) throws IOException {
        try {
            fs.mkdirs(out);
            Path probe = new Path(out, ".ringsift-probe-" + System.nanoTime());
            fs.create(probe, true).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new IOException("output directory " + out + " is not writable: " + e.getMessage(), e);
        }
        for (String name : clearFilter ? List.of(FILTER_FILE, REPORT_FILE, REJECTS_FILE) : List.of(REPORT_FILE, REJECTS_FILE)) {
            fs.delete(new Path(out, name), false);
        }
        fs.delete(new Path(out, RejectParts.DIR), true);
        fs.delete(new Path(out, CheckParts.NEW_DIR), true);
        fs.delete(new Path(out, CheckParts.SEEN_DIR), true);
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

    /**
     * The task's own error, first line: a {@link MongoSourceException} anywhere in the chain (it
     * names the range and the last {@code _id} read; its causes name only the socket), otherwise the
     * innermost cause (a file and line), not Spark's stage bookkeeping.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof MongoSourceException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName()
                : t instanceof IOException || t instanceof IllegalArgumentException || t instanceof MongoSourceException ? t.getMessage()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Lower-case name of an enum constant, for report fields. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
