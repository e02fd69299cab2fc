package io.ringsift.record;

/**
 * Takes one column's values as UTF-8 byte slices: what a reader hands to a handler with a batch
 * when the handler keeps that column's statistics ({@link HandedColumns}).
 */
public interface ValueSink {
    /**
     * Takes the value {@code b[start..end)} (already unescaped; empty when start == end);
     * {@code ascii} true when the caller knows every byte of it is ASCII.
     */
    void accept(byte[] b, int start, int end, boolean ascii);
}
