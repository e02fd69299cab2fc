package io.ringsift.source;

/**
 * One piece of input a reader takes from the shared queue: a whole CSV file, a byte range of a
 * large one, or a Mongo {@code _id} range. Units are numbered 0..n-1 in input order; that order is
 * what per-file output order and the resume journal refer to.
 */
public interface WorkUnit {
    int id();

    /** The file path or {@code db.collection} the unit belongs to, as shown to users. */
    String source();

    /** A short human description naming the position, e.g. {@code "data.csv bytes 0-1048576"}. */
    String describe();
}
