package io.ringsift.partial;

import io.ringsift.key.Murmur3;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 128-bit identity of a column value in {@link ValueCounts}: the value's own bytes when it
 * has at most {@value #INLINE} of them, its murmur3_128 hash otherwise.
 *
 * <p>Most values of most columns are short (codes, numbers, cities, keys), and for them the bytes
 * themselves, with the length in the top byte, are an identity that cannot collide and costs two
 * loads instead of a hash (murmur3 was the largest single cost of {@code --stats full}). A long
 * value's hash equals a short value's packing with probability 2^-128, the same "exact up to a
 * 128-bit collision" that hashed identities already state. Because a packing is not uniformly
 * distributed, everything that spreads identities (table slots, the sketches) goes through
 * {@link #mix}. One instance per thread; the result is in {@link #h1} and {@link #h2}.
 */
final class ValueKey {
    /** Longest value kept as its own bytes: 8 in {@link #h1}, 7 in {@link #h2} below the length byte. */
    static final int INLINE = 15;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    long h1;
    long h2;
    private final Murmur3 murmur = new Murmur3();

    /** Sets {@link #h1}, {@link #h2} to the identity of {@code b[s..e)}. */
    void of(byte[] b, int s, int e) {
        int len = e - s;
        if (len > INLINE) {
            murmur.hash(b, s, len);
            h1 = murmur.h1;
            h2 = murmur.h2;
        } else if (len >= 8) {
            h1 = (long) LONGS.get(b, s);
            h2 = tail(b, s + 8, len - 8) | (long) len << 56;
        } else {
            h1 = tail(b, s, len);
            h2 = (long) len << 56;
        }
    }

    /** The {@code n < 8} bytes at {@code b[p..)} as a little-endian long. */
    private static long tail(byte[] b, int p, int n) {
        if (n == 0) {
            return 0;
        }
        if (p + 8 <= b.length) {
            return (long) LONGS.get(b, p) & -1L >>> (64 - 8 * n);
        }
        long v = 0;
        for (int j = n - 1; j >= 0; j--) {
            v = v << 8 | (b[p + j] & 0xFFL);
        }
        return v;
    }

    /** A well-spread 64-bit digest of an identity (murmur3's finaliser over both halves). */
    static long mix(long h1, long h2) {
        return Murmur3.fmix64(h1 ^ Long.rotateLeft(h2 * 0xC2B2AE3D27D4EB4FL, 31));
    }
}
