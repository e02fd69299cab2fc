package io.ringsift.cli;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.engine.WaitKind;
import io.ringsift.engine.EngineSettings;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every pipeline job shares: threads, ring, filter sizing, statistics, rejects. */
final class PipelineOptions {
    @Option(names = "--readers", paramLabel = "N", description = "Reader threads (parse + key hash). Default: half the cores, at least 1.")
    Integer readers;

    @Option(names = "--handlers", paramLabel = "N", description = "Hasher threads, one key partition each. Default: the other half of the cores, at least 1.")
    Integer handlers;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "" + EngineSettings.DEFAULT_BATCH,
            description = "Rows per ring slot (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--ring-size", paramLabel = "SLOTS", defaultValue = "" + EngineSettings.DEFAULT_RING,
            description = "Slots in the ring, a power of two (default: ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--wait", paramLabel = "KIND", defaultValue = "blocking",
            description = "Handler wait strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WaitKind waitKind;

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

    @Option(names = {"-q", "--quiet"}, description = "No summary on stdout and no progress line.")
    boolean quiet;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: only when it is a terminal).")
    Boolean progress;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    /** The engine settings; also checks the other option values, throwing IllegalArgumentException with the rule. */
    EngineSettings engine() {
        new io.ringsift.filter.FilterParams(1, fpp); // states the fpp rule and the offending value
        EngineSettings d = EngineSettings.defaults(Runtime.getRuntime().availableProcessors());
        return new EngineSettings(readers != null ? readers : d.readers(), handlers != null ? handlers : d.handlers(),
                batchSize, ringSize, waitKind);
    }

    /** The exact-count budget in bytes: --exact-memory, or 40% of the heap. */
    long exactMemory() {
        return exactMemory != null ? exactMemory : io.ringsift.job.JobSettings.defaultExactMemory();
    }

    static KeySpec keySpec(List<String> key) {
        return key == null || key.isEmpty() ? KeySpec.wholeRecord() : new KeySpec(key);
    }

    boolean showProgress() {
        if (quiet) {
            return false;
        }
        return progress != null ? progress : System.console() != null;
    }
}
