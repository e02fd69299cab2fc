package io.ringsift.partial;

/**
 * Which threads keep a CSV run's column statistics ({@code --stats-on}). Wherever they are kept,
 * each column's figures are built by one thread at a time over its reader's rows in order, so
 * the report is the same.
 */
public enum StatsPlacement {
    /** The readers, handing columns to handlers that wait for work (the default). */
    AUTO,
    /** The readers only. */
    READERS,
    /** The handlers: every column is handed over with the first batch. */
    HANDLERS
}
