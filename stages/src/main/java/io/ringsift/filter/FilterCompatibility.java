package io.ringsift.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two filters can be merged ({@code BloomFilter.putAll}) into one that answers for both
 * inputs. They must agree on what a key is (key spec, key encoding), how it becomes bits (hash
 * scheme, hash functions) and where those bits go (bit count). Expected keys and fpp only matter
 * through the shape they produce, and key source does not matter at all (CSV and Mongo string keys
 * encode alike), so neither blocks a merge.
 *
 * @param differences one entry per field that differs, empty when the filters are compatible
 */
public record FilterCompatibility(List<Difference> differences) {

    /** A field two headers disagree on. */
    public record Difference(String field, Object left, Object right) {
        @Override
        public String toString() {
            return field + " differs: " + quote(left) + " vs " + quote(right);
        }

        private static String quote(Object v) {
            return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
        }
    }

    public FilterCompatibility {
        differences = List.copyOf(differences);
    }

    public static FilterCompatibility of(FilterHeader a, FilterHeader b) {
        List<Difference> d = new ArrayList<>();
        compare(d, "key spec", a.keySpec(), b.keySpec());
        compare(d, "key encoding", a.keyEncoding(), b.keyEncoding());
        compare(d, "hash scheme", a.hashScheme(), b.hashScheme());
        compare(d, "bits", a.bits(), b.bits());
        compare(d, "hash functions", a.hashFunctions(), b.hashFunctions());
        return new FilterCompatibility(d);
    }

    /**
     * Compares two loaded filters: their headers, and then Guava's own check, which a file read by
     * {@link FilterFile#read} always agrees with (the reader verifies header against body).
     */
    public static FilterCompatibility of(LoadedFilter a, LoadedFilter b) {
        FilterCompatibility c = of(a.header(), b.header());
        if (c.isCompatible() && !a.filter().isCompatible(b.filter())) {
            return new FilterCompatibility(List.of(new Difference("guava filter shape",
                    BloomGeometry.of(a.filter()), BloomGeometry.of(b.filter()))));
        }
        return c;
    }

    public boolean isCompatible() {
        return differences.isEmpty();
    }

    /** E.g. {@code "bits differs: 958528 vs 479296; hash functions differs: 7 vs 10"}; empty when compatible. */
    public String describe() {
        return String.join("; ", differences.stream().map(Difference::toString).toList());
    }

    /** Throws {@link IllegalArgumentException} naming {@code left} and {@code right} and every differing field. */
    public void requireCompatible(String left, String right) {
        if (!isCompatible()) {
            throw new IllegalArgumentException("Cannot merge " + left + " and " + right + ": " + describe());
        }
    }

    private static void compare(List<Difference> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(field, a, b));
        }
    }
}
