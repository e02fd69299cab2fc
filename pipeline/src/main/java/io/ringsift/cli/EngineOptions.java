package io.ringsift.cli;

import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.WaitKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of every command that runs the engine: threads, ring, and how much it says on the console. */
final class EngineOptions {
    @Option(names = "--readers", paramLabel = "N", description = "Reader threads (parse + key hash). Default: a third of the cores, at least 1. At most 4 x the cores (more is capped, with a warning).")
    Integer readers;

    @Option(names = "--handlers", paramLabel = "N", description = "Hasher threads, one key partition each. Default: the cores the readers leave, at least 1 (1 for an input under 16 MiB). At most 4 x the cores (more is capped, with a warning).")
    Integer handlers;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "" + EngineSettings.DEFAULT_BATCH,
            description = "Rows per ring slot (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--ring-size", paramLabel = "SLOTS",
            description = "Slots in the ring, a power of two (default: " + EngineSettings.DEFAULT_RING + "; "
                    + EngineSettings.SMALL_RING + " for a CSV input under " + (EngineSettings.SMALL_INPUT >> 20) + " MiB).")
    Integer ringSize;

    @Option(names = "--wait", paramLabel = "KIND", defaultValue = "blocking",
            description = "Handler wait strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WaitKind waitKind;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stdout and no progress line.")
    boolean quiet;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: only when it is a terminal).")
    Boolean progress;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The engine settings; throws IllegalArgumentException with the rule for a bad value.
     * {@code --readers}/{@code --handlers} above {@link EngineSettings#maxThreads} are capped, with
     * a warning on stderr.
     */
    EngineSettings engine() {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineSettings d = EngineSettings.defaults(cores);
        return new EngineSettings(cap("--readers", readers != null ? readers : d.readers(), cores),
                cap("--handlers", handlers != null ? handlers : d.handlers(), cores), batchSize,
                ringSize != null ? ringSize : EngineSettings.DEFAULT_RING, waitKind);
    }

    /** ThreadsFarAboveTheCoresTookMinutesTest: 1024 readers + 1024 handlers on 120k rows took 500 s. */
    private int cap(String option, int asked, int cores) {
        int max = EngineSettings.maxThreads(cores);
        if (asked <= max || asked > 1024) {
            return asked;   // above 1024 EngineSettings refuses it with the rule
        }
        if (command != null) {   // even with -q: the run does not do what was asked
            command.commandLine().getErr().printf("ringsift: %s %d capped at %d (4 x %d cores): more threads only compete for the cores%n",
                    option, asked, max, cores);
        }
        return max;
    }

    /** {@link EngineSettings#fitTo} for what the user did not set: options given on the command line are kept as given. */
    EngineSettings fitTo(EngineSettings e, int units, long inputBytes) {
        EngineSettings fit = e.fitTo(units, inputBytes);
        return new EngineSettings(readers != null ? e.readers() : fit.readers(), handlers != null ? e.handlers() : fit.handlers(),
                e.batchSize(), ringSize != null ? e.ringSize() : fit.ringSize(), e.waitKind());
    }

    boolean showProgress() {
        if (quiet) {
            return false;
        }
        return progress != null ? progress : System.console() != null;
    }
}
