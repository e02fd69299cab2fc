package io.ringsift.source;

import io.ringsift.record.RecordSink;
import io.ringsift.record.RejectSink;

/**
 * Reads one work unit into a sink. Called by one reader thread at a time per instance; a reader
 * thread keeps its own instance so buffers are reused from unit to unit.
 *
 * <p>Malformed records go to {@code rejects} and reading continues. An exception means the unit
 * could not be read at all (I/O error, server gone after retries); its message must name the unit
 * and position.
 *
 * @param <U> the unit it reads
 * @param <R> the row type of the source, which every record it publishes carries ({@code ByteRow}
 *            for CSV, {@code RawBsonDocument} for documents)
 */
public interface UnitReader<U extends WorkUnit, R> {
    UnitResult read(U unit, RecordSink<? super R> sink, RejectSink rejects) throws Exception;
}
