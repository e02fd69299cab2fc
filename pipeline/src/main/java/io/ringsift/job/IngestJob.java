package io.ringsift.job;

import io.ringsift.partial.ExactVerifier;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.KeyCounts;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.Partial;
import io.ringsift.report.Report;
import io.ringsift.report.RejectTally;
import io.ringsift.report.RejectsFile;
import io.ringsift.report.ReportWriter;
import io.ringsift.report.Warnings;
import io.ringsift.reduce.MergedFilter;
import io.ringsift.reduce.Reducer;
import io.ringsift.engine.RunControl;
import io.ringsift.engine.RunEngine;
import io.ringsift.engine.RunFailure;
import io.ringsift.engine.RunOutcome;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ingest}: every record through the ring into partial filters, then one filter file, a
 * report and the rejects. The filter is written only when the whole input was read; an interrupted
 * or failed run leaves a report marked {@code "complete": false} and no filter file.
 */
public final class IngestJob {
    public static final String FILTER_FILE = "filter.bf";
    public static final String REPORT_FILE = "report.json";

    private IngestJob() {
    }

    public static <U extends WorkUnit, R> JobResult run(String command, JobInput<U, R> input, JobSettings s, RunControl control)
            throws IOException {
        try (RunDirectory dir = RunDirectory.open(s.out(), s.checkpoint())) {
            return run(command, input, s, control, dir);
        }
    }

    private static <U extends WorkUnit, R> JobResult run(String command, JobInput<U, R> input, JobSettings s, RunControl control,
                                                      RunDirectory dir) throws IOException {
        Path out = s.out();
        control.progress().expect(input.totalBytes(), input.estimatedRecords());
        long expected = s.expectedKeys() != null ? s.expectedKeys() : input.estimatedKeys();
        FilterParams params = new FilterParams(expected, s.fpp());
        String fingerprint = input.fingerprint() + " | key=" + s.key().describe() + " fpp=" + s.fpp() + " expectedKeys=" + expected
                + " stats=" + s.stats() + " exact=" + s.exact();
        Checkpoint checkpoint = s.checkpoint() == null ? null
                : Checkpoint.open(s.checkpoint(), fingerprint, s.engine().handlers(), s.resume());
        dir.clearPreviousOutputs();   // only now that every check has passed (RefusedResumeDeletedPreviousOutputsTest)
        long[] rejectedSoFar = {0};
        try {
            return afterChecks(command, input, s, control, out, params, checkpoint, rejectedSoFar);
        } catch (IOException | RuntimeException | Error e) {
            // out of memory in the reduce, or a bug: still an honest report (FailureAfterReadingHadNoReportTest)
            return failed(command, s, control, out, rejectedSoFar[0], e);
        }
    }

    private static <U extends WorkUnit, R> JobResult afterChecks(String command, JobInput<U, R> input, JobSettings s, RunControl control,
                                                              Path out, FilterParams params, Checkpoint checkpoint,
                                                              long[] rejectedSoFar) throws IOException {
        List<Partial<R>> partials = new ArrayList<>();
        long planned = input.plannedRecords();
        for (int i = 0; i < s.engine().handlers(); i++) {
            Partial<R> p = new Partial<>(params, s.engine().handlers(), s.exactMemoryPerHandler(), null, input.newProfile(s.stats()));
            if (planned > 0) {
                p.expectRecords(planned);
            }
            partials.add(s.exact() ? p.collectCandidates() : p);
        }
        ReaderProfiles<R> onReaders = input.statsOnReaders(s.stats());
        Map<Integer, UnitResult> done = new HashMap<>();
        long previousNanos = 0;
        RunOutcome<Partial<R>> outcome = null;
        Path rejectsPath;
        long rejected;
        RejectTally tally;
        try (RejectsFile rejects = new RejectsFile(out, checkpoint == null ? null : checkpoint.rejectsWork(), s.maxRejects(), control)) {
            if (checkpoint != null) {
                checkpoint.restore(partials);
                checkpoint.journal().results().forEach(r -> done.put(r.unit(), r));
                rejects.resume(checkpoint.journal().rejectsLength(), checkpoint.journal().rejects());
                previousNanos = checkpoint.journal().elapsedNanos();
            }
            List<U> todo = input.units().stream().filter(u -> !done.containsKey(u.id())).toList();
            // without a checkpoint, one epoch; with one, about 100 epochs at most, each ending in a consistent state
            int epochSize = checkpoint == null ? Math.max(1, todo.size())
                    : Math.max(s.engine().readers(), (input.units().size() + 99) / 100);
            for (int from = 0; from < todo.size() || outcome == null; from += epochSize) {
                List<U> epoch = todo.subList(Math.min(from, todo.size()), Math.min(from + epochSize, todo.size()));
                outcome = new RunEngine(s.engine()).run(epoch, input::newReader, partials::get, rejects, null, control);
                if (onReaders != null) {
                    onReaders.mergeInto(partials.get(0).fields());   // before a checkpoint saves the partials
                }
                for (UnitResult r : outcome.units()) {
                    if (r != null) {
                        done.put(r.unit(), r);
                    }
                }
                if (!outcome.complete()) {
                    break;
                }
                if (checkpoint != null && !epoch.isEmpty()) {
                    try {
                        checkpoint.save(partials, List.copyOf(done.values()), rejects.flushedLength(), rejects.count(),
                                previousNanos + control.progress().elapsedNanos());
                    } catch (IOException e) {
                        outcome = failed(outcome, control, new RunFailure("checkpoint", s.checkpoint().toString(), e));
                        break;
                    }
                }
            }
            rejectedSoFar[0] = rejects.count();
            rejectsPath = rejects.finish(true);
            rejected = rejects.count();
            tally = rejects.tally();
        }
        List<UnitResult> results = input.units().stream().map(u -> done.get(u.id())).toList();
        outcome = new RunOutcome<>(partials, results, outcome.stopReason(), outcome.failure(),
                previousNanos + control.progress().elapsedNanos());
        Partial<R> merged = Reducer.merge(outcome.states());
        KeyCounts counts = merged.counts();
        Report.Exact exact = null;
        if (s.exact() && outcome.complete()) {
            exact = verify(input, s, merged, control);
            if (exact == null) {
                outcome = new RunOutcome<>(outcome.states(), outcome.units(), control.stopReason(), control.failure(),
                        outcome.elapsedNanos());
            }
        }
        Path filterPath = null;
        if (outcome.complete()) {
            filterPath = out.resolve(FILTER_FILE);
            long duplicates = exact != null ? exact.duplicateRecords() : counts.duplicateRecords();
            try {
                MergedFilter.ofRun(s.key(), input.keySource(), merged.bloom(), merged.records(), duplicates,
                        exact != null ? KeyCounts.EXACT : counts.method(), Instant.now()).write(filterPath);
            } catch (IOException e) {
                outcome = failed(outcome, control, new RunFailure("filter write", null, e));
                filterPath = null;
            }
        }
        Report report = report(command, input, s, params, outcome, merged, counts, rejected, tally, filterPath, exact);
        Path reportPath = out.resolve(REPORT_FILE);
        ReportWriter.write(reportPath, report);
        if (checkpoint != null && outcome.complete()) {
            // last: until the outputs are all written, a kill leaves a journal that --resume can finish
            checkpoint.finish();
        }
        return new JobResult(report, reportPath, filterPath, rejectsPath, ExitCodes.of(outcome));
    }

    /**
     * Exact mode's second pass: re-read the input, keep only rows whose key hash was a candidate
     * ("probably seen" in pass one, plus the first occurrence of each such key, which shares its
     * hash), and count duplicates by comparing canonical key bytes. Returns null if the pass was
     * stopped or failed.
     */
    private static <U extends WorkUnit, R> Report.Exact verify(JobInput<U, R> input, JobSettings s, Partial<R> merged, RunControl control) {
        HashPairSet candidates = merged.candidates();
        RunOutcome<ExactVerifier> pass;
        try {
            pass = new RunEngine(s.engine()).run(input.units(), () -> input.newVerifyingReader(candidates),
                    i -> new ExactVerifier(), r -> { }, null, control);
        } catch (RuntimeException | Error e) {   // OutOfMemoryError on this thread: exit 3 and a report, not a JVM crash
            control.fail(new RunFailure("exact pass", null, e));
            return null;
        }
        if (!pass.complete()) {
            return null;
        }
        long exactDups = pass.states().stream().mapToLong(ExactVerifier::duplicates).sum();
        long falsePositives = merged.bloomDuplicates() - exactDups;
        long distinct = merged.records() - exactDups;
        // a false positive can only happen when a new key is inserted: distinct keys are the trials
        double measured = distinct == 0 ? 0 : (double) falsePositives / distinct;
        return new Report.Exact(candidates.size(), exactDups, distinct, merged.bloomDuplicates(), falsePositives, measured);
    }

    /** A failure after the input was read: the run is marked failed, and the report is still written. */
    private static <R> RunOutcome<Partial<R>> failed(RunOutcome<Partial<R>> o, RunControl control, RunFailure f) {
        control.fail(f);
        return new RunOutcome<>(o.states(), o.units(), control.stopReason(), control.failure(), o.elapsedNanos());
    }

    /**
     * The report of a run that failed where no partial result is at hand (out of memory while
     * reducing): records read so far and the rejects written, nothing else claimed.
     */
    private static JobResult failed(String command, JobSettings s, RunControl control, Path out, long rejected, Throwable e)
            throws IOException {
        control.fail(new RunFailure(e instanceof OutOfMemoryError ? "reduce" : "job", null, e));
        long records = control.progress().records();
        Report report = Report.builder(command, s.key().describe())
                .outcome(false, "failed", control.failure().getMessage())
                .records(records, rejected)
                .sources(List.of())
                .fields(List.of())
                .timing(Report.Timing.of(control.progress().elapsedNanos(), records, 0, s.engine().readers(), s.engine().handlers(),
                        null, null))
                .build();
        Path reportPath = out.resolve(REPORT_FILE);
        try {
            ReportWriter.write(reportPath, report);
        } catch (IOException | RuntimeException w) {
            e.addSuppressed(w);
            throw e instanceof IOException io ? io : new IOException(control.failure().getMessage(), e);
        }
        Path rejects = out.resolve(RejectsFile.NAME);
        return new JobResult(report, reportPath, null, Files.exists(rejects) ? rejects : null, ExitCodes.INPUT);
    }

    private static <U extends WorkUnit, R> Report report(String command, JobInput<U, R> input, JobSettings s, FilterParams params,
                                                      RunOutcome<?> o, Partial<R> m, KeyCounts counts, long rejected,
                                                      RejectTally tally, Path filterPath, Report.Exact exact) {
        List<UnitResult> results = o.units();
        Report.Builder report = Report.builder(command, s.key().describe())
                .outcome(o)
                .records(m.records(), rejected)
                .rejects(tally)
                .counts(counts, s.exactMemory())
                .exact(exact)
                .sources(input.sources(results))
                .partitions(input.partitions(results))
                .fields(input.fields(m.fields(), s.key(), counts))
                .timing(input.timing(o, m.records(), s.engine()))
                .dialect(input.dialect());
        if (filterPath != null) {
            report.filter(Report.Filter.of(filterPath.toString(), m.bloom(), params))
                    .warnings(Warnings.forFilter(m.bloom(), params));
        }
        return report.warnings(Warnings.forCounts(counts, s.exactMemory())).build();
    }
}
