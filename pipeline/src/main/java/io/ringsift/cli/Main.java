package io.ringsift.cli;

import io.ringsift.io.RunId;
import io.ringsift.job.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ringsift} command line. */
@Command(name = "ringsift", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Parallel CSV and MongoDB ingestion into Bloom filters, duplicate counts and field sets.",
        subcommands = {IngestCommand.class, FieldsCommand.class, CheckCommand.class, MergeCommand.class, InfoCommand.class,
                GenerateCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", ExitCodes.HELP})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        RunId.setCommand("ringsift " + String.join(" ", args));   // named in lock files
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
