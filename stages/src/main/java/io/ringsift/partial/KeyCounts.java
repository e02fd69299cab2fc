package io.ringsift.partial;

/**
 * Duplicate and distinct key figures of a run, with their certainty. {@code method} "exact": every
 * key's 128-bit hash was kept, so the figures are exact up to a murmur3_128 collision (about
 * n²/2^129: below 10^-20 for a billion keys); low = high = the figure. "estimate": some handler's
 * exact set reached its memory share, and the rest was counted from Bloom answers corrected for
 * their expected false positives; [low, high] is a 95% interval (docs/report.md, "counts").
 *
 * @param method           "exact" or "estimate"
 * @param records          accepted records
 * @param duplicateRecords records whose key appeared earlier in the input (point figure)
 * @param duplicatesLow    95% lower bound (= duplicateRecords when exact)
 * @param duplicatesHigh   95% upper bound
 * @param exactKeys        distinct keys held in the exact sets
 * @param exactMemoryBytes memory the exact sets were allowed, all handlers together
 */
public record KeyCounts(String method, long records, long duplicateRecords, long duplicatesLow, long duplicatesHigh,
                        long exactKeys, long exactMemoryBytes) {
    public static final String EXACT = "exact";
    public static final String ESTIMATE = "estimate";

    public boolean exact() {
        return EXACT.equals(method);
    }

    public long distinctKeys() {
        return records - duplicateRecords;
    }

    public long distinctLow() {
        return records - duplicatesHigh;
    }

    public long distinctHigh() {
        return records - duplicatesLow;
    }
}
