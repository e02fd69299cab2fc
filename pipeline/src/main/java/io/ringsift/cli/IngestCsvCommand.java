package io.ringsift.cli;

import io.ringsift.job.CsvInput;
import io.ringsift.job.ExitCodes;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.job.IngestJob;
import io.ringsift.job.JobResult;
import io.ringsift.key.KeySpec;
import io.ringsift.engine.EngineSettings;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.partial.StatsPlacement;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringsift ingest csv [options] FILE...} */
@Command(name = "csv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read CSV files into DIR/filter.bf, DIR/report.json and (when any row is rejected) DIR/rejects.csv."},
        footer = {"", ExitCodes.HELP})
final class IngestCsvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "CSV files to read: plain, gzip or zstd (recognised by their first bytes); '-' for standard input; "
                    + "a directory for its files (see --glob).")
    List<Path> files;

    @Option(names = "--key", split = ",", paramLabel = "COLUMN",
            description = "Key column(s), comma-separated or repeated. Default: the whole row.")
    List<String> key;

    @Option(names = "--stats-on", paramLabel = "THREADS", defaultValue = "auto",
            description = "Which threads keep the column statistics: auto (the readers, handing columns over to handlers that"
                    + " wait for work), readers, or handlers. The figures are the same; only the speed differs."
                    + " Default: ${DEFAULT-VALUE}.")
    StatsPlacement statsOn;

    @Mixin
    IngestOptions ingest;

    @Mixin
    CsvOptions csv;

    @Mixin
    SplitOptions split;

    @Mixin
    EngineOptions threads;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    ResumeOptions resume;

    @Override
    public Integer call() throws Exception {
        CsvDialect dialect;
        EngineSettings engine;
        KeySpec keySpec;
        try {
            dialect = csv.dialect();
            csv.charset();
            pipeline.validate();
            engine = threads.engine();
            resume.validate();
            keySpec = PipelineOptions.keySpec(key);
            resume.checkPaths(ingest.out, files);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // planning inside the console: an interrupt while planning still ends in a report
        JobResult result = JobConsole.run(spec, threads, pipeline.maxRejects, control -> {
            CsvInput input = csv.plan(files, dialect, keySpec, engine.readers(), split, spec.commandLine().getErr(), threads.quiet, false,
                    pipeline.stats).withStatsPlacement(statsOn);
            if ((ingest.exact || resume.checkpoint != null) && input.hasStream()) {
                throw new ParameterException(spec.commandLine(), (ingest.exact ? "--exact reads the input twice" : "--checkpoint needs input it can read again")
                        + ", and a stream (standard input, a pipe) can be read only once: save it to a file first");
            }
            CsvPlan plan = input.plan();
            EngineSettings fitted = threads.fitTo(engine, plan.units().size(), plan.files().stream().mapToLong(f -> f.size()).sum());
            return IngestJob.run("ingest csv", input, pipeline.settings(ingest.out, keySpec, fitted, ingest.exact, resume), control);
        }, JobConsole.ingestSummary(spec));
        return result.exitCode();
    }
}
