package io.ringsift.partial;

import io.ringsift.filter.BloomChain;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Counts one handler's duplicate records exactly while its key hashes fit in its memory share, and
 * honestly past it.
 *
 * <p>Exact phase: every key's 128-bit hash goes into a {@link HashPairSet}; a record is a duplicate
 * when its hash is already there. When the set would grow past its share it stops growing, keeps
 * what it holds, and the counter switches to estimating.
 *
 * <p>Estimate phase: a record whose hash is in the set is still a certain duplicate. Otherwise the
 * Bloom chain answers: "certainly new" is certain; "probably seen" is a duplicate or a false
 * positive. A new key is a false positive with probability p, the filter's fpp at its current
 * fill, so the false positives among the "probably seen" answers are a sum of independent
 * Bernoulli(p_i) over the new keys. Only the new keys answered "certainly new" are observed, each
 * with probability (1 - p_i); the Horvitz–Thompson sums over them, Σ p/(1-p) and Σ p/(1-p)², are
 * unbiased for the expected false positives and for the variance of (false positives − that
 * estimate). The duplicate figure is then (probably seen − estimated false positives) with a 95%
 * normal interval (±1.96σ, widened by one to cover the discreteness of a small count), clamped to
 * what is certain: at least the certain duplicates, at most every "probably seen" answer.
 */
final class DuplicateCounter {
    /** Recompute the chain's fpp at fill this often (records past the budget): it moves slowly and costs a pow per stage. */
    private static final int FPP_REFRESH = 256;

    private final HashPairSet exact;
    /** Memory shares and exact keys of all counters merged into this one, its own included. */
    private long memoryBytes;
    private long exactKeys;
    private boolean overflowed;
    private long certain;
    private long probable;
    private double expectedFalsePositives;
    private double variance;
    private double fpp;
    private int sinceRefresh = FPP_REFRESH;

    /**
     * A table about to outgrow itself after this many records is grown to its forecast instead of
     * doubled: by then the share of new keys among the records says how many the input holds.
     */
    static final long FORECAST_AFTER = 1 << 16;

    /** Records this counter expects (its share of the input's planned records); 0 when unknown: grow by doubling only. */
    private long expectedRecords;

    DuplicateCounter(long memoryBytes) {
        this.memoryBytes = memoryBytes;
        this.exact = new HashPairSet(1024, memoryBytes);
    }

    /**
     * Records this counter is expected to see (its share of the input's planned records), used only
     * to forecast its exact set's size; 0 or less: unknown.
     */
    void expectRecords(long records) {
        this.expectedRecords = Math.max(0, records);
    }

    /**
     * The set is full and must grow: when enough records have been seen, grow it to what the rest of
     * the input will need at the rate of new keys so far (never past the expected records; an input
     * of few distinct keys keeps a small table), rather than through several doublings.
     */
    private void forecast() {
        long records = certain + exact.size();   // every record so far, while exact: a duplicate or a key added
        if (expectedRecords > 0 && records >= FORECAST_AFTER && records < expectedRecords) {
            double newShare = (double) exact.size() / records;
            exact.reserveAhead(Math.min(expectedRecords, (long) (newShare * expectedRecords)));
        }
    }

    /** Loads the exact set's slot for this key ahead of {@link #record} (see {@link RowConsumer#prepare}). */
    void prepare(long lo, long hi) {
        exact.touch(lo, hi);
    }

    /** Counts one record whose key the chain has just been asked about; true when it is (certainly or probably) a duplicate. */
    boolean record(long lo, long hi, boolean bloomNew, BloomChain chain) {
        if (!overflowed) {
            if (exact.full()) {
                forecast();
            }
            int r = exact.insert(lo, hi);
            if (r == HashPairSet.PRESENT) {
                certain++;
                return true;
            }
            if (r == HashPairSet.ADDED) {
                return false;
            }
            overflowed = true;
        } else if (exact.contains(lo, hi)) {
            certain++;
            return true;
        }
        if (!bloomNew) {
            probable++;
            return true;
        }
        if (++sinceRefresh >= FPP_REFRESH) {
            fpp = Math.min(chain.fppAtFill(), 0.999);
            sinceRefresh = 0;
        }
        double q = 1 - fpp;
        expectedFalsePositives += fpp / q;
        variance += fpp / (q * q);
        return false;
    }

    void mergeFrom(DuplicateCounter o) {
        memoryBytes = memoryBytes == Long.MAX_VALUE || o.memoryBytes == Long.MAX_VALUE ? Long.MAX_VALUE : memoryBytes + o.memoryBytes;
        exactKeys += o.exactKeys();
        overflowed |= o.overflowed;
        certain += o.certain;
        probable += o.probable;
        expectedFalsePositives += o.expectedFalsePositives;
        variance += o.variance;
    }

    /** Bytes the exact set's table takes now. */
    long tableBytes() {
        return exact.bytes();
    }

    /** True while the next record is certain to be counted exactly: the set is exact and can take one more key. */
    boolean exactForSure() {
        return !overflowed && !exact.atLimit();
    }

    /** Keys in this counter's own exact set. */
    int setSize() {
        return exact.size();
    }

    /** The keys of part {@code part} of {@code parts} of the exact set ({@link HashPairSet#forEach(int, int, HashPairSet.PairConsumer)}). */
    void forEachKey(int part, int parts, HashPairSet.PairConsumer action) {
        exact.forEach(part, parts, action);
    }

    long exactKeys() {
        return exactKeys + exact.size();
    }

    /** The figures of this counter: after merging, of the whole run. */
    KeyCounts counts(long records) {
        long memory = memoryBytes;
        if (!overflowed) {
            return new KeyCounts(KeyCounts.EXACT, records, certain, certain, certain, exactKeys(), memory);
        }
        double point = probable - expectedFalsePositives;
        double halfWidth = 1.96 * Math.sqrt(variance) + 1;
        long low = certain + clamp(Math.floor(point - halfWidth), probable);
        long high = certain + clamp(Math.ceil(point + halfWidth), probable);
        long mid = certain + clamp(Math.round(point), probable);
        return new KeyCounts(KeyCounts.ESTIMATE, records, mid, low, high, exactKeys(), memory);
    }

    private static long clamp(double v, long max) {
        return (long) Math.max(0, Math.min(max, v));
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeBoolean(overflowed);
        out.writeLong(certain);
        out.writeLong(probable);
        out.writeDouble(expectedFalsePositives);
        out.writeDouble(variance);
        exact.writeTo(out);
    }

    /**
     * The figures without the exact key set, for a partial that travels to be merged (a Spark reduce
     * task's result): key sets of disjoint partitions are never merged, only their figures, so
     * sending 16 bytes a key would be waste. Read back with {@link #readFiguresFrom}.
     */
    void writeFiguresTo(DataOutputStream out) throws IOException {
        out.writeLong(memoryBytes);
        out.writeLong(exactKeys());
        out.writeBoolean(overflowed);
        out.writeLong(certain);
        out.writeLong(probable);
        out.writeDouble(expectedFalsePositives);
        out.writeDouble(variance);
    }

    /** Into a fresh counter (empty key set): afterwards it merges and reports, it must not count new records. */
    void readFiguresFrom(DataInputStream in) throws IOException {
        memoryBytes = in.readLong();
        exactKeys = in.readLong();
        overflowed = in.readBoolean();
        certain = in.readLong();
        probable = in.readLong();
        expectedFalsePositives = in.readDouble();
        variance = in.readDouble();
    }

    void readFrom(DataInputStream in) throws IOException {
        overflowed = in.readBoolean();
        certain = in.readLong();
        probable = in.readLong();
        expectedFalsePositives = in.readDouble();
        variance = in.readDouble();
        // a smaller memory share than the checkpointed run's: the keys that do not fit are counted
        // from Bloom answers from now on, like any key past the budget
        overflowed |= !exact.readFrom(in);
    }
}
