package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The shape of a Guava Bloom filter — strategy, hash-function count, size — as its own serialized
 * form states it. Guava keeps {@code bitSize()} and {@code numHashFunctions} private, but
 * {@link BloomFilter#writeTo} begins with them, so reading that prefix is exact whatever Guava
 * version or parameters built the filter.
 *
 * <p>Guava's {@code writeTo} layout (big-endian, stable since Guava 11):
 * <pre>
 *   1 byte   strategy ordinal (signed; 1 = MURMUR128_MITZ_64, the only one {@code create} uses)
 *   1 byte   number of hash functions (unsigned, 1..255)
 *   4 bytes  int: number of 64-bit words in the bit array
 *   8 bytes  × words: the bit array, each word a big-endian long
 * </pre>
 *
 * @param strategyOrdinal Guava {@code BloomFilterStrategies} ordinal
 * @param hashFunctions   k, the number of bit positions set per key
 * @param words           64-bit words in the bit array
 */
public record BloomGeometry(int strategyOrdinal, int hashFunctions, int words) {
    /** Guava's {@code BloomFilterStrategies.MURMUR128_MITZ_64.ordinal()}. */
    public static final int MURMUR128_MITZ_64 = 1;
    /** Bytes before the bit array in Guava's serialized form. */
    public static final int PREFIX_BYTES = 6;

    private static final double LOG_TWO = Math.log(2);
    private static final double SQUARED_LOG_TWO = LOG_TWO * LOG_TWO;

    /** Bits in the array; Guava rounds the requested size up to whole words and hashes modulo this. */
    public long bits() {
        return 64L * words;
    }

    /** Length of Guava's {@code writeTo} output for this shape. */
    public long serializedBytes() {
        return PREFIX_BYTES + 8L * words;
    }

    /** Decodes the first {@link #PREFIX_BYTES} bytes of Guava's serialized form. */
    public static BloomGeometry parse(byte[] prefix) {
        if (prefix.length < PREFIX_BYTES) {
            throw new IllegalArgumentException("Guava filter prefix needs " + PREFIX_BYTES + " bytes, got " + prefix.length);
        }
        int words = ((prefix[2] & 0xFF) << 24) | ((prefix[3] & 0xFF) << 16) | ((prefix[4] & 0xFF) << 8) | (prefix[5] & 0xFF);
        return new BloomGeometry(prefix[0], prefix[1] & 0xFF, words);
    }

    /**
     * The shape of {@code filter}, read from the prefix of its serialized form. Costs one pass over
     * the bit array in memory (no I/O): Guava offers no cheaper exact way.
     */
    public static BloomGeometry of(BloomFilter<?> filter) {
        PrefixSink sink = new PrefixSink();
        try {
            filter.writeTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        BloomGeometry g = parse(sink.prefix);
        if (sink.count != g.serializedBytes()) {
            throw new IllegalStateException("Guava wrote " + sink.count + " bytes for a filter of " + g.words
                    + " words; expected " + g.serializedBytes() + " (was the filter modified while being measured?)");
        }
        return g;
    }

    /**
     * The shape {@code BloomFilter.create(funnel, expectedKeys, fpp)} produces, by Guava's own
     * formulas (BloomFilter.optimalNumOfBits / optimalNumOfHashFunctions, from the standard analysis
     * in https://en.wikipedia.org/wiki/Bloom_filter#Probability_of_false_positives):
     * <pre>
     *   m = (long) (-n · ln p / (ln 2)²)        bits requested
     *   k = max(1, round(-ln p / ln 2))         hash functions (optimal k = (m/n)·ln 2 = -log2 p)
     *   words = ceil(m / 64)                    the bit array rounds up to whole longs
     * </pre>
     * Used to size filters before building them and to cross-check {@link #of}; the geometry stored
     * in a file is always the parsed one.
     */
    public static BloomGeometry predicted(long expectedKeys, double fpp) {
        if (expectedKeys < 0) {
            throw new IllegalArgumentException("Expected keys (" + expectedKeys + ") must be >= 0");
        }
        if (!(fpp > 0.0 && fpp < 1.0)) {
            throw new IllegalArgumentException("False positive probability (" + fpp + ") must be > 0.0 and < 1.0");
        }
        long n = Math.max(1, expectedKeys); // Guava treats 0 expected insertions as 1
        long m = (long) (-n * Math.log(fpp) / SQUARED_LOG_TWO);
        int k = Math.max(1, (int) Math.round(-Math.log(fpp) / LOG_TWO));
        long words = (m + 63) / 64;
        if (words < 1 || words > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A filter of " + m + " bits (" + expectedKeys + " keys at fpp " + fpp
                    + ") is outside what Guava can hold (1.." + (64L * Integer.MAX_VALUE) + " bits)");
        }
        return new BloomGeometry(MURMUR128_MITZ_64, k, (int) words);
    }

    /**
     * The shape ringsift's own filters use: Guava's size for {@code (expectedKeys, fpp)} rounded up
     * to a power of two bits (at least 64), with Guava's k. Rounding up only lowers the fpp at
     * {@code expectedKeys} (at most 2x the memory), and it makes every filter fold exactly onto
     * any smaller power-of-two size, so any two filters of a key spec can be merged
     * ({@link KeyBloom#foldTo}).
     */
    public static BloomGeometry powerOfTwo(long expectedKeys, double fpp) {
        BloomGeometry g = predicted(expectedKeys, fpp);
        long words = Long.highestOneBit(g.words());
        if (words < g.words()) {
            words <<= 1;
        }
        if (words > (1L << 30)) {
            throw new IllegalArgumentException("A filter for " + expectedKeys + " keys at fpp " + fpp
                    + " needs more than 2^36 bits (8 GiB); give a larger --fpp or split the input");
        }
        return new BloomGeometry(MURMUR128_MITZ_64, g.hashFunctions(), (int) words);
    }

    /** Keeps the first bytes written and counts the rest. */
    private static final class PrefixSink extends OutputStream {
        final byte[] prefix = new byte[PREFIX_BYTES];
        long count;

        @Override
        public void write(int b) {
            if (count < PREFIX_BYTES) {
                prefix[(int) count] = (byte) b;
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len && count + i < PREFIX_BYTES; i++) {
                prefix[(int) count + i] = b[off + i];
            }
            count += len;
        }
    }
}
