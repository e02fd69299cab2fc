package io.ringsift.filter;

/**
 * The parameters every partial filter of a run shares.
 *
 * @param expectedKeys expected distinct keys (Guava's expectedInsertions)
 * @param fpp          target false-positive probability at that fill
 */
public record FilterParams(long expectedKeys, double fpp) {
    public FilterParams {
        if (expectedKeys < 1) {
            throw new IllegalArgumentException("Expected keys (" + expectedKeys + ") must be >= 1");
        }
        if (!(fpp > 0.0 && fpp < 1.0)) {
            throw new IllegalArgumentException("False positive probability (" + fpp + ") must be > 0.0 and < 1.0");
        }
    }
}
