package io.ringsift.cli;

import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorResult;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.job.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ringsift generate csv|jsonl --rows N --dup-rate R --columns C --seed S -o FILE}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic CSV or JSONL with a known duplicate rate and print the exact distinct and duplicate counts.",
                "The same seed gives byte-identical output."},
        footer = {"", ExitCodes.HELP})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FORMAT", description = "csv or jsonl")
    GeneratorFormat format;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Records to write.")
    long rows;

    @Option(names = "--dup-rate", paramLabel = "R", defaultValue = "0.2", description = "Share of rows that repeat an earlier key, 0..1 (default: ${DEFAULT-VALUE}).")
    double dupRate;

    @Option(names = "--columns", paramLabel = "C", defaultValue = "8", description = "Columns including the key (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "File to write (written whole or not at all).")
    Path out;

    @Override
    public Integer call() throws Exception {
        GeneratorSpec s;
        try {
            s = new GeneratorSpec(rows, dupRate, columns, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GeneratorResult r = SyntheticData.write(format, s, out);
        var w = spec.commandLine().getOut();
        w.println(out + ": " + r.summary());
        w.flush();
        return 0;
    }
}
