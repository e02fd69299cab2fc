package io.ringsift.job;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunControl;
import io.ringsift.engine.RunEngine;
import io.ringsift.engine.RunOutcome;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.PathProfile;
import io.ringsift.partial.RowConsumer;
import io.ringsift.partial.StatsLevel;
import io.ringsift.record.ByteRow;
import io.ringsift.report.Report;
import io.ringsift.source.WorkUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;

/** {@code fields}: field discovery only. The same readers and ring, with handlers that keep only a field profile. */
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

    /**
     * How a fields run ended, as an ingest's report would say it.
     *
     * @param result     what was found (partial when the run did not complete)
     * @param stopReason as report.json spells it, or null when complete
     * @param error      the failure's one line (a reader or handler failed: the server went away), or null
     * @param exitCode   the process exit code the run calls for
     */
    public record Run<T>(T result, String stopReason, String error, int exitCode) {
        public boolean complete() {
            return stopReason == null;
        }
    }

    /** A handler's share: its profile and how many records it saw. */
    private static final class ProfileOnly<R, P extends FieldProfile<? super R>> implements RowConsumer<R> {
        final P profile;
        long documents;

        ProfileOnly(P profile) {
            this.profile = profile;
        }

        @Override
        public boolean accept(long lo, long hi, R row, byte[] raw, int unit) {
            documents++;
            profile.accept(row, unit);
            return false;
        }
    }

    private FieldsJob() {
    }

    /** Field discovery over any document input (a collection, or JSON Lines files). */
    public static <U extends WorkUnit> Run<Result> run(DocumentInput<U> input, String namespace, EngineSettings engine,
                                                       RunControl control) {
        control.progress().expect(input.totalBytes(), input.estimatedRecords());
        RunOutcome<ProfileOnly<RawBsonDocument, PathProfile>> o = new RunEngine(engine).run(input.units(), input::newReader,
                i -> new ProfileOnly<>(input.newProfile(StatsLevel.FULL)), r -> { }, null, control);
        PathProfile merged = merge(o.states());
        long docs = documents(o.states());
        return ending(o, new Result(namespace, o.complete(), docs, input.partitions(o.units()), MongoInput.paths(merged),
                input.timing(o, docs, engine)));
    }

    /**
     * The column summary of CSV files ({@code fields FILE.csv}): every row through the same readers
     * and ring, into handlers that keep only a full column profile. Malformed rows are counted.
     */
    public static Run<ColumnsResult> columns(CsvInput input, String source, EngineSettings engine, RunControl control) {
        control.progress().expect(input.totalBytes(), input.estimatedRecords());
        AtomicLong rejected = new AtomicLong();
        RunOutcome<ProfileOnly<ByteRow, CsvFieldProfile>> o = new RunEngine(engine).run(input.units(), input::newReader,
                i -> new ProfileOnly<>(input.newProfile(StatsLevel.FULL)), r -> rejected.incrementAndGet(),
                null, control);
        CsvFieldProfile merged = merge(o.states());
        long rows = documents(o.states());
        return ending(o, new ColumnsResult(source, o.complete(), rows, rejected.get(), input.fields(merged),
                input.timing(o, rows, engine)));
    }

    private static <R, P extends FieldProfile<? super R>> P merge(List<ProfileOnly<R, P>> states) {
        P merged = states.get(0).profile;
        for (int i = 1; i < states.size(); i++) {
            merged.mergeFrom(states.get(i).profile);
        }
        return merged;
    }

    private static long documents(List<? extends ProfileOnly<?, ?>> states) {
        return states.stream().mapToLong(s -> s.documents).sum();
    }

    private static <T> Run<T> ending(RunOutcome<?> o, T result) {
        return new Run<>(result, o.stopReasonName(), o.error(), ExitCodes.of(o));
    }
}
