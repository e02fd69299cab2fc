package io.ringsift.job;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ringsift.partial.PathProfile;
import io.ringsift.partial.RowConsumer;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunControl;
import io.ringsift.engine.RunEngine;
import io.ringsift.engine.RunOutcome;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.source.WorkUnit;
import io.ringsift.engine.RunFailure;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code fields}: field discovery only. The same readers and ring, with handlers that keep only a path profile. */
public final class FieldsJob {

    /** The JSON written by {@code fields --json}: the same {@code fields} block as an ingest report. */
    @JsonPropertyOrder({"collection", "complete", "documents", "partitions", "fields", "timing"})
    public record Result(String collection, boolean complete, long documents, Report.Partitions partitions,
                         List<Report.FieldPath> fields, Report.Timing timing) {}

    /**
     * The JSON written by {@code fields FILE.csv --json}: the same {@code fields} entries as an ingest
     * report's. {@code rejected} rows (malformed) are not in the figures.
     */
    @JsonPropertyOrder({"source", "complete", "records", "rejected", "fields", "timing"})
    public record ColumnsResult(String source, boolean complete, long records, long rejected, List<Report.Field> fields,
                                Report.Timing timing) {}

    /** A handler's share: its profile and how many records it saw. */
    private static final class ProfileOnly<P extends FieldProfile> implements RowConsumer {
        final P profile;
        long documents;

        ProfileOnly(P profile) {
            this.profile = profile;
        }

        @Override
        public boolean accept(long lo, long hi, Object row, byte[] raw, int unit) {
            documents++;
            profile.accept(row, unit);
            return false;
        }
    }

    private FieldsJob() {
    }

    /** @throws RunFailure a reader or handler failed (server gone mid-run): one line with the partition, exit 3 */
    public static Result run(MongoInput input, String namespace, EngineSettings engine, RunControl control) throws RunFailure {
        return run((JobInput<?>) input, namespace, engine, control);
    }

    /** Field discovery over any document input (a collection, or JSON Lines files). */
    public static <U extends WorkUnit> Result run(JobInput<U> input, String namespace, EngineSettings engine, RunControl control)
            throws RunFailure {
        RunOutcome<ProfileOnly<PathProfile>> o = new RunEngine(engine).run(input.units(), input::newReader,
                i -> new ProfileOnly<>((PathProfile) input.newProfile(StatsLevel.FULL)), r -> { }, null, control);
        PathProfile merged = o.states().get(0).profile;
        long docs = o.states().get(0).documents;
        for (int i = 1; i < o.states().size(); i++) {
            merged.mergeFrom(o.states().get(i).profile);
            docs += o.states().get(i).documents;
        }
        Report.Timing timing = input.timing(o, docs, engine);
        if (o.failure() != null) {
            throw o.failure();   // not wrapped: Failures maps a RunFailure to its one line; an IllegalStateException read as a bug
        }
        return new Result(namespace, o.complete(), docs, input.partitions(o.units()), MongoInput.paths(merged), timing);
    }

    /**
     * The column summary of CSV files ({@code fields FILE.csv}): every row through the same readers
     * and ring, into handlers that keep only a full column profile. Malformed rows are counted.
     */
    public static ColumnsResult columns(CsvInput input, String source, EngineSettings engine, RunControl control) {
        AtomicLong rejected = new AtomicLong();
        RunOutcome<ProfileOnly<CsvFieldProfile>> o = new RunEngine(engine).run(input.units(), input::newReader,
                i -> new ProfileOnly<>((CsvFieldProfile) input.newProfile(StatsLevel.FULL)), r -> rejected.incrementAndGet(),
                null, control);
        if (o.failure() != null) {
            throw new IllegalStateException(o.failure().getMessage(), o.failure());
        }
        CsvFieldProfile merged = o.states().get(0).profile;
        long rows = o.states().get(0).documents;
        for (int i = 1; i < o.states().size(); i++) {
            merged.mergeFrom(o.states().get(i).profile);
            rows += o.states().get(i).documents;
        }
        return new ColumnsResult(source, o.complete(), rows, rejected.get(), input.fields(merged), input.timing(o, rows, engine));
    }
}
