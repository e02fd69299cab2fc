package io.ringsift.cli;

import io.ringsift.job.JobResult;
import io.ringsift.engine.RunControl;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a job the way every command does: Ctrl-C/SIGTERM stop it in order, a progress line while it
 * runs, the summary printed before the interrupt hook releases the JVM (after a signal the JVM exits
 * as soon as it is released), and the run's error as one line on stderr.
 */
final class JobConsole {
    @FunctionalInterface
    interface Job {
        JobResult run(RunControl control) throws Exception;
    }

    private JobConsole() {
    }

    /** @param summary prints the one-screen summary, or null for none ({@code --quiet}) */
    static JobResult run(CommandSpec spec, PipelineOptions pipeline, Job job, Consumer<JobResult> summary) throws Exception {
        RunControl control = new RunControl();
        JobResult result;
        try (Interrupts ignored = new Interrupts(control);
             ProgressLine progress = new ProgressLine(control.progress(), spec.commandLine().getErr(), pipeline.showProgress())) {
            try {
                result = job.run(control);
            } catch (OutOfMemoryError e) {
                // Errors pass picocli's exception mapper by: without this, exit 1 and a raw stack trace
                throw new UserError("out of memory (" + Failures.message(e) + "); give the JVM more heap (java -Xmx...)"
                        + " or use fewer --readers/--handlers");
            }
            progress.close();
            if (summary != null && !pipeline.quiet) {
                summary.accept(result);
                spec.commandLine().getOut().flush();
            }
        }
        var err = spec.commandLine().getErr();
        if (result.report().error() != null) {
            err.println("ringsift: " + result.report().error());
        } else if ("too_many_rejects".equals(result.report().stopReason())) {
            // also with -q: exit code 4 must not be the only trace of why the run stopped
            err.println("ringsift: stopped after " + result.report().rejected() + " rejected records (more than --max-rejects "
                    + pipeline.maxRejects + ")" + (result.rejectsPath() != null ? "; see " + result.rejectsPath() : ""));
        }
        err.flush();
        return result;
    }

    /** The ingest summary. */
    static Consumer<JobResult> ingestSummary(CommandSpec spec) {
        return r -> Summary.print(spec.commandLine().getOut(), r);
    }
}
