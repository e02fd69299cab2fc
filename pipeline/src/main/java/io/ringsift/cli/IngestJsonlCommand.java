package io.ringsift.cli;

import io.ringsift.job.ExitCodes;
import io.ringsift.job.IngestJob;
import io.ringsift.job.JobResult;
import io.ringsift.job.JobSettings;
import io.ringsift.job.JsonlInput;
import io.ringsift.key.KeySpec;
import io.ringsift.engine.EngineSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringsift ingest jsonl [options] --out DIR FILE...} */
@Command(name = "jsonl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read JSON Lines files of Extended JSON documents (or JSON array files) into DIR/filter.bf,",
                "DIR/report.json and (when a line is malformed or lacks a key field) DIR/rejects.csv.",
                "Keys and fields are exactly those of the same documents read from a collection (ingest mongo)."},
        footer = {"", ExitCodes.HELP})
final class IngestJsonlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines (.jsonl, .ndjson) or JSON array files to read.")
    List<Path> files;

    @Option(names = "--key", split = ",", paramLabel = "PATH", defaultValue = "_id",
            description = "Key field path(s), dotted for nested fields (default: ${DEFAULT-VALUE}).")
    List<String> key;

    @Mixin
    IngestOptions ingest;

    @Mixin
    DocumentOptions documents;

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
        EngineSettings engine;
        KeySpec keySpec;
        try {
            pipeline.validate();
            engine = threads.engine();
            resume.validate();
            keySpec = new KeySpec(key);
            resume.checkPaths(ingest.out, files);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JsonlInput input = documents.plan(files, split, keySpec, engine.readers(), spec.commandLine().getErr(), false);
        JobSettings settings = pipeline.settings(ingest.out, keySpec, engine, ingest.exact, resume);
        JobResult result = JobConsole.run(spec, threads, pipeline.maxRejects,
                control -> IngestJob.run("ingest jsonl", input, settings, control), JobConsole.ingestSummary(spec));
        return result.exitCode();
    }
}
