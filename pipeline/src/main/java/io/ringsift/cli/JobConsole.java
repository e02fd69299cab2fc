package io.ringsift.cli;

import io.ringsift.engine.RunControl;
import io.ringsift.job.JobResult;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a job the way every command does: Ctrl-C/SIGTERM stop it in order, a progress line while it
 * runs, the summary printed before the interrupt hook releases the JVM (after a signal the JVM exits
 * as soon as it is released), and the run's error as one line on stderr.
 */
final class JobConsole {
    @FunctionalInterface
    interface Job<R> {
        R run(RunControl control) throws Exception;
    }

    /**
     * What the console says after a run.
     *
     * @param error       the run's error (one line), or null
     * @param stopReason  as report.json spells it, or null
     * @param maxRejects  the --max-rejects the run stopped at (for its message), -1 for none
     * @param rejectsPath where the rejects are, or null
     */
    record Ending(String error, String stopReason, long rejected, long maxRejects, Path rejectsPath) {}

    private JobConsole() {
    }

    /** An ingest or check: its report says how it ended. */
    static JobResult run(CommandSpec spec, EngineOptions console, long maxRejects, Job<JobResult> job, Consumer<JobResult> summary)
            throws Exception {
        return run(spec, console, job, summary, r -> new Ending(r.report().error(), r.report().stopReason(), r.report().rejected(),
                maxRejects, r.rejectsPath()));
    }

    /**
     * @param summary prints the one-screen summary, or null for none; not called with {@code --quiet}
     * @param ending  how the result says the run ended
     */
    static <R> R run(CommandSpec spec, EngineOptions console, Job<R> job, Consumer<R> summary, Function<R, Ending> ending)
            throws Exception {
        RunControl control = new RunControl();
        R result;
        try (Interrupts ignored = new Interrupts(control);
             ProgressLine progress = new ProgressLine(control.progress(), spec.commandLine().getErr(), console.showProgress())) {
            try {
                result = job.run(control);
            } catch (OutOfMemoryError e) {
                // Errors pass picocli's exception mapper by: without this, exit 1 and a raw stack trace
                throw new UserError("out of memory (" + Failures.message(e) + "); give the JVM more heap (java -Xmx...)"
                        + " or use fewer --readers/--handlers");
            }
            progress.close();
            if (summary != null && !console.quiet) {
                summary.accept(result);
                spec.commandLine().getOut().flush();
            }
        }
        var err = spec.commandLine().getErr();
        Ending e = ending.apply(result);
        if (e.error() != null) {
            err.println("ringsift: " + e.error());
        } else if ("too_many_rejects".equals(e.stopReason())) {
            // also with -q: exit code 4 must not be the only trace of why the run stopped
            err.println("ringsift: stopped after " + e.rejected() + " rejected records (more than --max-rejects "
                    + e.maxRejects() + ")" + (e.rejectsPath() != null ? "; see " + e.rejectsPath() : ""));
        }
        err.flush();
        return result;
    }

    /** The ingest summary. */
    static Consumer<JobResult> ingestSummary(CommandSpec spec) {
        return r -> Summary.print(spec.commandLine().getOut(), r);
    }
}
