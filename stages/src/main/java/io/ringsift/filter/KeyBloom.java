package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import io.ringsift.filter.BloomGeometry;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import io.ringsift.key.Murmur3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A Bloom filter with exactly the bits of Guava's {@code BloomFilter<KeyHash>} (strategy
 * MURMUR128_MITZ_64 fed by {@link KeyHashFunnel}) and exactly its serialized bytes, for a partial
 * confined to one handler thread.
 *
 * <p>Why not Guava's own on the hot path: its {@code put} builds a streaming hasher, a buffer and a
 * {@code HashCode} per key, and sets each bit with a CAS on an {@code AtomicLongArray} plus a
 * {@code LongAdder} increment, all to be thread-safe, which a partial owned by one thread does not
 * need. JMH {@code BloomPutBench}: 145 ns to 79 ns per put at 1e5 keys, 395 ns to 229 ns at 1e7.
 * The bits are Guava's: the same murmur3_128 of the 16 funnelled bytes, then Kirsch-Mitzenmacher
 * double hashing {@code g_i = h1 + i * h2}, bit {@code (g_i & Long.MAX_VALUE) % bitSize}, as in
 * {@code BloomFilterStrategies.MURMUR128_MITZ_64}. {@link #toGuava()} hands the result to the
 * filter file code as a stock Guava filter; {@code KeyBloomTest} checks bit-for-bit equality.
 *
 * <p>Sizes: {@link #KeyBloom(FilterParams)} gives Guava's own size for the parameters (format v1);
 * {@link #withShape} any whole number of words. ringsift's own filters use powers of two
 * ({@link BloomGeometry#powerOfTwo}): then {@code x % bitSize == x & (bitSize - 1)}, which saves a
 * 64-bit division per probe, and a filter of 2m bits folds exactly onto m bits ({@link #foldTo}).
 *
 * <p>Reads ({@link #mightContain}) of a filter nobody writes to any more are safe from any thread.
 */
public final class KeyBloom {
    private final long[] data;
    private final long bitSize;
    /** {@code bitSize - 1} when bitSize is a power of two, else -1 (use the modulo). */
    private final long mask;
    private final int hashFunctions;
    private final long[] scratch = new long[2];
    /** Bits set: kept by {@link #put}, recounted by {@link #putAll}; gives the fill and the fpp at fill without a scan. */
    private long setBits;

    /** Guava's size for these parameters ({@code BloomFilter.create(funnel, n, p)}): the format v1 shape. */
    public KeyBloom(FilterParams params) {
        this(new long[BloomGeometry.predicted(params.expectedKeys(), params.fpp()).words()],
                BloomGeometry.predicted(params.expectedKeys(), params.fpp()).hashFunctions(), 0);
    }

    private KeyBloom(long[] data, int hashFunctions) {
        this(data, hashFunctions, bitCount(data));
    }

    /** @param setBits the bits set in {@code data}: 0 for a fresh array, which is not scanned (a run's filter is 16 MiB) */
    private KeyBloom(long[] data, int hashFunctions, long setBits) {
        if (hashFunctions < 1 || hashFunctions > 255) {
            throw new IllegalArgumentException("Hash functions (" + hashFunctions + ") must be 1..255");
        }
        this.data = data;
        this.bitSize = (long) data.length * 64;
        this.mask = Long.bitCount(bitSize) == 1 ? bitSize - 1 : -1;
        this.hashFunctions = hashFunctions;
        this.setBits = setBits;
    }

    private static long bitCount(long[] data) {
        long n = 0;
        for (long w : data) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** An empty filter of {@code g.words()} words and {@code g.hashFunctions()} hash functions. */
    public static KeyBloom withShape(BloomGeometry g) {
        return new KeyBloom(new long[g.words()], g.hashFunctions(), 0);
    }

    private long index(long combined) {
        long positive = combined & Long.MAX_VALUE;
        return mask >= 0 ? positive & mask : positive % bitSize;
    }

    /** Adds a key; true when a bit changed, i.e. the key was certainly not present (Guava's {@code put}). */
    public boolean put(long lo, long hi) {
        long[] h = scratch;
        Murmur3.twoLongs(lo, hi, h);
        long combined = h[0];
        long step = h[1];
        boolean changed = false;
        for (int i = 0; i < hashFunctions; i++) {
            long index = index(combined);
            int word = (int) (index >>> 6);
            long bit = 1L << index;
            long old = data[word];
            if ((old & bit) == 0) {
                data[word] = old | bit;
                setBits++;
                changed = true;
            }
            combined += step;
        }
        return changed;
    }

    /**
     * Sets the key's bits without asking which were set already, and without counting them: for a
     * set of keys added all at once, whose bits do not depend on their order. Each probe is a plain
     * OR, so the probes of one key and of the next overlap in the CPU; {@link #put}'s "was it set"
     * branch, mispredicted on a third of the probes of a filling filter, cancels them: 181 against
     * 51 ns a key adding 8M keys at the end of a run (docs/benchmarks.md, "The filter built from the
     * exact set"). Call {@link #recount} when done.
     */
    public void add(long lo, long hi) {
        long[] h = scratch;
        Murmur3.twoLongs(lo, hi, h);
        long combined = h[0];
        long step = h[1];
        long[] d = data;
        for (int i = 0; i < hashFunctions; i++) {
            long index = index(combined);
            d[(int) (index >>> 6)] |= 1L << index;
            combined += step;
        }
    }

    /** Counts the set bits again, after {@link #add}. */
    public void recount() {
        setBits = bitCount(data);
    }

    /** True when the key was probably added; false when it certainly was not. Safe for concurrent readers. */
    public boolean mightContain(long lo, long hi) {
        long[] h = new long[2]; // not the scratch: readers may be many threads; escape analysis removes it
        Murmur3.twoLongs(lo, hi, h);
        long combined = h[0];
        for (int i = 0; i < hashFunctions; i++) {
            long index = index(combined);
            if ((data[(int) (index >>> 6)] & (1L << index)) == 0) {
                return false;
            }
            combined += h[1];
        }
        return true;
    }

    /** Adds every key of {@code other}, which must have the same shape (same parameters). */
    public void putAll(KeyBloom other) {
        if (other.data.length != data.length || other.hashFunctions != hashFunctions) {
            throw new IllegalArgumentException("Filters differ in shape (" + bitSize + " bits, " + hashFunctions
                    + " hash functions vs " + other.bitSize + ", " + other.hashFunctions + "): they cannot be merged");
        }
        long n = 0;
        for (int i = 0; i < data.length; i++) {
            data[i] |= other.data[i];
            n += Long.bitCount(data[i]);
        }
        setBits = n;
    }

    /**
     * This filter folded onto {@code bits} bits: word {@code w} of the result is the OR of every
     * word {@code w + j * bits/64}. Both sizes must be powers of two, so for any hash
     * {@code x mod bits = (x mod bitSize) mod bits}: each key's k bits land exactly where a filter
     * built at {@code bits} would put them, and the fold equals that filter bit for bit
     * (FoldMergeTest). It answers for every key this one held, at the smaller size's higher fpp.
     */
    public KeyBloom foldTo(long bits) {
        if (mask < 0 || Long.bitCount(bits) != 1 || bits < 64 || bits > bitSize) {
            throw new IllegalArgumentException("Fold target (" + bits + " bits) must be a power of two >= 64 and <= this filter's "
                    + bitSize + " bits, which must be a power of two too");
        }
        long[] folded = new long[(int) (bits / 64)];
        for (int i = 0; i < data.length; i++) {
            folded[i & (folded.length - 1)] |= data[i];
        }
        return new KeyBloom(folded, hashFunctions);
    }

    /** An empty filter of this one's shape. */
    public KeyBloom emptyLike() {
        return new KeyBloom(new long[data.length], hashFunctions, 0);
    }

    /** A copy with the same bits. */
    public KeyBloom copy() {
        return new KeyBloom(data.clone(), hashFunctions, setBits);
    }

    /** Fraction of bits set, X/m. */
    public double fill() {
        return (double) setBits / bitSize;
    }

    /** Bits set, X. */
    public long setBits() {
        return setBits;
    }

    /**
     * Probability that a key not in the filter answers "might contain" now: (X/m)^k, the standard
     * approximation (it treats the k probes as independent; with double hashing and large m the
     * difference is negligible, Kirsch &amp; Mitzenmacher 2006).
     */
    public double fppAtFill() {
        return Math.pow(fill(), hashFunctions);
    }

    /**
     * Distinct keys inserted, estimated from the fill (Swamidass &amp; Baldi 2007):
     * n ≈ -m/k · ln(1 - X/m); {@link Long#MAX_VALUE} when every bit is set.
     */
    public long approximateKeys() {
        if (setBits >= bitSize) {
            return Long.MAX_VALUE;
        }
        return Math.round(-(double) bitSize / hashFunctions * Math.log1p(-fill()));
    }

    public long bitSize() {
        return bitSize;
    }

    public int hashFunctions() {
        return hashFunctions;
    }

    /** Guava's serialized form: strategy ordinal, hash count, word count, then the words, big-endian. */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeByte(BloomGeometry.MURMUR128_MITZ_64);
        d.writeByte(hashFunctions);
        d.writeInt(data.length);
        // in 64 KiB pieces: a writeLong per word went through every stream layer 8 bytes at a time
        // (tens of ms for a 16 MB filter, on the main thread after the ring has drained)
        byte[] piece = new byte[Math.min(data.length, 8192) * Long.BYTES];
        for (int i = 0; i < data.length; ) {
            int n = Math.min(data.length - i, piece.length / Long.BYTES);
            for (int j = 0; j < n; j++) {
                BIG_ENDIAN_LONGS.set(piece, j * Long.BYTES, data[i + j]);
            }
            d.write(piece, 0, n * Long.BYTES);
            i += n;
        }
        d.flush();
    }

    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Reads what {@link #writeTo} (or Guava's {@code BloomFilter.writeTo} with this strategy) wrote. */
    public static KeyBloom readFrom(DataInput in) throws IOException {
        int strategy = in.readByte();
        if (strategy != BloomGeometry.MURMUR128_MITZ_64) {
            throw new IOException("Bloom filter strategy " + strategy + " is not MURMUR128_MITZ_64 (" + BloomGeometry.MURMUR128_MITZ_64 + ")");
        }
        int k = in.readUnsignedByte();
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return new KeyBloom(words, k);
    }

    /** The same filter as a stock Guava {@code BloomFilter<KeyHash>} (a copy). */
    public BloomFilter<KeyHash> toGuava() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length * 8 + 6);
            writeTo(bytes);
            return BloomFilter.readFrom(new ByteArrayInputStream(bytes.toByteArray()), KeyHashFunnel.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Guava filter as a KeyBloom (a copy), e.g. a reference filter loaded from a file. */
    public static KeyBloom fromGuava(BloomFilter<KeyHash> filter) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            filter.writeTo(bytes);
            return readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
