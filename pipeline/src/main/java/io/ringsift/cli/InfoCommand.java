package io.ringsift.cli;

import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterInfo;
import io.ringsift.filter.LoadedFilter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringsift info FILE}: a filter file's header and its false-positive rate at the current fill. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a filter file's header and its estimated false-positive probability at the current fill.",
        footer = {"", io.ringsift.job.ExitCodes.HELP})
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A filter file (filter.bf).")
    Path file;

    @Override
    public Integer call() throws Exception {
        InputFiles.requireFile("filter", file);
        LoadedFilter f = FilterFile.read(file);
        var out = spec.commandLine().getOut();
        out.println(file);
        for (String line : FilterInfo.describe(f.header(), FilterInfo.of(f))) {
            out.println("  " + line);
        }
        out.flush();
        return 0;
    }
}
