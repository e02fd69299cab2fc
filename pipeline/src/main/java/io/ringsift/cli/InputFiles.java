package io.ringsift.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a file argument before it is opened, so the message names the option and the cause. */
final class InputFiles {
    private InputFiles() {
    }

    /** @throws UserError "--filter /tmp/x/nope.bf: no such file" (exit 3), or "...: is a directory, not a file" */
    static void requireFile(String option, Path p) throws UserError {
        if (!Files.exists(p)) {
            throw new UserError(option + " " + p + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new UserError(option + " " + p + ": is a directory, not a file");
        }
        if (!Files.isReadable(p)) {
            throw new UserError(option + " " + p + ": not readable (permission denied)");
        }
    }
}
