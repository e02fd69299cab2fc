package io.ringsift.cli;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterFile;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.filter.FilterParams;
import io.ringsift.job.ExitCodes;
import io.ringsift.reduce.MergedFilter;
import io.ringsift.report.Warnings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringsift merge A.bf B.bf … -o OUT.bf}: the union of filters built separately (other days,
 * other machines). Bloom filters of the same shape merge by OR-ing their bits, so the union answers
 * "probably seen" for every key of every input.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Union of filters built separately, whatever their sizes (power-of-two stages fold together, others stay"
                + " separate stages); refuses filters that differ in key spec, key encoding or hash scheme.",
        footer = {"", ExitCodes.HELP})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILTER", description = "Filter files to merge (two or more).")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.bf", description = "The merged filter file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (inputs.size() < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "merge needs two or more filters, got one ("
                    + inputs.get(0) + "); give the others too (a single filter needs no merge: copy it)");
        }
        List<LoadedFilter> filters = new ArrayList<>();
        for (Path p : inputs) {
            InputFiles.requireFile("filter", p);   // "Is a directory" alone named nothing (MessagesWithoutACauseTest)
            filters.add(FilterFile.read(p));
        }
        MergedFilter merged;
        try {
            merged = MergedFilter.union(filters, inputs.stream().map(Path::toString).toList(), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        merged.write(out);
        BloomChain union = merged.chain();
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "merged %d filters (%,d records) into %s: %d stage(s), %,d bits, fpp at fill %.4g%n", filters.size(),
                merged.header().records(), out, union.stages().size(), union.bitSize(), union.fppAtFill());
        FilterParams target = union.target();
        for (String warning : Warnings.forFilter(union, target)) {
            if (!warning.startsWith("the keys outgrew")) {
                spec.commandLine().getErr().println("ringsift merge: warning: " + warning);
            }
        }
        w.flush();
        return 0;
    }
}
