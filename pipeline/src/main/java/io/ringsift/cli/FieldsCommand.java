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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringsift fields --uri URI --db D --collection C [--json OUT]} */
@Command(name = "fields", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Discover every field of a MongoDB collection, top-level and nested (dotted paths; arrays of",
                "subdocuments without an index, e.g. items.sku): how many documents have it, with which BSON types."},
        footer = {"", io.ringsift.job.ExitCodes.HELP})
final class FieldsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to this file.")
    Path json;

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
            mongo.validate();
            engine = EngineSettings.defaults(Runtime.getRuntime().availableProcessors()).with(readers, handlers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (MongoSession session = MongoSession.open(mongo, quiet ? null : spec.commandLine().getErr())) {
            int target = mongo.partitions != null ? mongo.partitions : engine.readers() * 4;
            PartitionPlanner.Plan plan = new PartitionPlanner(session.client, session.collection).plan(target, mongo.queryDocument());
            MongoInput input = new MongoInput(session.namespace, session.collection, plan, new KeySpec(java.util.List.of("_id")),
                    mongo.readerOptions(), mongo.depth(), stream ? path -> {
                        synchronized (err) {
                            err.println("new field: " + path);
                            err.flush();
                        }
                    } : null);
            RunControl control = new RunControl();
            FieldsJob.Result r;
            try (Interrupts ignored = new Interrupts(control)) {
                r = FieldsJob.run(input, session.namespace, engine, control);
            }
            if (json != null) {
                AtomicFiles.write(json, out -> out.write(ReportWriter.toJson(r).getBytes(StandardCharsets.UTF_8)));
            }
            if (!quiet) {
                print(spec.commandLine().getOut(), r);
            }
            return r.complete() ? 0 : io.ringsift.job.ExitCodes.INTERRUPTED;
        }
    }

    static void print(PrintWriter out, FieldsJob.Result r) {
        out.printf(Locale.ROOT, "%s: %,d documents, %d field paths%s%n", r.collection(), r.documents(), r.fields().size(),
                r.complete() ? "" : " (INCOMPLETE)");
        int width = r.fields().stream().mapToInt(p -> p.path().length()).max().orElse(4);
        for (Report.Path p : r.fields()) {
            String types = p.types().entrySet().stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));
            double pct = r.documents() == 0 ? 0 : 100.0 * p.documents() / r.documents();
            out.printf(Locale.ROOT, "  %-" + width + "s  %,12d  %5.1f%%  %s%n", p.path(), p.documents(), pct, types);
        }
        out.flush();
    }
}
