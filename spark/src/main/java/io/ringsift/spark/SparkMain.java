package io.ringsift.spark;

import io.ringsift.job.ExitCodes;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.mongo.MongoSourceException;
import io.ringsift.source.mongo.MongoConnection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bson.BsonDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class io.ringsift.spark.SparkMain ringsift-spark.jar ingest csv --key id --out DIR FILE...}
 * (and {@code ingest mongo --uri URI --db D --collection C}): the local CLI's commands with the
 * options that apply on a cluster.
 */
@Command(name = "ringsift-spark", mixinStandardHelpOptions = true,
        description = "ringsift's stages as Spark tasks: the same filter file, report and rejects as the local CLI.",
        footer = {"", ExitCodes.HELP})
public final class SparkMain {

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("ringsift " + String.join(" ", args.length > 2
                ? List.of(args).subList(0, 2) : List.of(args))).getOrCreate();
        int code;
        try {
            code = run(JavaSparkContext.fromSparkContext(spark.sparkContext()), args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs one command line on {@code sc} and returns its exit code (tests call this). */
    public static int run(JavaSparkContext sc, String... args) {
        return run(sc, null, null, args);
    }

    /** As {@link #run(JavaSparkContext, String...)}, with the summary and the errors to {@code out} and {@code err} (null: stdout, stderr). */
    public static int run(JavaSparkContext sc, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        CommandLine ingest = new CommandLine(new Ingest());
        ingest.addSubcommand("csv", new IngestCsv(sc));
        ingest.addSubcommand("mongo", new IngestMongo(sc));
        cl.addSubcommand("ingest", ingest);
        cl.addSubcommand("check", new Check(sc));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter w = line.getErr();
            if (e instanceof CsvInputException || e instanceof java.io.IOException || e instanceof MongoSourceException
                    || e instanceof SparkUserError) {
                w.println("ringsift-spark: " + e.getMessage());
                w.flush();
                return ExitCodes.INPUT;
            }
            w.println("ringsift-spark: failed: " + SparkIngest.rootMessage(e));
            w.flush();
            return ExitCodes.INPUT;
        });
        return cl.execute(args);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Read input into DIR/filter.bf, DIR/report.json and rejects.")
    static final class Ingest {
    }

    /** Options every Spark command takes: reduce partitions, the exact counts' memory, the reject limit, quiet. */
    static final class RunOptions {
        @Option(names = "--partitions", paramLabel = "N",
                description = "Reduce partitions (key partitions, as local --handlers). Default: spark.default.parallelism.")
        Integer partitions;

        @Option(names = "--exact-memory", paramLabel = "BYTES",
                description = "Memory the exact counts may use, all partitions together. Default: 40%% of each executor's heap, shared by its cores.")
        Long exactMemory;

        @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "-1",
                description = "Exit 4 (no filter written) when more than N records (documents) are rejected (default: no limit).")
        long maxRejects;

        @Option(names = {"-q", "--quiet"}, description = "No summary on stdout.")
        boolean quiet;
    }

    /** The options of reading CSV files on a cluster, shared by {@code ingest csv} and {@code check}. */
    static final class CsvRead {
        @Mixin
        RunOptions run = new RunOptions();

        @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "Field delimiter; 'tab' for a tab (default: '${DEFAULT-VALUE}').")
        String delimiter;

        @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "Quote character (default: ${DEFAULT-VALUE}).")
        char quote;

        @Option(names = "--no-header", description = "Files have no header line; columns are named 1, 2, 3, ...")
        boolean noHeader;

        @Option(names = "--parser", paramLabel = "NAME", defaultValue = "fast", description = "Field parser: fast (default) or commons.")
        CsvParser parser;

        @Option(names = "--max-record-size", paramLabel = "BYTES", defaultValue = "" + CsvDialect.DEFAULT_MAX_RECORD_BYTES,
                description = "Reject records longer than this (default: ${DEFAULT-VALUE}).")
        int maxRecordSize;

        @Option(names = "--max-field-size", paramLabel = "BYTES", defaultValue = "" + CsvDialect.DEFAULT_MAX_FIELD_BYTES,
                description = "Reject records with a field longer than this (default: ${DEFAULT-VALUE}).")
        int maxFieldSize;

        @Option(names = "--chunk-size", paramLabel = "BYTES", defaultValue = "" + SparkCsvJob.DEFAULT_CHUNK_BYTES,
                description = "Bytes one map task reads (default: ${DEFAULT-VALUE}, 128 MiB).")
        long chunkSize;

        @Option(names = "--stats", paramLabel = "LEVEL", defaultValue = "full", description = "Field statistics: none, basic, full (default: ${DEFAULT-VALUE}).")
        StatsLevel stats;

        /** @param key null: the filter's (check) */
        SparkCsvJob.Settings settings(List<String> files, String out, KeySpec key, double fpp, Long expectedKeys) {
            String d = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1) {
                throw new IllegalArgumentException("--delimiter must be one character, got '" + delimiter + "'");
            }
            CsvDialect dialect = new CsvDialect(d.charAt(0), quote, !noHeader, maxRecordSize, maxFieldSize);
            return new SparkCsvJob.Settings(files, out, key, dialect, parser, fpp, expectedKeys, run.exactMemory, stats,
                    run.maxRejects, run.partitions, chunkSize);
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Read CSV files (any Hadoop path: file://, hdfs://, s3a://) into DIR/filter.bf, DIR/report.json,",
                    "DIR/rejects/part-*.csv and, when they are small, DIR/rejects.csv."},
            footer = {"", ExitCodes.HELP})
    static final class IngestCsv implements Callable<Integer> {
        private final JavaSparkContext sc;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files to read.")
        List<String> files;

        @Option(names = "--key", split = ",", paramLabel = "COLUMN", description = "Key column(s). Default: the whole row.")
        List<String> key;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
        String out;

        @Option(names = "--fpp", paramLabel = "P", defaultValue = "0.01", description = "Target false-positive probability (default: ${DEFAULT-VALUE}).")
        double fpp;

        @Option(names = "--expected-keys", paramLabel = "N",
                description = "Distinct keys the filter is sized for. Default: the input's physical lines (an upper bound on its records).")
        Long expectedKeys;

        @Mixin
        CsvRead csv;

        IngestCsv(JavaSparkContext sc) {
            this.sc = sc;
        }

        @Override
        public Integer call() throws Exception {
            SparkCsvJob.Settings s;
            try {
                s = csv.settings(files, out, key == null || key.isEmpty() ? KeySpec.wholeRecord() : new KeySpec(key), fpp, expectedKeys);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return summary(spec, SparkCsvJob.run(sc, s), csv.run.quiet);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Check CSV files (any Hadoop path) against a filter: records whose key it definitely does not hold are new,",
                    "the others probably seen. Counts (and duplicates within the input) into DIR/report.json, rejects into",
                    "DIR/rejects/part-*.csv and DIR/rejects.csv; with --new/--seen the rows themselves, byte for byte, in input",
                    "order within each file, under the first file's header. No --update on Spark."},
            footer = {"", ExitCodes.HELP})
    static final class Check implements Callable<Integer> {
        private final JavaSparkContext sc;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files to check.")
        List<String> files;

        @Option(names = "--filter", required = true, paramLabel = "F", description = "The filter file to check against (any Hadoop path).")
        String filter;

        @Option(names = "--key", split = ",", paramLabel = "COLUMN",
                description = "Key column(s); must match the filter's key spec. Default: the filter's.")
        List<String> key;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "Directory for report.json and the rejects (required on Spark: map tasks write their rejects there).")
        String out;

        @Option(names = "--new", paramLabel = "OUT", description = "Write rows whose key is definitely new here (any Hadoop path).")
        String newOut;

        @Option(names = "--seen", paramLabel = "OUT", description = "Write rows whose key was probably seen here (any Hadoop path).")
        String seenOut;

        @Mixin
        CsvRead csv;

        Check(JavaSparkContext sc) {
            this.sc = sc;
        }

        @Override
        public Integer call() throws Exception {
            SparkCsvJob.Settings s;
            try {
                s = csv.settings(files, out, key == null || key.isEmpty() ? null : new KeySpec(key), 0.01, null);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            SparkIngest.Result r = SparkCsvJob.check(sc, s, filter, newOut, seenOut);
            if (!csv.run.quiet && r.report().check() != null) {
                var c = r.report().check();
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "check: %,d new (certain), %,d probably seen (filter fpp %.3g: truly seen %,d..%,d at 95%%)%n",
                        c.newRecords(), c.seenRecords(), c.filterFpp(), c.seenRecordsLow(), c.seenRecordsHigh());
                o.flush();
            }
            return summary(spec, r, csv.run.quiet);
        }
    }

    /** Prints the outcome as the local CLI does (a failure on stderr even with -q) and returns the exit code. */
    static int summary(CommandSpec spec, SparkIngest.Result r, boolean quiet) {
        if (!r.report().complete()) {
            // even with -q: a run that did not finish says why, on stderr (its report.json says it too)
            PrintWriter err = spec.commandLine().getErr();
            err.println("ringsift-spark: " + r.report().stopReason() + ": " + r.report().error() + " (report: " + r.reportPath() + ")");
            err.flush();
        }
        if (!quiet) {
            PrintWriter o = spec.commandLine().getOut();
            var rep = r.report();
            o.printf(Locale.ROOT, "%s: %,d records, %,d rejected, %,d duplicate records, %,d distinct keys (%s)%n",
                    rep.complete() ? "done" : "NOT complete (" + rep.stopReason() + ": " + rep.error() + ")", rep.records(),
                    rep.rejected(), rep.duplicateRecords(), rep.distinctKeysEstimate(),
                    rep.counts() == null ? "no counts" : rep.counts().method());
            o.printf(Locale.ROOT, "spark: application %s, %d partitions, %,d shuffle bytes%n", r.applicationId(), r.partitions(),
                    r.shuffleBytes());
            if (rep.warnings() != null) {
                rep.warnings().forEach(w -> o.println("warning: " + w));
            }
            o.println("report: " + r.reportPath() + (r.filterPath() != null ? ", filter: " + r.filterPath() : "")
                    + (r.rejectsPath() != null ? ", rejects: " + r.rejectsPath() : ""));
            o.flush();
        }
        return r.exitCode();
    }

    @Command(name = "mongo", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Read a MongoDB collection in _id ranges, one Spark task each, into DIR/filter.bf, DIR/report.json,",
                    "DIR/rejects/part-*.csv and, when they are small, DIR/rejects.csv (documents without a key field)."},
            footer = {"", ExitCodes.HELP})
    static final class IngestMongo implements Callable<Integer> {
        private final JavaSparkContext sc;

        @Spec
        CommandSpec spec;

        @Option(names = "--uri", paramLabel = "URI", required = true,
                description = "MongoDB connection string, e.g. mongodb://host:27017 (the driver and every executor connect to it).")
        String uri;

        @Option(names = "--db", paramLabel = "D", required = true, description = "Database name.")
        String db;

        @Option(names = "--collection", paramLabel = "C", required = true, description = "Collection name.")
        String collection;

        @Option(names = "--key", split = ",", paramLabel = "PATH", defaultValue = "_id",
                description = "Key field path(s), dotted for nested fields (default: ${DEFAULT-VALUE}).")
        List<String> key;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
        String out;

        @Mixin
        RunOptions run = new RunOptions();

        @Option(names = "--query", paramLabel = "JSON", description = "Only documents matching this filter (Extended JSON), e.g. '{\"status\": \"active\"}'.")
        String query;

        @Option(names = "--ranges", paramLabel = "N",
                description = "_id ranges to cut the collection into, one map task each (local --partitions). Default: 4 x spark.default.parallelism.")
        Integer ranges;

        @Option(names = "--max-rate", paramLabel = "DOCS_PER_S",
                description = "Throttle all tasks together to about this many documents per second (split over the tasks that run at once).")
        Double maxRate;

        @Option(names = "--cursor-batch", paramLabel = "N", defaultValue = "1000", description = "Documents per cursor batch (default: ${DEFAULT-VALUE}).")
        int cursorBatch;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
                description = "Reopen a range's cursor this many times after a transient error, after the last _id read (default: ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = "--server-timeout", paramLabel = "SECONDS", defaultValue = "5",
                description = "Give up on an unreachable server after this long (default: ${DEFAULT-VALUE}).")
        int serverTimeout;

        @Option(names = "--socket-timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "A server that stops answering a read for this long is a transient error (default: ${DEFAULT-VALUE}; 0 = wait for ever).")
        int socketTimeout;

        @Option(names = "--max-depth", paramLabel = "N", defaultValue = "0",
                description = "Nested path depth for field discovery; 1 = top-level only, 0 = unlimited (default).")
        int maxDepth;

        @Option(names = "--fpp", paramLabel = "P", defaultValue = "0.01", description = "Target false-positive probability (default: ${DEFAULT-VALUE}).")
        double fpp;

        @Option(names = "--expected-keys", paramLabel = "N",
                description = "Distinct keys the filter is sized for. Default: the collection's estimated document count, as locally.")
        Long expectedKeys;

        @Option(names = "--stats", paramLabel = "LEVEL", defaultValue = "full",
                description = "Field discovery: none, or basic/full (paths and types; default: ${DEFAULT-VALUE}).")
        StatsLevel stats;

        IngestMongo(JavaSparkContext sc) {
            this.sc = sc;
        }

        @Override
        public Integer call() throws Exception {
            SparkMongoJob.Settings s;
            try {
                if (serverTimeout < 1) {
                    throw new IllegalArgumentException("--server-timeout (" + serverTimeout + ") must be >= 1");
                }
                if (socketTimeout < 0) {
                    throw new IllegalArgumentException("--socket-timeout (" + socketTimeout + ") must be >= 0");
                }
                BsonDocument q;
                try {
                    q = query == null ? new BsonDocument() : BsonDocument.parse(query);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("--query is not a JSON document: " + MongoConnection.firstLine(e.getMessage()));
                }
                s = new SparkMongoJob.Settings(uri, db, collection, q, new KeySpec(key), out, fpp, expectedKeys, run.exactMemory, stats,
                        run.maxRejects, run.partitions, ranges, maxRate, cursorBatch, retries, Duration.ofSeconds(serverTimeout),
                        Duration.ofSeconds(socketTimeout), maxDepth);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return summary(spec, SparkMongoJob.run(sc, s), run.quiet);
        }
    }
}
