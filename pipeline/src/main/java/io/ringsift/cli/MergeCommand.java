package io.ringsift.cli;

import com.google.common.hash.BloomFilter;
import io.ringsift.filter.FilterCompatibility;
import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterHeader;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.key.KeyHash;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        description = "Union of filters built separately; refuses filters that differ in key spec, encoding, hash scheme, bits or hash functions.",
        footer = {"", io.ringsift.job.ExitCodes.HELP})
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
            filters.add(FilterFile.read(p));
        }
        LoadedFilter first = filters.get(0);
        for (int i = 1; i < filters.size(); i++) {
            FilterCompatibility c = FilterCompatibility.of(first, filters.get(i));
            if (!c.isCompatible()) {
                throw new UserError("cannot merge " + inputs.get(0) + " and " + inputs.get(i) + ": " + c.describe());
            }
        }
        BloomFilter<KeyHash> union = first.filter().copy();
        long records = first.header().records();
        // each input's duplicates are within that input; repeats across inputs are not known, so this is a lower bound
        long duplicates = first.header().duplicateRecords();
        for (int i = 1; i < filters.size(); i++) {
            union.putAll(filters.get(i).filter());
            records += filters.get(i).header().records();
            duplicates += filters.get(i).header().duplicateRecords();
        }
        FilterHeader header = first.header().withCounts(records, duplicates, Instant.now());
        FilterFile.write(out, header, union);
        var w = spec.commandLine().getOut();
        w.printf("merged %d filters (%,d records) into %s%n", filters.size(), records, out);
        w.flush();
        return 0;
    }
}
