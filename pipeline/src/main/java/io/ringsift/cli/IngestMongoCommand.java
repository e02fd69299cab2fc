package io.ringsift.cli;

import io.ringsift.job.ExitCodes;
import io.ringsift.job.IngestJob;
import io.ringsift.job.JobResult;
import io.ringsift.job.JobSettings;
import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.engine.EngineSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringsift ingest mongo --uri URI --db D --collection C --key PATH --out DIR} */
@Command(name = "mongo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read a MongoDB collection in parallel _id ranges into DIR/filter.bf, DIR/report.json",
                "and (when a document lacks a key field) DIR/rejects.csv."},
        footer = {"", ExitCodes.HELP})
final class IngestMongoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", split = ",", paramLabel = "PATH", defaultValue = "_id",
            description = "Key field path(s), dotted for nested fields (default: ${DEFAULT-VALUE}).")
    List<String> key;

    @Mixin
    IngestOptions ingest;

    @Mixin
    MongoOptions mongo;

    @Mixin
    DocumentOptions documents;

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
            mongo.validate();
            pipeline.validate();
            engine = threads.engine();
            resume.validate();
            keySpec = new KeySpec(key);
            resume.checkPaths(ingest.out, mongo.embedded == null ? List.of() : List.of(mongo.embedded));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JobSettings settings = pipeline.settings(ingest.out, keySpec, engine, ingest.exact, resume);
        var err = spec.commandLine().getErr();
        // the embedded load and the planning run inside the console: an interrupt there still ends in a report
        JobResult result = JobConsole.run(spec, threads, pipeline.maxRejects, control -> {
            try (MongoSession session = mongo.open(control::stopRequested, threads.showProgress() ? err : null)) {
                MongoInput input = mongo.plan(session, keySpec, engine.readers(), documents.depth(), documents.streamed(err));
                return IngestJob.run("ingest mongo", input, settings, control);
            }
        }, JobConsole.ingestSummary(spec));
        return result.exitCode();
    }
}
