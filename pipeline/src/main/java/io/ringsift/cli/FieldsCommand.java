package io.ringsift.cli;

import io.ringsift.job.FieldsJob;
import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.io.AtomicFiles;
import io.ringsift.report.Report;
import io.ringsift.report.ReportWriter;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunControl;
import io.ringsift.source.mongo.PartitionPlanner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import io.ringsift.job.CsvInput;
import io.ringsift.job.JsonlInput;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvPlanner;
import io.ringsift.source.jsonl.JsonlPlanner;
import io.ringsift.source.jsonl.JsonlUnit;
import picocli.CommandLine.Parameters;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringsift fields FILE | --uri URI --db D --collection C | --embedded FILE.jsonl [--json OUT|-]} */
@Command(name = "fields", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Documents (a MongoDB collection, or a .jsonl/.ndjson/.json file): every field, top-level and nested",
                "(dotted paths; arrays of subdocuments without an index, e.g. items.sku), how many documents have it,",
                "with which BSON types.",
                "A CSV file: per column the type mix, empty values, min .. max, distinct values and the most frequent values."},
        footer = {"", io.ringsift.job.ExitCodes.HELP})
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

    @Option(names = "--stream", description = "Print each field path as soon as it is first seen (stderr).")
    boolean stream;

    @Mixin
    MongoOptions mongo;

    @Option(names = "--readers", paramLabel = "N", description = "Reader threads. Default: half the cores, at least 1.")
    Integer readers;

    @Option(names = "--handlers", paramLabel = "N", description = "Handler threads. Default: the remaining cores.")
    Integer handlers;

    @Option(names = {"-q", "--quiet"}, description = "No table on stdout.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        EngineSettings engine;
        try {
            if (file != null && (mongo.embedded != null || mongo.uri != null)) {
                throw new IllegalArgumentException("give a FILE or a collection (--uri/--db/--collection, --embedded), not both");
            }
            if (file == null) {
                mongo.validate();
            }
            engine = EngineSettings.defaults(Runtime.getRuntime().availableProcessors()).with(readers, handlers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (file != null && !JsonlPlanner.isJsonName(file)) {
            return csvColumns(engine);
        }
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> streamed = stream ? path -> {
            synchronized (err) {
                err.println("new field: " + path);
                err.flush();
            }
        } : null;
        if (file != null) {
            List<JsonlUnit> units = IngestJsonlCommand.plan(List.of(file), engine, JsonlPlanner.DEFAULT_SPLIT_BYTES);
            JsonlInput input = new JsonlInput(units, new KeySpec(List.of("_id")), mongo.depth(), streamed, false).everyDocument();
            return documents(input, file.toString(), engine);
        }
        try (MongoSession session = MongoSession.open(mongo, () -> false, !quiet && System.console() != null ? spec.commandLine().getErr() : null)) {
            int target = mongo.partitions != null ? mongo.partitions : engine.readers() * 4;
            PartitionPlanner.Plan plan = new PartitionPlanner(session.client, session.collection).plan(target, mongo.queryDocument());
            MongoInput input = new MongoInput(session.namespace, session.collection, plan, new KeySpec(java.util.List.of("_id")),
                    mongo.readerOptions(), mongo.depth(), streamed);
            return documents(input, session.namespace, engine);
        }
    }

    private <U extends io.ringsift.source.WorkUnit> int documents(io.ringsift.job.JobInput<U> input, String name, EngineSettings engine)
            throws Exception {
        RunControl control = new RunControl();
        FieldsJob.Result r;
        try (Interrupts ignored = new Interrupts(control)) {
            r = FieldsJob.run(input, name, engine, control);
        }
        output(r);
        if (!quiet && !toStdout()) {
            print(spec.commandLine().getOut(), r);
        }
        return r.complete() ? 0 : io.ringsift.job.ExitCodes.INTERRUPTED;
    }

    /** {@code fields FILE.csv}: the column summary. */
    private int csvColumns(EngineSettings engine) throws Exception {
        CsvDialect dialect;
        try {
            dialect = csv.dialect();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CsvPlan plan;
        try {
            plan = new CsvPlanner(dialect, KeySpec.wholeRecord(), engine.readers(), csv.splitSize).plan(List.of(file));
        } catch (CsvInputException e) {
            throw new UserError(e.getMessage());
        }
        CsvInput input = new CsvInput(plan, dialect, csv.parser, false);
        RunControl control = new RunControl();
        FieldsJob.ColumnsResult r;
        try (Interrupts ignored = new Interrupts(control)) {
            r = FieldsJob.columns(input, file.toString(), engine, control);
        }
        output(r);
        if (!quiet && !toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %,d rows, %d columns%s%s%n", r.source(), r.records(), r.fields().size(),
                    r.rejected() > 0 ? String.format(Locale.ROOT, " (%,d malformed rows not counted)", r.rejected()) : "",
                    r.complete() ? "" : " (INCOMPLETE)");
            ColumnTable.print(out, r.fields(), r.records());
        }
        return r.complete() ? 0 : io.ringsift.job.ExitCodes.INTERRUPTED;
    }

    private boolean toStdout() {
        return json != null && json.toString().equals("-");
    }

    /** {@code --json OUT}: written atomically; {@code --json -}: printed on stdout. */
    private void output(Object result) throws java.io.IOException {
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
