package io.ringsift.partial;

/** How much field statistics a run keeps ({@code --stats}). */
public enum StatsLevel {
    /** No field statistics: keys, filter and counts only. */
    NONE,
    /** Non-empty counts, inferred types, min/max length. */
    BASIC,
    /** BASIC plus a distinct-value sketch per field. */
    FULL
}
