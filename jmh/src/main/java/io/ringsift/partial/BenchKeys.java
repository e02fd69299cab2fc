package io.ringsift.partial;

import java.util.SplittableRandom;

/**
 * Key hashes as the bench files have keys: 20% of them repeat an earlier one (chosen uniformly),
 * the rest are new. Deterministic for a seed. The handler harnesses feed these to a partial.
 */
public final class BenchKeys {
    /** Low and high 64 bits of each key's hash, in input order. */
    public final long[] lo;
    public final long[] hi;

    private BenchKeys(long[] lo, long[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    public static BenchKeys withRepeats(int keys, long seed) {
        long[] lo = new long[keys];
        long[] hi = new long[keys];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < keys; i++) {
            if (i > 0 && random.nextInt(5) == 0) {
                int j = random.nextInt(i);
                lo[i] = lo[j];
                hi[i] = hi[j];
            } else {
                lo[i] = random.nextLong();
                hi[i] = random.nextLong();
            }
        }
        return new BenchKeys(lo, hi);
    }
}
