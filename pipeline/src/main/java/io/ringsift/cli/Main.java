package io.ringsift.cli;

import io.ringsift.io.RunId;
import io.ringsift.job.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ringsift} command line; its subcommands are listed in {@link CommandTree}. */
@Command(name = "ringsift", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Parallel CSV and MongoDB ingestion into Bloom filters, duplicate counts and field sets.",
        footer = {"", ExitCodes.HELP})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        RunId.setCommand("ringsift " + String.join(" ", args));   // named in lock files
        return commandLine(args).execute(args);
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return configured(CommandTree.full(new Main()));
    }

    /** The command line to run {@code args} with: only the commands they name, when they name one ({@link CommandTree}). */
    public static CommandLine commandLine(String... args) {
        return configured(CommandTree.forArgs(new Main(), args));
    }

    /** Settings reach the subcommands already added, so they are made last. */
    private static CommandLine configured(CommandLine cl) {
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
