package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How full a filter is now, as opposed to what it was sized for: Guava's estimates from the number
 * of set bits. For {@code ringsift info} and reports.
 *
 * @param approximateElementCount Guava's estimate of distinct keys inserted (Swamidass &amp; Baldi,
 *                                2007: n ≈ -m/k · ln(1 - X/m) for X set bits)
 * @param estimatedFpp            probability that an absent key answers "might contain" at this
 *                                fill: (X/m)^k
 * @param fillRatio               fraction of bits set, X/m
 */
public record FilterInfo(long approximateElementCount, double estimatedFpp, double fillRatio) {
    /** {@link #approximateElementCount} of a filter with every bit set: it answers "probably seen" to everything. */
    public static final long SATURATED = -1;

    public static FilterInfo of(BloomFilter<?> filter, int hashFunctions) {
        if (hashFunctions < 1) {
            throw new IllegalArgumentException("Hash functions (" + hashFunctions + ") must be >= 1");
        }
        double fpp = filter.expectedFpp();
        // expectedFpp() is (X/m)^k, so its k-th root recovers the fill without touching private state
        double fill = Math.pow(fpp, 1.0 / hashFunctions);
        // a saturated filter (every bit set) has no finite count estimate: -ln(1 - X/m) diverges
        long count = fill >= 1.0 ? SATURATED : filter.approximateElementCount();
        return new FilterInfo(count, fpp, fill);
    }

    public static FilterInfo of(LoadedFilter loaded) {
        return of(loaded.chain());
    }

    /** A chain's fill: keys summed over its stages, fpp 1 - Π(1 - p_j), fill of all its bits together. */
    public static FilterInfo of(BloomChain chain) {
        long keys = chain.approximateKeys();
        long set = chain.stages().stream().mapToLong(s -> s.bloom().setBits()).sum();
        return new FilterInfo(keys == Long.MAX_VALUE ? SATURATED : keys, chain.fppAtFill(), (double) set / chain.bitSize());
    }

    /** Header and fill as "name: value" lines, in the order {@code ringsift info} prints them. */
    public static List<String> describe(FilterHeader h, FilterInfo info) {
        List<String> lines = new ArrayList<>(List.of(
                "format version:    " + h.formatVersion(),
                "key spec:          " + h.keySpec(),
                "key source:        " + h.keySource(),
                "key encoding:      " + h.keyEncoding(),
                "hash scheme:       " + h.hashScheme(),
                "expected keys:     " + h.expectedKeys(),
                "fpp (configured):  " + h.fpp(),
                "bits:              " + h.bits() + " (" + mib(h.bits() / 8) + ")",
                "hash functions:    " + h.hashFunctions(),
                "records:           " + h.records(),
                "duplicate records: " + h.duplicateRecords() + " (" + countMethod(h.countMethod()) + ")",
                "distinct keys:     " + (h.distinctKeys() < 0 ? "unknown (format v1)" : h.distinctKeys() + " (" + countMethod(h.countMethod()) + ")"),
                "created at:        " + h.createdAt(),
                "keys (estimated):  " + (info.approximateElementCount() == SATURATED
                        ? "unknown: every bit is set, the filter answers \"probably seen\" to everything"
                        : info.approximateElementCount()),
                "fill:              " + String.format(Locale.ROOT, "%.4f", info.fillRatio()),
                "fpp (current):     " + String.format(Locale.ROOT, "%.6g", info.estimatedFpp())));
        if (info.estimatedFpp() > 2 * h.fpp()) {
            lines.add("WARNING:           the fpp at this fill is " + String.format(Locale.ROOT, "%.3g", info.estimatedFpp() / h.fpp())
                    + "x the configured " + h.fpp() + ": \"probably seen\" answers are less reliable than promised");
        }
        return lines;
    }

    private static String countMethod(String m) {
        return switch (m) {
            case "exact" -> "exact";
            case "estimate" -> "estimate, see the run's report for its interval";
            default -> "raw Bloom answers: includes false positives";
        };
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
