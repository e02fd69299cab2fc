package io.ringsift.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * What one map task learnt besides its key hashes: the unit's counts and its field statistics. It
 * travels through the shuffle with the hashes (not through an accumulator: Spark applies
 * accumulator updates made inside a transformation once per attempt, so a retried task would count
 * twice; a shuffle keeps only the successful attempt's output).
 *
 * @param profile the chunk's {@code CsvFieldProfile} as written by {@code writeTo}, or null without statistics
 */
record ChunkResult(int chunk, long records, long rejected, long bytes, byte[] profile) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
