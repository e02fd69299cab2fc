package io.ringsift.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * What one map task learnt about one unit (a CSV chunk or an {@code _id} range) besides its key
 * hashes: the unit's counts and its field statistics. It travels through the shuffle with the
 * hashes (not through an accumulator: Spark applies accumulator updates made inside a
 * transformation once per attempt, so a retried task would count twice; a shuffle keeps only the
 * successful attempt's output).
 *
 * @param retries cursor reopens after transient errors (Mongo; 0 for CSV), of the successful attempt
 * @param profile the unit's field profile as {@link ProfileKind#toBytes} wrote it, or null without statistics
 */
record UnitFigures(int unit, long records, long rejected, long bytes, int retries, byte[] profile) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;
}
