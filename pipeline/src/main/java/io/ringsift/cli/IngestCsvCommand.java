package io.ringsift.cli;

import io.ringsift.job.CsvInput;
import io.ringsift.job.IngestJob;
import io.ringsift.job.JobResult;
import io.ringsift.job.JobSettings;
import io.ringsift.key.KeySpec;
import io.ringsift.engine.EngineSettings;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvPlanner;
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
        footer = {"", io.ringsift.job.ExitCodes.HELP})
final class IngestCsvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files to read.")
    List<Path> files;

    @Option(names = "--key", split = ",", paramLabel = "COLUMN",
            description = "Key column(s), comma-separated or repeated. Default: the whole row.")
    List<String> key;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--exact", description = "Second pass: verify the Bloom's duplicate candidates exactly (memory grows with the candidates, not the input).")
    boolean exact;

    @Mixin
    CsvOptions csv;

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
            engine = pipeline.engine();
            resume.validate();
            keySpec = PipelineOptions.keySpec(key);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CsvPlan plan;
        try {
            plan = new CsvPlanner(dialect, keySpec, engine.readers(), csv.splitSize).plan(files);
        } catch (CsvInputException e) {
            throw new UserError(e.getMessage());
        }
        engine = pipeline.fitTo(engine, plan.units().size(), plan.files().stream().mapToLong(f -> f.size()).sum());
        CsvInput input = new CsvInput(plan, dialect, csv.parser, false);
        if (pipeline.stats == io.ringsift.partial.StatsLevel.NONE) {
            input.withoutValues();
        }
        JobSettings settings = new JobSettings(out, keySpec, pipeline.fpp, pipeline.expectedKeys, pipeline.stats,
                pipeline.maxRejects, engine, exact, resume.checkpoint, resume.resume, pipeline.exactMemory());
        JobResult result = JobConsole.run(spec, pipeline, control -> IngestJob.run("ingest csv", input, settings, control),
                JobConsole.ingestSummary(spec));
        return result.exitCode();
    }
}
