package io.ringsift.generate;

/**
 * What to generate.
 *
 * @param rows    records to write (CSV data lines not counting the header, or JSONL documents)
 * @param dupRate probability, 0..1, that a row after the first reuses a key already written
 * @param columns CSV columns including {@code key}; for JSONL, top-level fields including {@code key}
 *                and excluding {@code _id}. At least 2
 * @param seed    the same seed gives byte-identical output
 */
public record GeneratorSpec(long rows, double dupRate, int columns, long seed) {
    public GeneratorSpec {
        if (rows < 0) {
            throw new IllegalArgumentException("Rows (" + rows + ") must be >= 0");
        }
        if (!(dupRate >= 0.0 && dupRate <= 1.0)) {
            throw new IllegalArgumentException("Duplicate rate (" + dupRate + ") must be between 0 and 1");
        }
        if (columns < 2) {
            throw new IllegalArgumentException("Columns (" + columns + ") must be >= 2: the key and at least one field");
        }
    }
}
