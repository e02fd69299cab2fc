package io.ringsift.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two filters can be merged into one that answers for both inputs. They must agree on what
 * a key is (key spec, key encoding) and how it becomes hash bits (hash scheme). Sizes and hash
 * function counts do not matter: {@link BloomChain#union} folds power-of-two stages together or
 * keeps them as separate stages. Key source does not matter either (CSV and Mongo string keys
 * encode alike).
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
        return new FilterCompatibility(d);
    }

    public static FilterCompatibility of(LoadedFilter a, LoadedFilter b) {
        return of(a.header(), b.header());
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
