package io.ringsift.cli;

import io.ringsift.job.Checkpoint;
import io.ringsift.job.IngestJob;
import io.ringsift.report.RejectsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --checkpoint DIR} and {@code --resume}: journal finished units so a crashed run can continue. */
final class ResumeOptions {
    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Journal finished units and the partial state here, so --resume can continue after a crash or kill.")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue the run journaled in --checkpoint DIR (same inputs and options).")
    boolean resume;

    void validate() {
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint DIR");
        }
        if (checkpoint != null && Files.exists(checkpoint) && !Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " is a file, not a directory");
        }
    }

    /** An ingest's outputs in {@code out} must not be one of its inputs (exit 2, before any work). */
    void checkPaths(Path out, List<Path> inputs) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        OutputPaths paths = new OutputPaths();
        inputs.forEach(f -> paths.input("input " + f, f));
        for (String name : List.of(IngestJob.FILTER_FILE, IngestJob.REPORT_FILE, RejectsFile.NAME)) {
            paths.output(out.resolve(name).toString(), out.resolve(name));
        }
        if (checkpoint != null) {
            paths.output("--checkpoint " + checkpoint.resolve(Checkpoint.JOURNAL), checkpoint.resolve(Checkpoint.JOURNAL));
        }
    }
}
