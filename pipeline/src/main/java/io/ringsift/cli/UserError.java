package io.ringsift.cli;

import io.ringsift.job.ExitCodes;

/** A failure the user can fix (missing file, unknown column, unreachable server): one line, an exit code. */
final class UserError extends Exception {
    private final int exitCode;

    UserError(String message) {
        this(message, ExitCodes.INPUT);
    }

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
