package io.ringsift.cli;

import io.ringsift.filter.FilterFile;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.io.RunLock;
import io.ringsift.job.CheckJob;
import io.ringsift.job.ExitCodes;
import io.ringsift.job.IngestJob;
import io.ringsift.job.RunDirectory;
import io.ringsift.report.RejectsFile;
import io.ringsift.job.CsvInput;
import io.ringsift.job.JobInput;
import io.ringsift.job.JobResult;
import io.ringsift.job.JobSettings;
import io.ringsift.job.JsonlInput;
import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.engine.EngineSettings;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.WorkUnit;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.jsonl.JsonlPlanner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringsift check --filter F [--new OUT] [--seen OUT] [--update] FILE...} */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Split CSV rows or MongoDB documents into new (key definitely not in the filter) and seen (probably in it).",
                "CSV rows and JSON Lines lines are copied byte for byte, in input order within each file (CSV: after the first file's header);",
                "documents are written as JSON Lines (canonical Extended JSON, types kept) in _id order."},
        footer = {"", ExitCodes.HELP})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "CSV files to check: plain, gzip or zstd; '-' for standard input; a directory for its files; or JSON Lines"
                    + " files (.jsonl, .ndjson, .json) (or a collection: --uri/--db/--collection, --embedded).")
    List<Path> files;

    @Option(names = "--filter", required = true, paramLabel = "F", description = "The filter file to check against.")
    Path filterPath;

    @Option(names = "--key", split = ",", paramLabel = "COLUMN",
            description = "Key column(s); must match the filter's key spec. Default: the filter's.")
    List<String> key;

    @Option(names = "--new", paramLabel = "OUT", description = "Write rows whose key is definitely new here.")
    Path newOut;

    @Option(names = "--seen", paramLabel = "OUT", description = "Write rows whose key was probably seen here.")
    Path seenOut;

    @Option(names = "--update", description = "Add the new keys to the filter and write it back (atomically).")
    boolean update;

    @Option(names = "--exact", description = "Confirm every \"probably seen\" answer against --reference, the data the filter was built from: the new/seen split is then exact.")
    boolean exact;

    @Option(names = "--reference", arity = "1..*", paramLabel = "FILE", description = "With --exact: the CSV files the filter was built from.")
    List<Path> reference;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for report.json and rejects.csv. Without it neither is written; rejected rows are counted in the summary.")
    Path out;

    @Mixin
    CsvOptions csv;

    @Mixin
    SplitOptions split;

    @Mixin
    MongoOptions mongo;

    @Mixin
    DocumentOptions documents;

    @Mixin
    EngineOptions threads;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        CsvDialect dialect;
        EngineSettings engine;
        try {
            dialect = csv.dialect();
            csv.charset();
            pipeline.validate();
            engine = threads.engine();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (exact != (reference != null)) {
            throw new ParameterException(spec.commandLine(), "--exact and --reference FILE... go together");
        }
        boolean collection = mongo.embedded != null || mongo.uri != null;
        if ((files == null || files.isEmpty()) == !collection) {
            throw new ParameterException(spec.commandLine(), "give CSV or JSON Lines FILEs, or a collection with --uri/--db/--collection or --embedded FILE.jsonl");
        }
        if (collection) {
            try {
                mongo.validate();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (exact) {
                throw new ParameterException(spec.commandLine(), "--exact --reference works for CSV input only");
            }
        }
        try {
            checkPaths();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        InputFiles.requireFile("--filter", filterPath);
        // --update: lock the real file (through any symbolic link) before reading it, so a concurrent
        // update cannot be lost (ConcurrentCheckUpdateLostAnUpdateTest)
        try (RunLock ignored = update ? RunDirectory.lockFilter(filterPath.toRealPath()) : null) {
            return check(dialect, engine, collection);
        }
    }

    /** Outputs that equal an input, the filter or each other are refused before any work (exit 2). */
    private void checkPaths() {
        OutputPaths paths = new OutputPaths().input("--filter " + filterPath, filterPath);
        for (List<Path> in : Arrays.asList(files, reference, mongo.embedded == null ? null : List.of(mongo.embedded))) {
            if (in != null) {
                in.forEach(f -> paths.input("input " + f, f));
            }
        }
        if (newOut != null) {
            paths.output("--new " + newOut, newOut);
        }
        if (seenOut != null) {
            paths.output("--seen " + seenOut, seenOut);
        }
        if (out != null) {
            paths.output(out.resolve(IngestJob.REPORT_FILE).toString(), out.resolve(IngestJob.REPORT_FILE));
            paths.output(out.resolve(RejectsFile.NAME).toString(), out.resolve(RejectsFile.NAME));
        }
    }

    private Integer check(CsvDialect dialect, EngineSettings engine, boolean collection) throws Exception {
        LoadedFilter filter = FilterFile.read(filterPath);
        KeySpec filterKey = KeySpec.parse(filter.header().keySpec());
        KeySpec keySpec = key == null ? filterKey : PipelineOptions.keySpec(key);
        if (!keySpec.describe().equals(filter.header().keySpec())) {
            throw new UserError("--key '" + keySpec.describe() + "' does not match the filter's key '" + filter.header().keySpec()
                    + "' (" + filterPath + "): keys made differently never match");
        }
        JobSettings settings = pipeline.checkSettings(out, keySpec, filter.header().fpp(), filter.header().expectedKeys(), engine);
        CheckJob.Outputs outputs = new CheckJob.Outputs(out, newOut, seenOut, filterPath, update);
        JobResult result;
        if (files == null || files.isEmpty()) {
            result = checkCollection(keySpec, filter, outputs, settings, engine);
        } else {
            result = checkFiles(dialect, keySpec, filter, outputs, settings, engine);
        }
        return result.exitCode();
    }

    private JobResult checkFiles(CsvDialect dialect, KeySpec keySpec, LoadedFilter filter, CheckJob.Outputs outputs,
                                 JobSettings settings, EngineSettings engine) throws Exception {
        long json = files.stream().filter(JsonlPlanner::isJsonName).count();
        if (json > 0) {
            if (json < files.size()) {
                throw new ParameterException(spec.commandLine(), "check reads CSV files or JSON Lines files (.jsonl, .ndjson, .json), not both at once");
            }
            if (exact) {
                throw new ParameterException(spec.commandLine(), "--exact --reference works for CSV input only");
            }
            // each accepted line is written to --new/--seen byte for byte, as it was in the file
            JsonlInput input = documents.plan(files, split, keySpec, engine.readers(), spec.commandLine().getErr(), true);
            return runJob(input, new byte[0], filter, outputs, settings, null);
        }
        var err = spec.commandLine().getErr();
        CsvInput input = csv.plan(files, dialect, keySpec, engine.readers(), split, err, threads.quiet, true, pipeline.stats);
        CsvPlan plan = input.plan();
        CsvInput referenceInput = null;
        if (exact) {
            // the reference is read with the dialect the checked files were read with
            referenceInput = csv.planReference(reference, input, keySpec, engine.readers(), split, err);
            if (referenceInput.hasStream() || input.hasStream()) {
                throw new ParameterException(spec.commandLine(),
                        "--exact reads the input and --reference more than once; a stream (standard input, a pipe) can be read only once: save it to a file first");
            }
        }
        if (outputs.newOut() != null || outputs.seenOut() != null) {
            requireOneHeader(plan);
        }
        byte[] header = plan.units().isEmpty() ? new byte[0] : plan.units().get(0).file().headerLine();
        return runJob(input, header, filter, outputs, settings, referenceInput);
    }

    /** A collection: documents go to --new/--seen as JSON Lines (canonical Extended JSON, types kept), in _id order. */
    private JobResult checkCollection(KeySpec keySpec, LoadedFilter filter, CheckJob.Outputs outputs, JobSettings settings,
                                      EngineSettings engine) throws Exception {
        var err = spec.commandLine().getErr();
        // the embedded load and the planning run inside the console, as for an ingest
        return JobConsole.run(spec, threads, pipeline.maxRejects, control -> {
            try (MongoSession session = mongo.open(control::stopRequested, threads.showProgress() ? err : null)) {
                MongoInput input = mongo.plan(session, keySpec, engine.readers(), documents.depth(), documents.streamed(err)).keepJson();
                return CheckJob.run(input, new byte[0], filter, outputs, settings, control, null);
            }
        }, this::printSummary);
    }

    /**
     * --new and --seen copy rows byte for byte under the first file's header, so every file must
     * have the same columns in the same order; otherwise rows would land under the wrong names.
     */
    private static void requireOneHeader(CsvPlan plan) throws UserError {
        var first = plan.files().get(0);
        for (var f : plan.files()) {
            if (!f.headerColumns().equals(first.headerColumns())) {
                throw new UserError(f.path() + ": its columns (" + String.join(",", f.headerColumns()) + ") differ from "
                        + first.path() + "'s (" + String.join(",", first.headerColumns()) + "); --new/--seen copy rows under the"
                        + " first file's header, so check files with other columns in a separate run");
            }
        }
    }

    private <U extends WorkUnit, R> JobResult runJob(JobInput<U, R> input, byte[] header, LoadedFilter filter, CheckJob.Outputs outputs,
                                                  JobSettings settings, CsvInput referenceInput) throws Exception {
        return JobConsole.run(spec, threads, pipeline.maxRejects,
                control -> CheckJob.run(input, header, filter, outputs, settings, control, referenceInput), this::printSummary);
    }

    private void printSummary(JobResult result) {
        var rep = result.report();
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "ringsift check: %s in %.2f s%n", rep.complete() ? "complete" : "INCOMPLETE (" + rep.stopReason() + ")",
                rep.timing().elapsedMillis() / 1000.0);
        w.printf(Locale.ROOT, "  records      %,d accepted, %,d rejected%s%n", rep.records(), rep.rejected(),
                result.rejectsPath() != null ? " (see " + result.rejectsPath() + ")"
                        : rep.rejected() > 0 && out == null ? " (give --out DIR to keep them in DIR/rejects.csv)" : "");
        var c = rep.check();
        w.printf(Locale.ROOT, "  new          %,d%s (certain: the filter does not hold their keys)%n", c.newRecords(),
                newOut != null && rep.complete() ? " -> " + newOut : "");
        if ("exact".equals(c.seenMethod())) {
            w.printf(Locale.ROOT, "  seen         %,d%s (exact: confirmed against the reference data)%n", c.seenRecords(),
                    seenOut != null && rep.complete() ? " -> " + seenOut : "");
        } else {
            w.printf(Locale.ROOT, "  seen         %,d%s probably seen (filter fpp %.3g: ~%.1f expected false positives; truly seen"
                            + " %,d..%,d at 95%%)%n", c.seenRecords(), seenOut != null && rep.complete() ? " -> " + seenOut : "",
                    c.filterFpp(), c.expectedFalsePositives(), c.seenRecordsLow(), c.seenRecordsHigh());
        }
        w.printf(Locale.ROOT, "  duplicates   %,d records repeat a key seen earlier in this input (%s)%n", rep.duplicateRecords(),
                rep.counts().method());
        if (rep.check().bloomSeenRecords() != null) {
            w.printf(Locale.ROOT, "  exact        the Bloom filter alone said %,d seen: %,d false positives removed%n",
                    rep.check().bloomSeenRecords(), rep.check().falsePositives());
        }
        w.printf(Locale.ROOT, "  throughput   %,d records/s%n", rep.timing().recordsPerSecond());
        if (rep.check().updated()) {
            w.printf("  filter       %s updated with the new keys%n", filterPath);
        }
        if (result.reportPath() != null) {
            w.printf("  report       %s%n", result.reportPath());
        }
        if (rep.warnings() != null) {
            rep.warnings().forEach(warning -> w.printf("  WARNING      %s%n", warning));
        }
        w.flush();
    }
}
