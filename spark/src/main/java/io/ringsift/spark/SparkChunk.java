package io.ringsift.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * One map task's input: bytes {@code [start, end)} of file {@code file}, starting on a record
 * boundary at physical line {@code firstLine} (found by the quote-parity prefix pass).
 *
 * @param id unit id: chunks are numbered in file order, then offset order, as local units are
 */
record SparkChunk(int id, int file, long start, long end, long firstLine) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
