package io.ringsift.partial;

/**
 * What a hasher handler does with each row of its key partition. {@link Partial} is the usual one;
 * a second pass (exact verification) brings its own. Confined to one handler thread.
 */
public interface RowConsumer<R> {
    /**
     * Takes one row. Returns true when its key counts as "seen" (for check output and dedup).
     *
     * @param raw the bytes the reader attached to the row (record text or key bytes), or null
     */
    boolean accept(long lo, long hi, R row, byte[] raw, int unit);

    /**
     * Called for each row of a batch's share before {@link #accept} is called for any of them: a
     * consumer whose tables are far bigger than the caches loads the memory a row will probe now,
     * so that the batch's cache misses are waited for together rather than one row at a time.
     * Changes nothing a consumer answers; the default does nothing.
     */
    default void prepare(long lo, long hi) {
    }
}
