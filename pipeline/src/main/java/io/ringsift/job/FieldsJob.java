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
import io.ringsift.engine.RunFailure;
import java.util.List;

/** {@code fields}: field discovery only. The same readers and ring, with handlers that keep only a path profile. */
public final class FieldsJob {

    /** The JSON written by {@code fields --json}: the same {@code fields} block as an ingest report. */
    @JsonPropertyOrder({"collection", "complete", "documents", "partitions", "fields", "timing"})
    public record Result(String collection, boolean complete, long documents, Report.Partitions partitions,
                         List<Report.Path> fields, Report.Timing timing) {}

    /** A handler's share: its path profile and how many documents it saw. */
    private static final class ProfileOnly implements RowConsumer {
        final PathProfile profile;
        long documents;

        ProfileOnly(PathProfile profile) {
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
        RunOutcome<ProfileOnly> o = new RunEngine(engine).run(input.units(), input::newReader,
                i -> new ProfileOnly((PathProfile) input.newProfile(StatsLevel.FULL)), r -> { }, null, control);
        PathProfile merged = o.states().get(0).profile;
        long docs = o.states().get(0).documents;
        for (int i = 1; i < o.states().size(); i++) {
            merged.mergeFrom(o.states().get(i).profile);
            docs += o.states().get(i).documents;
        }
        double seconds = Math.max(o.elapsedNanos(), 1) / 1e9;
        Report.Timing timing = new Report.Timing(Math.round(seconds * 1000), Math.round(docs / seconds), null,
                engine.readers(), engine.handlers(), null);
        if (o.failure() != null) {
            throw o.failure();   // not wrapped: Failures maps a RunFailure to its one line; an IllegalStateException read as a bug
        }
        return new Result(namespace, o.complete(), docs, input.partitions(o.units()), MongoInput.paths(merged), timing);
    }
}
