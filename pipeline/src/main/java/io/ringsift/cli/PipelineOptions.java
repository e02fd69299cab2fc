package io.ringsift.cli;

import io.ringsift.engine.EngineSettings;
import io.ringsift.filter.FilterParams;
import io.ringsift.job.JobSettings;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the jobs that build or test a filter (ingest, check): its sizing, statistics, rejects. */
final class PipelineOptions {
    @Option(names = "--fpp", paramLabel = "P", defaultValue = "0.01",
            description = "Target false-positive probability of the filter (default: ${DEFAULT-VALUE}).")
    double fpp;

    @Option(names = "--expected-keys", paramLabel = "N",
            description = "Distinct keys the filter is sized for. Default: estimated from the input size.")
    Long expectedKeys;

    @Option(names = "--exact-memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Memory the exact duplicate and distinct counts may use, all handlers together (e.g. 512MB, 4GiB)."
                    + " Past it the counts become estimates with a 95%% interval, and the summary and report say so."
                    + " Default: 40%% of the maximum heap (-Xmx).")
    Long exactMemory;

    @Option(names = "--stats", paramLabel = "LEVEL", defaultValue = "full",
            description = "Field statistics: none, basic (counts, types, lengths), full (+ distinct estimates). Default: ${DEFAULT-VALUE}.")
    StatsLevel stats;

    @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "-1",
            description = "Stop with exit code 4 when more than N records are rejected (default: no limit).")
    long maxRejects;

    /** Checks the option values, throwing IllegalArgumentException with the rule and the value. */
    void validate() {
        new FilterParams(1, fpp); // states the fpp rule and the offending value
    }

    /** An ingest's settings (a check takes the filter's sizing instead: {@link #checkSettings}). */
    JobSettings settings(Path out, KeySpec key, EngineSettings engine, boolean exact, ResumeOptions resume) {
        return new JobSettings(out, key, fpp, expectedKeys, stats, maxRejects, engine, exact, resume.checkpoint, resume.resume,
                exactMemory());
    }

    /** A check's settings: the filter's fpp and expected keys, no exact pass, no checkpoint. */
    JobSettings checkSettings(Path out, KeySpec key, double filterFpp, long filterExpectedKeys, EngineSettings engine) {
        return new JobSettings(out, key, filterFpp, filterExpectedKeys, stats, maxRejects, engine, false, null, false, exactMemory());
    }

    /** The exact-count budget in bytes: --exact-memory, or 40% of the heap. */
    long exactMemory() {
        return exactMemory != null ? exactMemory : JobSettings.defaultExactMemory();
    }

    static KeySpec keySpec(List<String> key) {
        return key == null || key.isEmpty() ? KeySpec.wholeRecord() : new KeySpec(key);
    }
}
