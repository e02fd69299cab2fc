package io.ringsift.job;

import io.ringsift.engine.RunOutcome;

/** Process exit codes, the same for every command (also listed in {@code --help} and the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad command line: unknown option, bad value, missing argument. */
    public static final int USAGE = 2;
    /** Input or connection error: file missing, server unreachable, a thread failed, disk full. */
    public static final int INPUT = 3;
    /** More records were rejected than {@code --max-rejects} allows. */
    public static final int TOO_MANY_REJECTS = 4;
    /**
     * Interrupted; the report is marked incomplete. After a signal the JVM's own status wins: 130
     * (128 + SIGINT) for Ctrl-C, 143 (128 + SIGTERM) for kill.
     */
    public static final int INTERRUPTED = 130;

    public static final String HELP = "Exit codes: 0 ok, 2 usage error, 3 input/connection error or failure, "
            + "4 too many rejects, 130 interrupted by Ctrl-C (143 by SIGTERM).";

    private ExitCodes() {
    }

    /** The exit code a run's outcome calls for: 0 when complete, else by why it stopped. */
    public static int of(RunOutcome<?> outcome) {
        if (outcome.complete()) {
            return OK;
        }
        return switch (outcome.stopReason()) {
            case TOO_MANY_REJECTS -> TOO_MANY_REJECTS;
            case INTERRUPTED -> INTERRUPTED;
            case FAILED -> INPUT;
        };
    }
}
