package io.ringsift.key;

/**
 * A mutable 128-bit key hash, reused per thread so the hot path allocates nothing per record.
 * {@code lo} and {@code hi} are the first and second 8 bytes of Guava's murmur3_128 output, read
 * little-endian (so {@code lo == HashCode.asLong()}).
 */
public final class KeyHash {
    public long lo;
    public long hi;

    public KeyHash set(long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /**
     * The handler partition (0..partitions-1) that owns this key. Uses the high half so the choice
     * is independent of the bits Guava's Bloom filter derives from {@code lo}.
     */
    public static int partition(long hi, int partitions) {
        return (int) Long.remainderUnsigned(hi, partitions);
    }

    @Override
    public String toString() {
        return String.format("%016x%016x", hi, lo);
    }
}
