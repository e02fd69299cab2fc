package io.ringsift.cli;

import java.nio.file.Path;
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
    }
}
