package io.ringsift.partial;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Exact mode's second pass, per handler: sees only rows whose key hash was a Bloom candidate in
 * the first pass, with the key's canonical bytes attached, and counts exact duplicates by comparing
 * the bytes themselves. Memory is one entry per distinct candidate key, not per input key.
 */
public final class ExactVerifier implements RowConsumer<Object> {
    private final Set<Key> keys = new HashSet<>();
    private long rows;
    private long duplicates;

    /** Canonical key bytes with a precomputed hash (the key's murmur3 bits). */
    private record Key(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public boolean accept(long lo, long hi, Object row, byte[] keyBytes, int unit) {
        rows++;
        boolean dup = !keys.add(new Key(keyBytes, (int) lo));
        if (dup) {
            duplicates++;
        }
        return dup;
    }

    /** Rows seen in this pass (all occurrences of candidate keys). */
    public long rows() {
        return rows;
    }

    /** Rows whose exact key bytes were seen earlier. */
    public long duplicates() {
        return duplicates;
    }
}
