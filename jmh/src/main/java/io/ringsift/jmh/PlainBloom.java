package io.ringsift.jmh;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A PROPOSAL priced in {@link BloomPutBench}, not engine code: a single-threaded Bloom filter whose
 * bits are exactly those of Guava's {@code BloomFilter<KeyHash>} (strategy MURMUR128_MITZ_64, fed by
 * {@link KeyHashFunnel}) and whose {@link #writeTo} bytes are exactly Guava's, so
 * {@code BloomFilter.readFrom(in, KeyHashFunnel.INSTANCE)} reads it back as a stock Guava filter.
 *
 * <p>What it drops, per put: Guava's streaming Murmur3_128Hasher object and its ByteBuffer, the
 * HashCode and its byte[], the AtomicLongArray CAS per probe and the LongAdder bit count per new
 * bit — none needed by a partial confined to one handler thread. What it keeps: the same murmur3_128
 * of the 16 funnelled bytes (lo then hi, little-endian) and Kirsch–Mitzenmacher double hashing
 * {@code g_i = h1 + i·h2}, index {@code (g_i & Long.MAX_VALUE) % bitSize}, exactly as
 * {@code BloomFilterStrategies.MURMUR128_MITZ_64.put}. {@link #sameAs} checks it bit for bit.
 */
final class PlainBloom {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private final long[] data;
    private final long bitSize;
    private final int hashFunctions;

    /** Takes Guava's own geometry (bit count, hash count) from an empty Guava filter of the same parameters. */
    PlainBloom(long expectedInsertions, double fpp) {
        byte[] header = guavaBytes(BloomFilter.create(KeyHashFunnel.INSTANCE, expectedInsertions, fpp));
        ByteBuffer b = ByteBuffer.wrap(header);
        b.get(); // strategy ordinal
        hashFunctions = b.get() & 0xFF;
        data = new long[b.getInt()];
        bitSize = (long) data.length * 64;
    }

    private PlainBloom(int words, int hashFunctions) {
        this.data = new long[words];
        this.bitSize = (long) words * 64;
        this.hashFunctions = hashFunctions;
    }

    /** An empty filter of the same geometry. */
    PlainBloom fresh() {
        return new PlainBloom(data.length, hashFunctions);
    }

    /** Adds a key hash; true when a bit changed (the key was new), like {@code BloomFilter.put}. */
    boolean put(long lo, long hi) {
        // murmur3_x64_128 of the 16 bytes LE(lo) ++ LE(hi): one full block, no tail
        long h1 = 0;
        long h2 = 0;
        long k1 = lo * C1;
        k1 = Long.rotateLeft(k1, 31) * C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        long k2 = hi * C2;
        k2 = Long.rotateLeft(k2, 33) * C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
        h1 ^= 16;
        h2 ^= 16;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        boolean changed = false;
        long combined = h1;
        for (int i = 0; i < hashFunctions; i++) {
            long index = (combined & Long.MAX_VALUE) % bitSize;
            int word = (int) (index >>> 6);
            long mask = 1L << index;
            long old = data[word];
            if ((old & mask) == 0) {
                data[word] = old | mask;
                changed = true;
            }
            combined += h2;
        }
        return changed;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Guava's serialized form: strategy ordinal (1), hash count, word count, words big-endian. */
    void writeTo(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeByte(1);
        d.writeByte(hashFunctions);
        d.writeInt(data.length);
        for (long w : data) {
            d.writeLong(w);
        }
        d.flush();
    }

    /** True when this filter serialises to exactly the bytes of {@code guava}. */
    boolean sameAs(BloomFilter<KeyHash> guava) {
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        try {
            writeTo(mine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Arrays.equals(mine.toByteArray(), guavaBytes(guava));
    }

    private static byte[] guavaBytes(BloomFilter<KeyHash> f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            f.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
