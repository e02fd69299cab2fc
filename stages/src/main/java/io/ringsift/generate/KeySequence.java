package io.ringsift.generate;

import java.util.SplittableRandom;

/**
 * Decides each row's key and counts distinct keys and duplicates exactly, in O(1) memory.
 *
 * <p>Keys are numbered by first appearance: key index {@code i} is the i-th distinct key. A fresh row
 * takes the next index; a duplicate row takes a uniformly random earlier index. The key text is a
 * bijective 64-bit mix of the index, so distinct indices always give distinct texts and the number
 * of distinct keys is exactly the number of fresh indices — no set of emitted keys is needed.
 */
public final class KeySequence {
    private static final String[] PREFIXES = {
        "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k",
        "k,", "k\"q", "clé-", "キー-", // some keys need CSV quoting or are not ASCII
    };
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;
    private final double dupRate;
    private final long salt;
    private final char[] hex = new char[16];
    private long rows;
    private long distinct;

    public KeySequence(long seed, double dupRate) {
        this.random = new SplittableRandom(seed);
        this.dupRate = dupRate;
        this.salt = mix(seed ^ 0x9E3779B97F4A7C15L);
    }

    /** The key index for the next row. */
    public long next() {
        rows++;
        // always draw, so the random stream (and the output) does not depend on which branch ran
        double r = random.nextDouble();
        if (distinct > 0 && r < dupRate) {
            return random.nextLong(distinct);
        }
        return distinct++;
    }

    /** The text of key {@code index}: a prefix and 16 hex digits, both functions of one bijective mix. */
    public String text(long index) {
        long h = mix(index + salt);
        for (int i = 15; i >= 0; i--) {
            hex[i] = HEX[(int) (h >>> (4 * (15 - i))) & 0xF];
        }
        return PREFIXES[(int) (h >>> 60)] + new String(hex);
    }

    public long rows() {
        return rows;
    }

    public long distinctKeys() {
        return distinct;
    }

    public long duplicateRows() {
        return rows - distinct;
    }

    /**
     * MurmurHash3's fmix64 finaliser. Each step (xor-shift, multiply by an odd constant) is invertible
     * on 64-bit words, so the whole mix is a bijection: different inputs, different outputs.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
