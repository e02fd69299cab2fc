package io.ringsift.key;

import com.google.common.hash.Funnel;
import com.google.common.hash.PrimitiveSink;

/**
 * Feeds a precomputed 128-bit key hash into a Guava Bloom filter.
 *
 * <p>The key itself was hashed once by the reader (murmur3_128 of the canonical key bytes). Guava's
 * filter still runs its own murmur3_128 over these 16 bytes to derive its two 64-bit halves for
 * Kirsch–Mitzenmacher double hashing (Kirsch &amp; Mitzenmacher, "Less Hashing, Same Performance",
 * 2006); hashing 16 bytes costs a few nanoseconds and keeps the filter a plain Guava filter that
 * {@code readFrom}, {@code putAll} and other tools understand.
 */
public enum KeyHashFunnel implements Funnel<KeyHash> {
    INSTANCE;

    @Override
    public void funnel(KeyHash from, PrimitiveSink into) {
        into.putLong(from.lo).putLong(from.hi);
    }
}
