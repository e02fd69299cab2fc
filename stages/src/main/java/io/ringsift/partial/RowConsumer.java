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
}
