package io.ringsift.spark;

import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.job.CsvInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.source.UnitResult;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code ingest csv} on Spark: plan (stage 1 + prefix pass), map tasks read chunks and shuffle
 * 16-byte key hashes to P reduce partitions, each builds a handler's {@code Partial}, partials
 * merge by {@code treeReduce} ({@link SparkIngest}); the driver writes filter.bf, report.json and
 * rejects.csv exactly as the local job does. Every path goes through Hadoop's FileSystem (file://,
 * hdfs://, s3a://).
 */
public final class SparkCsvJob {
    /** Default chunk size: one map task reads about this many bytes (Hadoop's usual block size). */
    public static final long DEFAULT_CHUNK_BYTES = 128L << 20;

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

    private SparkCsvJob() {
    }

    public static SparkIngest.Result run(JavaSparkContext sc, Settings s) throws CsvInputException, IOException {
        try {
            return run(sc, s, null);
        } catch (SparkUserError e) {
            throw new IllegalStateException("an ingest has no filter to disagree with", e);
        }
    }

    /**
     * {@code check}: the same map side (chunks framed, parsed and hashed as for an ingest); each
     * reduce partition answers "seen" for a key the broadcast filter may hold, as a local check
     * handler does, and counts duplicates within the input. No filter is written; report.json has
     * the local check's block.
     *
     * @param s      the run's settings; {@code s.key()} null for the filter's key; {@code expectedKeys} and {@code fpp} are the filter's
     * @param filter the filter file (any Hadoop path)
     */
    public static SparkIngest.Result check(JavaSparkContext sc, Settings s, String filter, String newOut, String seenOut)
            throws CsvInputException, IOException, SparkUserError {
        return run(sc, s, filter, newOut, seenOut);
    }

    private static SparkIngest.Result run(JavaSparkContext sc, Settings s, String filterName) throws CsvInputException, IOException,
            SparkUserError {
        return run(sc, s, filterName, null, null);
    }

    private static SparkIngest.Result run(JavaSparkContext sc, Settings s, String filterName, String newOut, String seenOut)
            throws CsvInputException, IOException, SparkUserError {
        Path out = new Path(s.out());
        FileSystem fs = SparkIngest.fileSystem(out, sc.hadoopConfiguration());
        out = fs.makeQualified(out);
        LoadedFilter reference = null;
        KeySpec key = s.key();
        if (filterName != null) {
            reference = readFilter(filterName, sc.hadoopConfiguration());
            if (key == null) {
                key = KeySpec.parse(reference.header().keySpec());
            }
            if (!key.describe().equals(reference.header().keySpec())) {
                throw new SparkUserError("--key '" + key.describe() + "' does not match the filter's key '" + reference.header().keySpec()
                        + "' (" + filterName + "): keys made differently never match");
            }
        }
        requireDistinctOutputs(sc.hadoopConfiguration(), s.files(), filterName, newOut, seenOut);
        SparkIngest.prepare(fs, out, reference == null);
        ChunkPlanner.Plan plan = ChunkPlanner.plan(sc, s.files(), s.dialect(), key, s.chunkBytes());
        byte[] header = new byte[0];
        if (newOut != null || seenOut != null) {
            header = requireOneHeader(plan);
        }
        int partitions = s.partitions() != null ? s.partitions() : Math.max(1, sc.defaultParallelism());
        // without --expected-keys: the line ends the summaries counted, plus one per file for a last line
        // without one: an upper bound on the records. A check's partials are shaped as its filter is (as locally).
        long expected = reference != null ? reference.header().expectedKeys()
                : s.expectedKeys() != null ? s.expectedKeys() : Math.max(1000, plan.lineEnds() + plan.files().size());
        FilterParams params = new FilterParams(expected, reference != null ? reference.header().fpp() : s.fpp());
        long exactBytes = s.exactMemory() != null ? s.exactMemory() / partitions : -1;
        HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());
        TaskSettings ts = new TaskSettings(partitions, params, exactBytes,
                s.stats() == StatsLevel.NONE ? null : new ProfileKind.Columns(plan.fields(), s.stats()), out.toString());
        if (reference != null) {
            ts = ts.withReference(ReferenceFilter.broadcast(sc, reference.chain()), newOut != null, seenOut != null);
        }
        CsvMapInput tasks = CsvMapInput.of(s.dialect(), s.parser(), s.stats(), plan.fields(), plan.files(), conf, ts.keepRaw());
        String command = reference == null ? "ingest csv" : "check";

        SparkIngest.Reduced reduced = SparkIngest.reduce(sc,
                "ringsift: " + command + " " + plan.chunks().size() + " CSV chunks into " + partitions + " key partitions", plan.chunks(),
                tasks, ts, conf);

        List<CsvFile> csvFiles = plan.files().stream().map(SparkFile::toCsvFile).toList();
        List<CsvUnit> units = new ArrayList<>();
        for (SparkChunk c : plan.chunks()) {
            units.add(new CsvUnit(c.id(), csvFiles.get(c.file()), c.start(), c.end(), c.firstLine()));
        }
        CsvInput input = new CsvInput(new CsvPlan(csvFiles, units, plan.fields(), plan.planMillis()), s.dialect(), s.parser(), false);
        SparkIngest.Run run = new SparkIngest.Run(command, key, params, s.maxRejects(), partitions, input,
                results -> sources(plan, results), reference, filterName, new SparkIngest.CheckOutputs(newOut, seenOut, header));
        return SparkIngest.finish(sc, fs, out, run, reduced);
    }

    /** --new/--seen must not overwrite an input, the filter or each other (refused before any work, as locally). */
    private static void requireDistinctOutputs(org.apache.hadoop.conf.Configuration conf, List<String> files, String filter, String newOut,
                                               String seenOut) throws IOException, SparkUserError {
        java.util.Map<Path, String> inputs = new java.util.HashMap<>();
        for (String f : files) {
            inputs.put(qualified(f, conf), "input " + f);
        }
        if (filter != null) {
            inputs.put(qualified(filter, conf), "--filter " + filter);
        }
        for (String[] o : new String[][] {{"--new", newOut}, {"--seen", seenOut}}) {
            if (o[1] != null) {
                String clash = inputs.putIfAbsent(qualified(o[1], conf), o[0] + " " + o[1]);
                if (clash != null) {
                    throw new SparkUserError(o[0] + " " + o[1] + " is the same file as " + clash + ": give another path");
                }
            }
        }
    }

    private static Path qualified(String name, org.apache.hadoop.conf.Configuration conf) throws IOException {
        Path p = new Path(name);
        return p.getFileSystem(conf).makeQualified(p);
    }

    /**
     * --new and --seen copy rows byte for byte under the first file's header, so every file must
     * have the same columns in the same order (the local check's rule). Returns that header.
     */
    private static byte[] requireOneHeader(ChunkPlanner.Plan plan) throws SparkUserError {
        SparkFile first = plan.files().get(0);
        for (SparkFile f : plan.files()) {
            if (!f.headerColumns().equals(first.headerColumns())) {
                throw new SparkUserError(f.source() + ": its columns (" + String.join(",", f.headerColumns()) + ") differ from "
                        + first.source() + "'s (" + String.join(",", first.headerColumns()) + "); --new/--seen copy rows under the"
                        + " first file's header, so check files with other columns in a separate run");
            }
        }
        return first.headerLine() == null ? new byte[0] : first.headerLine();
    }

    /** Reads a filter file from any Hadoop path (a file on another file system through a local temp copy). */
    static LoadedFilter readFilter(String name, org.apache.hadoop.conf.Configuration conf) throws IOException {
        Path p = new Path(name);
        FileSystem fs = SparkIngest.fileSystem(p, conf);
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            java.nio.file.Path file = local.pathToFile(p).toPath();
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IOException(name + ": no such file");
            }
            return FilterFile.read(file);
        }
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("ringsift-filter-", ".bf");
        try {
            try (java.io.InputStream in = fs.open(p)) {
                java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.FileNotFoundException e) {
                throw new IOException(name + ": no such file", e);
            }
            return FilterFile.read(tmp);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** Per file, as the user named it (the stages' CsvFile name is a java.nio rendering of the path). */
    private static List<Report.Source> sources(ChunkPlanner.Plan plan, List<UnitResult> results) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        plan.files().forEach(f -> bySource.putIfAbsent(f.source(), new long[3]));
        for (UnitResult r : results) {
            if (r != null) {
                long[] acc = bySource.get(plan.files().get(plan.chunks().get(r.unit()).file()).source());
                acc[0] += r.records();
                acc[1] += r.rejected();
                acc[2] += r.bytes();
            }
        }
        List<Report.Source> sources = new ArrayList<>();
        bySource.forEach((path, a) -> sources.add(new Report.Source(path, a[0], a[1], a[2])));
        return sources;
    }
}
