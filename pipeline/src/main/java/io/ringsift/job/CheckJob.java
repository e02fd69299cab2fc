package io.ringsift.job;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.Partial;
import io.ringsift.partial.RowConsumer;
import io.ringsift.reduce.MergedFilter;
import io.ringsift.reduce.Reducer;
import io.ringsift.io.AtomicFiles;
import io.ringsift.report.RejectTally;
import io.ringsift.report.RejectsFile;
import io.ringsift.report.Report;
import io.ringsift.report.ReportWriter;
import io.ringsift.report.Warnings;
import io.ringsift.engine.RunControl;
import io.ringsift.engine.RunEngine;
import io.ringsift.engine.RunOutcome;
import io.ringsift.source.WorkUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code check}: splits input rows into "new" (key definitely not in the filter) and "seen"
 * (probably in it), byte for byte and in input order within each file. With {@code update}, the
 * new keys are added and the filter is written back atomically. Outputs appear only when the whole
 * input was read.
 */
public final class CheckJob {

    /**
     * @param newOut  file for new rows, or null
     * @param seenOut file for seen rows, or null
     */
    public record Outputs(Path out, Path newOut, Path seenOut, Path filterPath, boolean update) {}

    private CheckJob() {
    }

    /**
     * @param reference exact mode: the data the filter was built from, to confirm the Bloom's
     *                  "probably seen" answers against; null for a plain check
     */
    public static <U extends WorkUnit, R> JobResult run(JobInput<U, R> input, byte[] outputHeader, LoadedFilter filter, Outputs o,
                                                     JobSettings s, RunControl control, JobInput<?, ?> reference) throws IOException {
        if (o.out() == null) {
            return run(input, outputHeader, filter, o, s, control, reference, null);
        }
        // --out is locked like an ingest's, but nothing in it is cleared: it may be an ingest's own directory
        try (RunDirectory ignored = RunDirectory.open(o.out(), null)) {
            return run(input, outputHeader, filter, o, s, control, reference, o.out());
        }
    }

    /** @param out where report.json and rejects.csv go, or null for neither (no {@code --out}) */
    private static <U extends WorkUnit, R> JobResult run(JobInput<U, R> input, byte[] outputHeader, LoadedFilter filter, Outputs o,
                                                      JobSettings s, RunControl control, JobInput<?, ?> reference, Path out)
            throws IOException {
        FilterParams params = new FilterParams(filter.header().expectedKeys(), filter.header().fpp());
        // read-only from every handler while the check runs; keys are added only after it
        BloomChain reference0 = filter.chain();
        double filterFpp = reference0.fppAtFill();
        Predicate<KeyHash> inBloom = h -> reference0.mightContain(h.lo, h.hi);
        Predicate<KeyHash> oracle = inBloom;
        Long bloomSeen = null;
        if (reference != null) {
            Partial<R> bloomPass = Reducer.merge(new RunEngine(s.engine()).run(input.units(), input::newReader,
                    i -> new Partial<R>(params, s.engine().handlers(), s.exactMemoryPerHandler(), inBloom, null).collectCandidates(),
                    r -> { }, null, control).states());
            bloomSeen = bloomPass.seenRecords();
            HashPairSet confirmed = confirm(reference, bloomPass.candidates(), s, control);
            oracle = h -> confirmed.contains(h.lo, h.hi);
        }
        Predicate<KeyHash> seenIf = oracle;
        control.progress().expect(input.totalBytes(), input.estimatedRecords());
        Path newParts = o.newOut() != null ? partsDir(o.newOut()) : null;
        Path seenParts = o.seenOut() != null ? partsDir(o.seenOut()) : null;
        RunOutcome<Partial<R>> outcome;
        Path rejectsPath;
        long rejected;
        RejectTally tally;
        try {
            try (RejectsFile rejects = new RejectsFile(out, s.maxRejects(), control)) {
                outcome = new RunEngine(s.engine()).run(input.units(), input::newReader,
                        i -> newPartial(params, s, seenIf, input, o.update()), rejects,
                        newParts != null || seenParts != null ? new CheckWriter(newParts, o.newOut(), seenParts, o.seenOut()) : null,
                        control);
                rejectsPath = rejects.finish(true);
                rejected = rejects.count();
                tally = rejects.tally();
            }
            if (outcome.complete()) {
                assemble(input, outputHeader, newParts, o.newOut());
                assemble(input, outputHeader, seenParts, o.seenOut());
            }
        } finally {
            deleteTree(newParts);
            deleteTree(seenParts);
        }
        Partial<R> merged = Reducer.merge(outcome.states());
        KeyCounts counts = merged.counts();
        boolean updated = false;
        List<String> warnings = new ArrayList<>(Warnings.forCounts(counts, s.exactMemory()));
        if (o.update() && outcome.complete()) {
            boolean exactCounts = KeyCounts.EXACT.equals(filter.header().countMethod()) && reference != null && counts.exact();
            MergedFilter updatedFilter = MergedFilter.update(filter, merged.additions(), merged.records(), merged.presentRecords(),
                    exactCounts, Instant.now());
            updatedFilter.write(o.filterPath());
            warnings.addAll(Warnings.forFilter(updatedFilter.chain(), params));
            updated = true;
        } else if (filterFpp > 2 * params.fpp()) {
            warnings.addAll(Warnings.forFilter(filter.chain(), params));
        }
        long seen = merged.seenRecords();
        long fresh = merged.records() - seen;
        Report.Check check;
        if (reference != null) {
            check = new Report.Check(o.filterPath().toString(), fresh, seen,
                    o.newOut() == null ? null : o.newOut().toString(), o.seenOut() == null ? null : o.seenOut().toString(), updated,
                    bloomSeen, bloomSeen == null ? null : bloomSeen - seen, "exact", filterFpp, null, seen, seen);
        } else {
            check = bloomCheck(o.filterPath().toString(), fresh, seen, o.newOut() == null ? null : o.newOut().toString(),
                    o.seenOut() == null ? null : o.seenOut().toString(), updated, filterFpp);
        }
        Report report = Report.builder("check", s.key().describe())
                .outcome(outcome)
                .records(merged.records(), rejected)
                .rejects(tally)
                .counts(counts, s.exactMemory())
                .sources(input.sources(outcome.units()))
                .fields(input.fields(merged.fields(), s.key(), counts))
                .check(check)
                .timing(input.timing(outcome, merged.records(), s.engine()))
                .warnings(warnings)
                .dialect(input.dialect())
                .build();
        Path reportPath = out == null ? null : out.resolve(IngestJob.REPORT_FILE);
        if (reportPath != null) {
            ReportWriter.write(reportPath, report);
        }
        return new JobResult(report, reportPath, updated ? o.filterPath() : null, rejectsPath, ExitCodes.of(outcome));
    }

    /**
     * The report's check block of a plain (Bloom) check: the "seen" answers, and how many of them
     * are truly seen, estimated with a 95% interval. Each new key is called "seen" with probability
     * p (the filter's fpp at its fill): Horvitz-Thompson over the observed "new" answers gives
     * {@code fresh x p / (1 - p)} expected false positives. Spark's check reports with it too.
     */
    public static Report.Check bloomCheck(String filterPath, long fresh, long seen, String newPath, String seenPath, boolean updated,
                                          double filterFpp) {
        double p = Math.min(filterFpp, 0.999);
        double fp = fresh * p / (1 - p);
        double half = 1.96 * Math.sqrt(fresh * p / ((1 - p) * (1 - p))) + 1;
        long low = Math.max(0, Math.min(seen, (long) Math.floor(seen - fp - half)));
        long high = Math.max(0, Math.min(seen, (long) Math.ceil(seen - fp + half)));
        return new Report.Check(filterPath, fresh, seen, newPath, seenPath, updated, null, null, "bloom", filterFpp, fp, low, high);
    }

    /**
     * A check handler's partial; with {@code --update} it collects the keys to add (new here and not
     * seen in the filter), which go into the filter's chain one by one after the run so that it
     * grows the way an ingest's does.
     */
    private static <U extends WorkUnit, R> Partial<R> newPartial(FilterParams params, JobSettings s, Predicate<KeyHash> seenIf,
                                                                 JobInput<U, R> input, boolean update) {
        Partial<R> p = new Partial<>(params, s.engine().handlers(), s.exactMemoryPerHandler(), seenIf, input.newProfile(s.stats()));
        return update ? p.collectAdditions() : p;
    }

    /**
     * Exact mode's middle pass: reads the reference data, publishing only rows whose key hash the
     * Bloom pass called "probably seen", and returns the hashes that really occur there. A
     * candidate is confirmed by its 128-bit murmur3 hash, so the split is exact up to a hash
     * collision (probability about n^2 / 2^129: below 10^-20 for a billion keys).
     */
    private static <V extends WorkUnit, Q> HashPairSet confirm(JobInput<V, Q> reference, HashPairSet candidates, JobSettings s,
                                                            RunControl control) {
        RunOutcome<HashCollector> pass = new RunEngine(s.engine()).run(reference.units(), () -> reference.newVerifyingReader(candidates),
                i -> new HashCollector(), r -> { }, null, control);
        HashPairSet confirmed = new HashPairSet();
        pass.states().forEach(c -> confirmed.addAll(c.hashes));
        return confirmed;
    }

    /** Collects the key hashes of the rows its handler owns. */
    private static final class HashCollector implements RowConsumer<Object> {
        final HashPairSet hashes = new HashPairSet();

        @Override
        public boolean accept(long lo, long hi, Object row, byte[] raw, int unit) {
            hashes.add(lo, hi);
            return true;
        }
    }

    private static Path partsDir(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "." + target.getFileName() + ".parts-");
    }

    /** The header once (CSV: the first file's), then each unit's part in unit order: files in argument order, ranges in offset order. */
    private static void assemble(JobInput<?, ?> input, byte[] header, Path parts, Path target) throws IOException {
        if (parts == null) {
            return;
        }
        AtomicFiles.write(target, out -> {
            out.write(header);
            for (WorkUnit u : input.units()) {
                Path p = CheckWriter.part(parts, u.id());
                if (Files.exists(p)) {
                    copy(p, out);
                }
            }
        });
    }

    private static void copy(Path p, OutputStream out) throws IOException {
        Files.copy(p, out);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
