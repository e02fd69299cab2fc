package io.ringsift.job;

import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunOutcome;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import java.util.List;
import java.util.Objects;

/**
 * What a source (CSV files, a Mongo collection) brings to a job: its units, readers and report blocks.
 *
 * @param <U> its work unit
 * @param <R> its row type: what its readers publish and its field profile takes
 */
public interface JobInput<U extends WorkUnit, R> {

    /** "csv" or "mongo": recorded in the filter header. */
    String keySource();

    List<U> units();

    /**
     * Identifies what this input reads and how (files with sizes and modification times, or the
     * collection, query and partitions, plus the unit plan): a resumed run must match it exactly.
     */
    String fingerprint();

    /** A reader for one reader thread; it keeps its buffers across units. */
    UnitReader<U, R> newReader();

    /**
     * Exact mode's second pass: a reader that publishes only rows whose key hash is in {@code only},
     * with the canonical key bytes attached.
     */
    default UnitReader<U, R> newVerifyingReader(HashPairSet only) {
        throw new UnsupportedOperationException("--exact is not supported for " + keySource() + " input yet");
    }

    /**
     * Makes the readers made from now on keep the field statistics themselves, one profile each, and
     * publish rows without their values; returns those profiles, or null where this input's
     * statistics stay with the handlers (or {@code level} is {@link StatsLevel#NONE}).
     */
    default ReaderProfiles<R> statsOnReaders(StatsLevel level) {
        return null;
    }

    /** A fresh per-handler field profile, or null for {@link StatsLevel#NONE}. */
    FieldProfile<? super R> newProfile(StatsLevel level);

    /** Expected distinct keys when the user gave none: an estimate of the record count. */
    long estimatedKeys();

    /** The report's {@code sources} block, from per-unit results (null entries: units not read). */
    List<Report.Source> sources(List<UnitResult> results);

    /** The report's {@code fields} block from the merged profile (null profile: none kept). */
    List<? extends Report.FieldEntry> fields(FieldProfile<?> merged);

    /**
     * The {@code fields} block of a run whose key figures are known: where the key is one field,
     * that field's distinct figure is the key's (exact or estimated as {@code counts} says), so one
     * report never gives two different figures for the same column.
     */
    default List<? extends Report.FieldEntry> fields(FieldProfile<?> merged, KeySpec key, KeyCounts counts) {
        return fields(merged);
    }

    /** The report's {@code partitions} block, or null where it does not apply. */
    default Report.Partitions partitions(List<UnitResult> results) {
        return null;
    }

    /** The report's {@code dialect} block (CSV: how the input was read), or null. */
    default Report.Dialect dialect() {
        return null;
    }

    /** Bytes the progress line counts to (as stored: compressed size for compressed files), or -1 when unknown. */
    default long totalBytes() {
        return -1;
    }

    /** Records the progress line counts to when bytes are unknown (a collection's estimated count), or -1. */
    default long estimatedRecords() {
        return -1;
    }

    /**
     * Records the input holds by its own measure (sampled record sizes over known file sizes, a
     * collection's count), for sizing the handlers' exact sets in one step; -1 when that is not
     * known (a stream, a filtered query): the sets then grow by doubling. Never {@code
     * --expected-keys}, which may size a filter for keys still to come.
     */
    default long plannedRecords() {
        return estimatedRecords();
    }

    /** The parser name for the timing block, or null. */
    default String parser() {
        return null;
    }

    /** Milliseconds spent checking the input and cutting it into units before the run, for the timing block; null if not measured. */
    default Long planMillis() {
        return null;
    }

    /** {@code --stats-on} when the readers kept the column statistics ({@link #statsOnReaders}), for the timing block; else null. */
    default String statsOn() {
        return null;
    }

    /** The columns the readers handed to the handlers, with {@link #statsOn}; else null. */
    default List<String> columnsHandedOver() {
        return null;
    }

    /** The report's {@code timing} block of a pass over this input that took {@code records} records. */
    default Report.Timing timing(RunOutcome<?> outcome, long records, EngineSettings engine) {
        long bytes = outcome.units().stream().filter(Objects::nonNull).mapToLong(UnitResult::bytes).sum();
        return Report.Timing.of(outcome.elapsedNanos(), records, bytes, engine.readers(), engine.handlers(), parser(), planMillis())
                .withStatsOn(statsOn(), columnsHandedOver());
    }
}
