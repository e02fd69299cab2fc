package io.ringsift.cli;

import io.ringsift.engine.EngineSettings;
import io.ringsift.io.AtomicFiles;
import io.ringsift.job.CsvInput;
import io.ringsift.job.ExitCodes;
import io.ringsift.job.FieldsJob;
import io.ringsift.job.JsonlInput;
import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.report.ReportWriter;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.jsonl.JsonlPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringsift fields FILE | --uri URI --db D --collection C | --embedded FILE.jsonl [--json OUT|-]} */
@Command(name = "fields", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Documents (a MongoDB collection, or a .jsonl/.ndjson/.json file): every field, top-level and nested",
                "(dotted paths; arrays of subdocuments without an index, e.g. items.sku), how many documents have it,",
                "with which BSON types.",
                "A CSV file: per column the type mix, empty values, min .. max, distinct values and the most frequent values."},
        footer = {"", ExitCodes.HELP})
final class FieldsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A CSV file, or a JSON Lines / JSON array file (.jsonl, .ndjson, .json), instead of a collection.")
    Path file;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to this file; '-' writes it to stdout instead of the table.")
    Path json;

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

    @Override
    public Integer call() throws Exception {
        EngineSettings engine;
        CsvDialect dialect;
        try {
            if (file != null && (mongo.embedded != null || mongo.uri != null)) {
                throw new IllegalArgumentException("give a FILE or a collection (--uri/--db/--collection, --embedded), not both");
            }
            if (file == null) {
                mongo.validate();
            }
            dialect = csv.dialect();
            engine = threads.engine();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        KeySpec everyDocument = new KeySpec(List.of("_id"));
        FieldsJob.Run<?> run;
        if (file != null && !JsonlPlanner.isJsonName(file)) {
            run = console(control -> {
                CsvInput input = csv.plan(List.of(file), dialect, KeySpec.wholeRecord(), engine.readers(), split, err, threads.quiet, false,
                        StatsLevel.FULL);
                return FieldsJob.columns(input, file.toString(), engine, control);
            }, this::printColumns);
        } else if (file != null) {
            run = console(control -> {
                JsonlInput input = documents.plan(List.of(file), split, everyDocument, engine.readers(), err,
                        false).everyDocument();
                return FieldsJob.run(input, file.toString(), engine, control);
            }, r -> print(spec.commandLine().getOut(), r));
        } else {
            // the embedded load and the planning run inside the console, as for an ingest
            run = console(control -> {
                try (MongoSession session = mongo.open(control::stopRequested, threads.showProgress() ? err : null)) {
                    MongoInput input = mongo.plan(session, everyDocument, engine.readers(), documents.depth(), documents.streamed(err));
                    return FieldsJob.run(input, session.namespace, engine, control);
                }
            }, r -> print(spec.commandLine().getOut(), r));
        }
        return run.exitCode();
    }

    /**
     * Runs on the console every job uses. The JSON is written (also with {@code -q}) and the table
     * printed only when no reader or handler failed; a failure is one line on stderr.
     */
    private <T> FieldsJob.Run<T> console(JobConsole.Job<FieldsJob.Run<T>> job, Consumer<T> table)
            throws Exception {
        return JobConsole.run(spec, threads, control -> {
            FieldsJob.Run<T> r = job.run(control);
            if (r.error() == null) {
                output(r.result());
            }
            return r;
        }, r -> {
            if (r.error() == null && !toStdout()) {
                table.accept(r.result());
            }
        }, r -> new JobConsole.Ending(r.error(), r.stopReason(), 0, -1, null));
    }

    private void printColumns(FieldsJob.ColumnsResult r) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d rows, %d columns%s%s%n", r.source(), r.records(), r.fields().size(),
                r.rejected() > 0 ? String.format(Locale.ROOT, " (%,d malformed rows not counted)", r.rejected()) : "",
                r.complete() ? "" : " (INCOMPLETE)");
        ColumnTable.print(out, r.fields(), r.records());
    }

    private boolean toStdout() {
        return json != null && json.toString().equals("-");
    }

    /** {@code --json OUT}: written atomically; {@code --json -}: printed on stdout. */
    private void output(Object result) throws IOException {
        if (json == null) {
            return;
        }
        String text = ReportWriter.toJson(result);
        if (toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(text);
            out.flush();
        } else {
            AtomicFiles.write(json, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static void print(PrintWriter out, FieldsJob.Result r) {
        out.printf(Locale.ROOT, "%s: %,d documents, %d field paths%s%n", r.collection(), r.documents(), r.fields().size(),
                r.complete() ? "" : " (INCOMPLETE)");
        int width = r.fields().stream().mapToInt(p -> p.path().length()).max().orElse(4);
        for (Report.FieldPath p : r.fields()) {
            String types = p.types().entrySet().stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));
            double pct = r.documents() == 0 ? 0 : 100.0 * p.documents() / r.documents();
            out.printf(Locale.ROOT, "  %-" + width + "s  %,12d  %5.1f%%  %s%n", p.path(), p.documents(), pct, types);
        }
        out.flush();
    }
}
